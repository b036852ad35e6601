import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import {
  buildKpiSeries,
  cellHistory,
  compareCells,
  requestedConsortia,
  seriesConsortia,
  type SeriesSource,
} from './kpi-series';
import { addPeriods } from './periods';
import { mustSuppress, suppressForReader } from './small-counts';

const AT = '2026-01-01T00:00:00.000Z';
const KPI: KpiDefinition = {
  id: 'transf',
  programmeId: 'tsn',
  code: 'TRANSF_URG',
  name: { fr: 'Transferts', en: 'Transfers' },
  definition: { fr: '…', en: '…' },
  unit: 'rate',
  ratePer: 100,
  direction: 'lower',
  aggregation: 'rate',
  frequency: 'monthly',
  decimals: 1,
  sourceType: 'manual_count',
  reportingLagMonths: 0,
  definitionVersions: [
    { version: 1, validFrom: '2020-01', changeNote: '' },
    { version: 2, validFrom: '2024-01', changeNote: 'Nouveau dénominateur' },
  ],
  version: 2,
  updatedAt: AT,
};
const SETTINGS: ConsortiumKpi = {
  id: 's',
  consortiumId: 'c',
  kpiId: 'transf',
  baseline: { value: 5, period: '2020-01', source: 'Registre' },
  targets: [{ period: '2026-12', value: 3 }],
  tolerance: { mode: 'relative', amber: 0.15, red: 0.3 },
  version: 1,
  updatedAt: AT,
};
const value = (period: string, numerator: number, o: Partial<KpiValue> = {}): KpiValue => ({
  id: `v-${period}`,
  consortiumId: 'c',
  kpiId: 'transf',
  period,
  value: (numerator / 400) * 100,
  numerator,
  denominator: 400,
  suppressed: false,
  provisional: false,
  source: 'Registre',
  note: '',
  explanation: '',
  definitionVersion: period < '2024-01' ? 1 : 2,
  revision: 1,
  enteredBy: 'Lead',
  enteredAt: AT,
  version: 1,
  ...o,
});
const monthly = (n: number, numerator: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => value(addPeriods('2020-01', i), numerator(i)));
const MANAGER = { suppressSmallCounts: false, smallCountThreshold: 10 };
const OBSERVER = { suppressSmallCounts: true, smallCountThreshold: 10 };
const source = (values: KpiValue[], o: Partial<SeriesSource> = {}): SeriesSource => ({
  kpi: KPI,
  consortium: { id: 'c', code: 'C', name: 'EHPAD Connect' },
  settings: SETTINGS,
  values,
  reader: MANAGER,
  ...o,
});

