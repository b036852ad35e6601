// Chart benchmark (not part of `npm test`): `npm run build`, then `npm run bench`.
// Starts the production server on a fresh database per scenario (127.0.0.1:8319), adds a long
// PAT_INC series with the operator command `seed --kpi-series N`, opens the KPI detail chart in
// the system Chromium and measures the time from navigation start to the first frame painted
// after the chart's value line exists, over several runs. Prints medians and point counts.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { BENCH_CONSORTIUM_ID } from '../src/domain/demo/kpi-bench';
import { DEMO_PASSWORD } from '../src/domain/demo/people';
import { serve, stop } from './server-process';

const PORT = 8319;
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const CHART = `/consortia/${BENCH_CONSORTIUM_ID}/kpis/kpi-pat-inc`;
const SERIES_API = `/api/v1/kpis/kpi-pat-inc/series?consortia=${BENCH_CONSORTIUM_ID}`;

interface Scenario {
  name: string;
  /** Monthly values stored for the bench consortium. */
  stored: number;
}

const SCENARIOS: Scenario[] = [
  // Value, target, baseline and three tolerance bands: six series of 60 periods each.
  { name: 'detail chart, 6 series × 60 points', stored: 60 },
  { name: 'detail chart, 10,000-point series (LTTB on the server)', stored: 10_000 },
];

interface Measure {
  paintMs: number;
  /** Periods the chart drew (data-points) and what the API said about the series. */
  chartPoints: number;
  apiPoints: number;
  apiTotal: number;
}

function env(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  };
}

function jalon(dataDir: string, ...args: string[]): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/node/main.ts', ...args], {
    env: env(dataDir),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`jalon ${args.join(' ')} failed (${r.status})`);
}

/**
 * Resolves with ms since navigation start at the first frame after the value line has a path.
 * A string, not a function: tsx would wrap a function with helpers the page does not have.
 */
const PAINT_PROBE = `
  window.__chartPaint = new Promise((resolve) => {
    const drawn = () => {
      const path = document.querySelector('.chart-box .line-value path');
      return path !== null && (path.getAttribute('d') || '').length > 0;
    };
    const observer = new MutationObserver(() => {
      if (!drawn()) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true, attributes: true });
    // A chart that never draws (an error page) is a failed run, not a hung benchmark.
    setTimeout(() => resolve(-1), 60000);
  });
`;

async function measureOnce(page: Page): Promise<Measure> {
  const series = page.waitForResponse((r) => r.url().includes('/series?'), { timeout: 60_000 });
  // Observed even if the page fails first, so that the real error is the one reported.
  series.catch(() => undefined);
  await page.goto(BASE + CHART);
  const paintMs = await page.evaluate(
    () => (window as unknown as { __chartPaint: Promise<number> }).__chartPaint,
  );
  if (paintMs < 0) {
    const heading = await page.locator('h1').first().textContent();
    throw new Error(`the chart did not draw within 60 s (page: ${heading ?? 'blank'})`);
  }
  const body = (await (await series).json()) as {
    series: { points: unknown[]; totalPoints: number }[];
  };
  const chartPoints = Number(await page.locator('.chart-box').getAttribute('data-points'));
  return {
    paintMs,
    chartPoints,
    apiPoints: body.series[0]?.points.length ?? 0,
    apiTotal: body.series[0]?.totalPoints ?? 0,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function apiTiming(page: Page): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const res = await page.request.get(BASE + SERIES_API);
    bytes = (await res.body()).length;
    times.push(performance.now() - t0);
  }
  return { ms: median(times), bytes };
}

async function runScenario(s: Scenario) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jalon-bench-'));
  const profile = mkdtempSync(join(tmpdir(), 'jalon-bench-chromium-'));
  let server: ChildProcess | null = null;
  try {
    jalon(dataDir, 'seed', '--demo');
    jalon(dataDir, 'seed', '--kpi-series', String(s.stored));
    server = await serve(env(dataDir), BASE, 'inherit');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
      viewport: { width: 1366, height: 768 },
      locale: 'fr-FR',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${BASE}/login`);
      await page.getByLabel('Adresse e-mail').fill('manager@jalon.test');
      await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/login'));
      await page.addInitScript({ content: PAINT_PROBE });
      await measureOnce(page); // warm-up: file cache, JIT, the server's first query
      const runs: Measure[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measureOnce(page));
      const api = await apiTiming(page);
      const paints = runs.map((r) => r.paintMs);
      return {
        scenario: s.name,
        runs: RUNS,
        medianPaintMs: Math.round(median(paints)),
        minPaintMs: Math.round(Math.min(...paints)),
        maxPaintMs: Math.round(Math.max(...paints)),
        storedPoints: s.stored,
        apiTotalPoints: runs[0]!.apiTotal,
        apiPointsSent: runs[0]!.apiPoints,
        chartPoints: runs[0]!.chartPoints,
        seriesApiMedianMs: Math.round(api.ms),
        seriesApiBytes: api.bytes,
      };
    } finally {
      await context.close();
    }
  } finally {
    if (server) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}

if (!existsSync('dist/index.html')) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
const results = [];
for (const s of SCENARIOS) {
  const r = await runScenario(s);
  results.push(r);
  console.log(
    `${r.scenario}: median ${r.medianPaintMs} ms to paint (min ${r.minPaintMs}, max ${r.maxPaintMs}, ${r.runs} runs); ` +
      `${r.storedPoints} stored → API sent ${r.apiPointsSent} of ${r.apiTotalPoints} → chart drew ${r.chartPoints} periods; ` +
      `series endpoint median ${r.seriesApiMedianMs} ms, ${(r.seriesApiBytes / 1024).toFixed(1)} kB`,
  );
}
console.log(JSON.stringify(results, null, 2));
