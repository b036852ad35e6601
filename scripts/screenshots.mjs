// Takes screenshots of running Jalon pages in French and English at desktop and phone sizes,
// so that people (and reviewers) look at what users see. Usage:
//   node scripts/screenshots.mjs http://127.0.0.1:8080 / /consortia/<id> ...
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) {
  console.error('usage: node scripts/screenshots.mjs <base-url> <path> [path…]');
  process.exit(2);
}
const out = process.env.SCREENSHOT_DIR ?? '.tmp/screens';
mkdirSync(out, { recursive: true });
const sizes = [
  { name: 'desktop', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
];
for (const locale of ['fr', 'en']) {
  for (const size of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'jalon-shots-'));
    const ctx = await chromium.launchPersistentContext(dir, {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: size.width, height: size.height },
      locale: locale === 'fr' ? 'fr-FR' : 'en-GB',
    });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(base);
    await page.evaluate((l) => localStorage.setItem('jalon.locale', l), locale);
    for (const path of paths) {
      await page.goto(base + path, { waitUntil: 'networkidle' });
      await page.waitForTimeout(400);
      const file = join(
        out,
        `${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${locale}-${size.name}.png`,
      );
      await page.screenshot({ path: file, fullPage: process.env.FULL_PAGE === '1' });
      console.log(file);
    }
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
