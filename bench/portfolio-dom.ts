// Portfolio page weight (not part of `npm test`): `npm run build`, then
// `DATA_DIR=<seeded dir> tsx bench/portfolio-dom.ts [out-dir]`. Serves the built app on
// 127.0.0.1:8421 over that data directory, signs in as the demo manager in the system Chromium
// and prints the DOM node count of the portfolio, unfiltered and with a health filter, and takes
// screenshots at 1366×768 and 390×844 in French and English.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/domain/demo/people';

const PORT = 8421;
const BASE = `http://127.0.0.1:${PORT}`;
const OUT = process.argv[2] ?? tmpdir();
const dataDir = process.env.DATA_DIR;
if (!dataDir) throw new Error('DATA_DIR (a seeded data directory) is required');

const server = spawn(process.execPath, ['--import', 'tsx', 'server/node/main.ts', 'serve'], {
  env: {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
process.on('exit', () => server.kill('SIGKILL'));
const profile = mkdtempSync(join(tmpdir(), 'jalon-dom-chromium-'));
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${BASE}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 300) throw new Error('the server did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    viewport: { width: 1366, height: 768 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${BASE}/login`);
  await page.fill('input[type=email]', 'manager@jalon.test');
  await page.fill('input[type=password]', DEMO_PASSWORD);
  await page.click('button[type=submit]');
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  const name = dataDir.split('/').filter(Boolean).at(-1) ?? 'data';
  for (const locale of ['fr', 'en']) {
    await page.evaluate((l) => localStorage.setItem('jalon.locale', l), locale);
    for (const query of ['', '?health=at_risk']) {
      for (const [w, h] of [
        [1366, 768],
        [390, 844],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.goto(`${BASE}/${query}`);
        await page.waitForSelector('article.consortium-card, .empty-state');
        const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
        const file = join(OUT, `portfolio-${name}-${locale}-${query ? 'at_risk' : 'all'}-${w}.png`);
        await page.screenshot({ path: file, fullPage: w < 1000 ? false : true });
        console.log(`${locale} ${query || '(no filter)'} ${w}×${h}: ${nodes} DOM nodes → ${file}`);
      }
    }
  }
  await context.close();
} finally {
  server.kill('SIGTERM');
  rmSync(profile, { recursive: true, force: true });
}
