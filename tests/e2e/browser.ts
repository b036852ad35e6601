import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** The server started by tests/e2e/global-setup.ts. */
export const BASE_URL = inject('jalonUrl');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh Chromium profile per session, so no cookie, storage or service worker leaks between tests. */
export async function openSession(
  options: { locale?: 'fr' | 'en'; width?: number; height?: number } = {},
): Promise<Session> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'jalon-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ARGS,
    locale: options.locale === 'en' ? 'en-GB' : 'fr-FR',
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const require = createRequire(import.meta.url);

/** Runs axe-core in the page; returns the violations (ids and the offending targets). */
export async function axeViolations(page: Page): Promise<{ id: string; targets: string[] }[]> {
  // Evaluated through the DevTools protocol: the page's CSP rightly forbids injected <script> tags.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({ id: v.id, targets: v.nodes.flatMap((n) => n.target) }));
  });
}

/** Signs in through the real sign-in page, as a person would. */
export async function signIn(
  page: Page,
  email: string,
  password: string,
  baseUrl: string = BASE_URL,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}
