import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPortfolio, summariseConsortiumKpis } from '@domain/rules/summaries';
import {
  consortiaOf,
  currentValuesOf,
  kpisOf,
  latestValuesOf,
  milestonesOf,
  programmeOr404,
  settingsOf,
} from '@server/db/queries';
import { createTestServer, type TestServer } from '@server/node/testing';

/*
 * The portfolio reads only the latest value of each cell (issue "fast at the size of a real
 * portfolio"). Whatever the stored periods and revisions, including a KPI that changed frequency
 * and so holds months, quarters and years side by side, the cards must be exactly those the pure
 * rule builds from every current value, and so must each cell's latest value and status.
 */
const CONSORTIA = ['coord-dom', 'sortie-plus', 'ehpad-connect'];
const PERIODS = ['2025', '2025-Q4', '2025-11', '2025-12', '2026-Q1', '2026-01', '2026-03', '2026'];

const cell = fc.record({
  consortium: fc.constantFrom(...CONSORTIA),
  kpi: fc.nat(),
  period: fc.constantFrom(...PERIODS),
  revisions: fc.integer({ min: 1, max: 3 }),
  value: fc.double({ min: -50, max: 500, noNaN: true }),
});

export function portfolioAggregateSuite(database: 'pglite' | 'postgres'): void {
  let server: TestServer;
  const db = () => server.database.db;

  beforeAll(async () => {
    server = await createTestServer({ database });
  });
  afterAll(() => server?.close());

  describe('the portfolio from latest values only', () => {
    it('equals the portfolio from every current value, on random stored values', async () => {
      const programme = await programmeOr404(db(), 'pascaline');
      const consortia = await consortiaOf(db(), 'pascaline');
      const ids = consortia.map((c) => c.id);
      const settings = await settingsOf(db(), ids);
      const kpis = await kpisOf(db(), 'pascaline');
      const milestones = await milestonesOf(db(), ids);
      const tracked = (consortiumId: string) =>
        settings.filter((s) => s.consortiumId === consortiumId).map((s) => s.kpiId);
      const portfolio = (values: Awaited<ReturnType<typeof latestValuesOf>>) =>
        buildPortfolio({
          programme,
          consortia,
          milestones,
          kpis,
          settings,
          values,
          today: '2026-04-15',
          readerOf: () => ({ suppressSmallCounts: false, smallCountThreshold: 0 }),
        });

      const reader = { suppressSmallCounts: false, smallCountThreshold: 0 };
      const cellsOf = (values: Awaited<ReturnType<typeof latestValuesOf>>) =>
        CONSORTIA.flatMap((id) =>
          summariseConsortiumKpis(
            kpis,
            settings.filter((s) => s.consortiumId === id),
            values.filter((v) => v.consortiumId === id),
            reader,
          ).map((k) => ({ id, kpi: k.kpi.id, latest: k.latest, status: k.status })),
        );

      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(cell, {
            maxLength: 40,
            selector: (c) => [c.consortium, c.kpi % 4, c.period].join(),
          }),
          async (cells) => {
            await db().deleteFrom('kpiValues').execute();
            const rows = cells.flatMap((c) => {
              const own = tracked(c.consortium);
              const kpiId = own[c.kpi % Math.min(4, own.length)] ?? own[0] ?? '';
              return Array.from({ length: c.revisions }, (_, r) => ({
                id: `fuzz-${c.consortium}-${kpiId}-${c.period}-${r + 1}`,
                consortiumId: c.consortium,
                kpiId,
                period: c.period,
                value: c.value + r,
                numerator: null,
                denominator: null,
                provisional: false,
                source: 'test',
                note: '',
                explanation: '',
                definitionVersion: 1,
                revision: r + 1,
                enteredBy: 'user-lead-a',
                enteredAt: '2026-04-01T10:00:00Z',
                version: 1,
              }));
            });
            const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
            if (unique.length > 0) await db().insertInto('kpiValues').values(unique).execute();
            const latest = await latestValuesOf(db(), ids);
            const every = await currentValuesOf(db(), ids);
            expect(portfolio(latest)).toEqual(portfolio(every));
            expect(cellsOf(latest)).toEqual(cellsOf(every));
          },
        ),
        { numRuns: 40, seed: 20261203 },
      );
    }, 120_000);
  });
}
