import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  ConsortiumKpiSummary,
  KpiSeriesResponse,
  KpiValue,
  Programme,
  ReportingPeriod,
} from '@domain/contract';
import { createTestServer, DEMO_LOGINS, type Client, type TestServer } from '@server/node/testing';
import {
  CONSORTIUM,
  expectCsvMasked,
  expectNothingSmall,
  expectPortfolioAsSeen,
  getJson,
} from './small-counts-readers';

/* The examples on ehpad-connect, replayed as an observer, then generated readers. */
let server: TestServer;
let manager: Client;
let observer: Client;
// The cell is 2026-12; the test clock's demo has its own latest period, used instead.
let CELL = '';

async function put(path: string, body: object, version: number | null) {
  const res = await manager.request('PUT', `/api/v1${path}`, {
    body,
    headers: version === null ? {} : { 'If-Match': `"${version}"` },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { version: number };
}

beforeAll(async () => {
  server = await createTestServer({ database: 'pglite' });
  manager = await server.as(DEMO_LOGINS.manager);
  observer = await server.as(DEMO_LOGINS.observer);
  const rate = {
    provisional: false,
    source: 'Registres',
    explanation: 'Deux EHPAD fermés ce mois',
  };
  const listed = await getJson<{ items: KpiValue[] }>(
    manager,
    `/consortia/${CONSORTIUM}/kpis/kpi-transf-urg/values`,
  );
  CELL = `/consortia/${CONSORTIUM}/kpis/kpi-transf-urg/values/${listed.items.at(-1)!.period}`;
  const current = await getJson<{ items: KpiValue[] }>(manager, `${CELL}/history`);
  const first = await put(
    CELL,
    { ...rate, numerator: 12, denominator: 5 },
    current.items[0]?.version ?? null,
  );
  await put(CELL, { ...rate, numerator: 0, denominator: 4 }, first.version);
  const { items } = await getJson<{ items: ConsortiumKpiSummary[] }>(
    manager,
    `/consortia/${CONSORTIUM}/kpis`,
  );
  // A new baseline moves the targets of locked months: the manager reopens them first.
  const { programmeId } = await getJson<{ programmeId: string }>(
    manager,
    `/consortia/${CONSORTIUM}`,
  );
  const periods = await getJson<{ items: ReportingPeriod[] }>(
    manager,
    `/programmes/${programmeId}/periods`,
  );
  for (const p of periods.items.filter((x) => x.status === 'locked')) {
    const res = await manager.request('POST', `/api/v1/periods/${p.id}/reopen`, {
      body: { reason: 'Référence corrigée' },
      headers: { 'If-Match': `"${p.version}"` },
    });
    expect(res.status).toBe(200);
  }
  const proEq = items.find((s) => s.kpi.code === 'PRO_EQ')!.settings;
  const { baseline, targets, tolerance } = proEq;
  await put(
    `/consortia/${CONSORTIUM}/kpis/kpi-pro-eq`,
    { baseline: { ...baseline!, value: 3 }, targets, tolerance },
    proEq.version,
  );
}, 60_000);
afterAll(async () => {
  await server?.close();
});

describe('a rate with a small denominator', () => {
  it('reads "hidden" in the cell history for an observer, in full for the manager', async () => {
    const seen = await getJson<{ items: KpiValue[] }>(observer, `${CELL}/history`);
    expect(seen.items.slice(0, 2)).toMatchObject([
      { suppressed: true, value: null, numerator: null, denominator: null },
      { suppressed: true, value: null, numerator: null, denominator: null },
    ]);
    const raw = await getJson<{ items: KpiValue[] }>(manager, `${CELL}/history`);
    expect(raw.items.slice(0, 2)).toMatchObject([
      { numerator: 0, denominator: 4 },
      { numerator: 12, denominator: 5 },
    ]);
  });

  it('reads "< threshold" in the audit before and after, never the count', async () => {
    const { items } = await getJson<{ items: AuditEntry[] }>(
      observer,
      `/consortia/${CONSORTIUM}/history`,
    );
    const cell = items.filter(
      (e) => e.after?.kpiId === 'kpi-transf-urg' && CELL.endsWith(String(e.after?.period)),
    );
    expect(cell.length).toBeGreaterThanOrEqual(2);
    const hidden = { hidden: 'belowThreshold', threshold: 10 };
    for (const e of cell)
      for (const side of [e.before, e.after])
        if (side)
          for (const field of ['value', 'numerator', 'denominator'] as const)
            if (field in side) expect(side[field], `${e.id} ${field}`).toEqual(hidden);
    // The entries of both writes hold the counts they changed, each one hidden.
    expect(cell.some((e) => e.after && 'denominator' in e.after)).toBe(true);
  });
});

describe("a count KPI's baseline of 3", () => {
  it('is hidden in the consortium KPIs, the series settings and the settings audit', async () => {
    const { items } = await getJson<{ items: ConsortiumKpiSummary[] }>(
      observer,
      `/consortia/${CONSORTIUM}/kpis`,
    );
    expect(items.find((s) => s.kpi.code === 'PRO_EQ')!.settings.baseline?.value).toBeNull();
    const { series } = await getJson<KpiSeriesResponse>(
      observer,
      `/kpis/kpi-pro-eq/series?consortia=${CONSORTIUM}`,
    );
    expect(series[0]!.settings?.baseline?.value).toBeNull();
    const history = await getJson<{ items: AuditEntry[] }>(
      observer,
      `/consortia/${CONSORTIUM}/history`,
    );
    const entry = history.items.find(
      (e) => e.entityType === 'consortiumKpi' && e.after?.kpiId === 'kpi-pro-eq',
    )!;
    expect(entry.after?.baseline).toMatchObject({
      value: { hidden: 'belowThreshold', threshold: 10 },
    });
    const raw = await getJson<{ items: ConsortiumKpiSummary[] }>(
      manager,
      `/consortia/${CONSORTIUM}/kpis`,
    );
    expect(raw.items.find((s) => s.kpi.code === 'PRO_EQ')!.settings.baseline?.value).toBe(3);
  });
});

describe('a suppressed point of TELEEXP', () => {
  it('carries no target and no status', async () => {
    const { series } = await getJson<KpiSeriesResponse>(observer, '/kpis/kpi-teleexp/series');
    const hidden = series.flatMap((s) => s.points.filter((p) => p.suppressed));
    expect(hidden.length).toBeGreaterThan(0);
    for (const p of hidden) expect(p).toMatchObject({ target: null, status: null, value: null });
  });
});

describe('property: nothing below the threshold is readable by a reader who may not see it', () => {
  it('holds for generated thresholds and counts on every read route and export', async () => {
    const { programmeId } = await getJson<{ programmeId: string }>(
      manager,
      `/consortia/${CONSORTIUM}`,
    );
    const kpis = (
      await getJson<{ items: ConsortiumKpiSummary[] }>(manager, `/consortia/${CONSORTIUM}/kpis`)
    ).items.map((s) => s.kpi);
    const proEq = `/consortia/${CONSORTIUM}/kpis/kpi-pro-eq/values`;
    const { items } = await getJson<{ items: KpiValue[] }>(manager, proEq);
    const cell = `${proEq}/${items.at(-1)!.period}`;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 200 }),
        async (threshold, count) => {
          const programme = await getJson<Programme>(manager, `/programmes/${programmeId}`);
          const res = await manager.request('PATCH', `/api/v1/programmes/${programmeId}`, {
            body: { smallCountThreshold: threshold },
            headers: { 'If-Match': `"${programme.version}"` },
          });
          expect(res.status).toBe(200);
          const history = await getJson<{ items: KpiValue[] }>(manager, `${cell}/history`);
          const body = { value: count, provisional: false, source: 'Registre', explanation: 'x' };
          await put(cell, body, history.items[0]?.version ?? null);
          await expectNothingSmall(observer, kpis, threshold);
          await expectPortfolioAsSeen(observer, programmeId);
          await expectCsvMasked(manager, kpis, threshold);
        },
      ),
      {
        numRuns: 4,
        examples: [
          [10, 3],
          [5, 4],
          [100, 99],
        ],
      },
    );
  }, 120_000);
});