describe('buildKpiSeries', () => {
  it('gives each value its interpolated target and computed status, in period order', () => {
    const values = [value('2020-03', 30), value('2020-01', 20)];
    const s = buildKpiSeries(source(values));
    expect(s.points.map((p) => p.period)).toEqual(['2020-01', '2020-03']);
    expect(s.points[0]).toMatchObject({
      value: 5,
      target: 5,
      status: 'green',
      definitionVersion: 1,
    });
    expect(s.points[1]!.status).toBe('red');
    expect(s).toMatchObject({ totalPoints: 2, downsampled: false, settings: SETTINGS });
  });

  it('has no target and no status without settings', () => {
    const s = buildKpiSeries(source([value('2020-01', 20)], { settings: null }));
    expect(s.points[0]).toMatchObject({ target: null, status: 'no_data' });
  });

  it('blanks small counts for observers exactly as the value lists do, with target and status', () => {
    const values = [value('2020-01', 20), value('2020-02', 4), value('2020-03', 0)];
    const seen = buildKpiSeries(source(values, { reader: OBSERVER })).points;
    const real = buildKpiSeries(source(values)).points;
    values.forEach((v, i) => {
      const listed = suppressForReader(KPI, v, 10);
      expect(seen[i]).toMatchObject({
        value: listed.value,
        numerator: listed.numerator,
        denominator: listed.denominator,
        suppressed: listed.suppressed,
        status: listed.suppressed ? null : real[i]!.status,
        target: listed.suppressed ? null : real[i]!.target,
      });
    });
    expect(seen[1]).toMatchObject({ suppressed: true, value: null, target: null, status: null });
    expect(seen[2]).toMatchObject({ suppressed: false, numerator: 0 });
  });

  it('keeps only the requested window, before downsampling', () => {
    const s = buildKpiSeries(
      source(
        monthly(24, () => 20),
        { range: { from: '2020-06', to: '2020-08' } },
      ),
    );
    expect(s.points.map((p) => p.period)).toEqual(['2020-06', '2020-07', '2020-08']);
    expect(s.totalPoints).toBe(3);
  });

  it('downsamples long series to maxPoints (500 by default), keeping the version break', () => {
    const long = monthly(10_000, (i) => 15 + Math.round(10 * Math.sin(i / 9)));
    const s = buildKpiSeries(source(long));
    expect(s.points).toHaveLength(500);
    expect(s).toMatchObject({ totalPoints: 10_000, downsampled: true });
    expect(s.points.map((p) => p.period)).toContain('2024-01');
    const short = buildKpiSeries(source(long, { maxPoints: 3 }));
    expect(short.points.map((p) => p.period)).toEqual(['2020-01', '2024-01', long.at(-1)!.period]);
  });

  it('property: points are a subsequence of the full series, within maxPoints, with both ends', () => {
    const arb = fc.record({
      numerators: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 120 }),
      maxPoints: fc.integer({ min: 3, max: 40 }),
      observer: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ numerators, maxPoints, observer }) => {
        const values = monthly(numerators.length, (i) => numerators[i]!);
        const reader = observer ? OBSERVER : MANAGER;
        const full = buildKpiSeries(source(values, { reader, maxPoints: 5000 })).points;
        const s = buildKpiSeries(source(values, { reader, maxPoints }));
        expect(s.points.length).toBeLessThanOrEqual(maxPoints);
        expect(s.points[0]).toEqual(full[0]);
        expect(s.points.at(-1)).toEqual(full.at(-1));
        let at = 0;
        for (const p of s.points) {
          while (at < full.length && full[at]!.period !== p.period) at++;
          expect(full[at]).toEqual(p);
        }
        if (observer) {
          for (const p of s.points) {
            expect(mustSuppress(KPI, p, 10)).toBe(false);
          }
        }
      }),
    );
  });
});

describe('cellHistory and compareCells', () => {
  it('lists revisions newest first, blanked for observers', () => {
    const revisions = [1, 3, 2].map((r) => value('2020-02', r === 3 ? 4 : 20, { revision: r }));
    const seen = cellHistory(KPI, revisions, OBSERVER);
    expect(seen.map((v) => v.revision)).toEqual([3, 2, 1]);
    expect(seen[0]).toMatchObject({ suppressed: true, numerator: null });
    expect(seen[1]).toMatchObject({ suppressed: false, numerator: 20 });
    expect(cellHistory(KPI, revisions, MANAGER)[0]!.numerator).toBe(4);
  });

  it('orders a consortium grid by period, then KPI id', () => {
    const cells = [
      value('2020-02', 1, { kpiId: 'b' }),
      value('2020-01', 1, { kpiId: 'b' }),
      value('2020-02', 1, { kpiId: 'a' }),
    ];
    expect(cells.sort(compareCells).map((v) => `${v.period}/${v.kpiId}`)).toEqual([
      '2020-01/b',
      '2020-02/a',
      '2020-02/b',
    ]);
  });
});

describe('seriesConsortia', () => {
  const visible = [
    { id: 'c', code: 'C' },
    { id: 'a', code: 'A' },
    { id: 'b', code: 'B' },
  ];
  it('shows the visible consortia involved with the KPI, by code', () => {
    expect(seriesConsortia(visible, null, new Set(['c', 'a', 'x']))).toEqual([
      { id: 'a', code: 'A' },
      { id: 'c', code: 'C' },
    ]);
  });

  it('shows exactly the requested ones the reader may see', () => {
    const requested = requestedConsortia('b,x,b');
    expect(requested).toEqual(['b', 'x']);
    expect(seriesConsortia(visible, requested, new Set())).toEqual([{ id: 'b', code: 'B' }]);
    expect(requestedConsortia(undefined)).toBeNull();
  });
});
