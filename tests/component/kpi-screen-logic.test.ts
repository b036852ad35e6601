import { describe, expect, it } from 'vitest';
import type { KpiDefinition, KpiSeries } from '@domain/contract/kpi';
import { demo } from '@tests/support/mock-api';
import { toCsv } from '@domain/rules/csv';
import { ApiError, classifyApiError } from '@/api/errors';
import { detailRows, versionBreaks } from '@/features/charts/detail-rows';
import { checkDraft } from '@/features/kpis/cell-draft';
import { cellFieldOf } from '@/features/kpis/cell-errors';
import { entryWindow } from '@/features/kpis/entry-window';
import { buildSettings, settingsDraftOf } from '@/features/kpis/settings-draft';

function patIncSeries(): { kpi: KpiDefinition; series: KpiSeries } {
  const kpi = demo.kpis.find((k) => k.code === 'PAT_INC')!;
  const settings = demo.consortiumKpis.find(
    (s) => s.kpiId === kpi.id && s.consortiumId === 'coord-dom',
  )!;
  const point = (period: string, value: number, definitionVersion: number) => ({
    period,
    value,
    numerator: null,
    denominator: null,
    suppressed: false,
    provisional: false,
    definitionVersion,
    target: null,
    status: 'green' as const,
  });
  const v2 = kpi.definitionVersions.find((v) => v.version === 2)!.validFrom;
  return {
    kpi,
    series: {
      consortium: { id: 'coord-dom', code: 'A', name: 'Coord@Dom' },
      settings,
      points: [point('2025-06', 40, 1), point('2025-08', 60, 1), point(v2, 150, 2)],
      totalPoints: 3,
      downsampled: false,
    },
  };
}

describe('chart rows', () => {
  it('fill every period between the first and last thing shown, so gaps stay gaps', () => {
    const { kpi, series } = patIncSeries();
    const rows = detailRows(kpi, series);
    const july = rows.find((r) => r.period === '2025-07')!;
    expect(july).toMatchObject({ value: null, provisional: null, status: 'no_data' });
    expect(july.target).not.toBeNull();
    expect(rows[0]!.period <= '2025-06').toBe(true);
    expect(rows.at(-1)!.period >= '2026-05').toBe(true);
    expect(versionBreaks(kpi, rows)).toEqual([{ period: series.points[2]!.period, version: 2 }]);
  });

  it('keep only the server’s points when the series was downsampled', () => {
    const { kpi, series } = patIncSeries();
    const rows = detailRows(kpi, { ...series, downsampled: true, totalPoints: 10_000 });
    expect(rows.map((r) => r.period)).toEqual(series.points.map((p) => p.period));
  });
});

describe('entry window', () => {
  const consortium = { startDate: '2024-10-01', endDate: '2026-09-30' };
  it('ends at the current period, within the consortium, with earlier and later windows', () => {
    expect(entryWindow(consortium, 'monthly', null, '2026-06-15')).toEqual({
      periods: ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'],
      earlier: '2025-12',
      later: '2026-09',
    });
    expect(entryWindow(consortium, 'monthly', '2025-01', '2026-06-15')).toMatchObject({
      periods: ['2024-10', '2024-11', '2024-12', '2025-01'],
      earlier: null,
    });
    expect(entryWindow(consortium, 'quarterly', 'nonsense', '2030-01-01').periods.at(-1)).toBe(
      '2026-Q3',
    );
  });
});

describe('what people type', () => {
  it('checks a cell with the shared rules before sending it', () => {
    const kpi = demo.kpis.find((k) => k.code === 'PPS')!;
    const settings = demo.consortiumKpis.find(
      (s) => s.kpiId === kpi.id && s.consortiumId === 'coord-dom',
    )!;
    const ctx = {
      kpi,
      settings,
      period: '2026-06',
      consortium: { startDate: '2024-10-01', endDate: '2026-09-30' },
    };
    const draft = {
      value: '',
      numerator: '12',
      denominator: '0',
      source: ' ',
      note: '',
      explanation: '',
      provisional: false,
    };
    expect(checkDraft(draft, ctx)).toMatchObject({
      ok: false,
      errors: { source: 'source_required', denominator: 'zero_denominator' },
    });
    const ok = checkDraft({ ...draft, denominator: '15', source: 'Extraction' }, ctx);
    expect(ok).toMatchObject({ ok: true, input: { numerator: 12, denominator: 15 } });
  });

  it('places a server refusal on the field it names, the rest on the form', () => {
    const refusal = new ApiError('http', 422, 'rule_violated', 'refused', {
      issues: [
        { field: 'value', code: 'negative' },
        { field: 'provisional', code: 'invalid_type' },
      ],
    });
    expect(classifyApiError(refusal, { fieldOf: cellFieldOf })).toEqual({
      kind: 'fields',
      fields: [
        { field: 'value', code: 'negative' },
        { field: 'root', code: 'invalid_type' },
      ],
    });
  });

  it('types relative thresholds in percent and stores fractions', () => {
    const kpi = demo.kpis.find((k) => k.code === 'PAT_INC')!;
    const settings = demo.consortiumKpis.find(
      (s) => s.kpiId === kpi.id && s.consortiumId === 'coord-dom',
    )!;
    const draft = settingsDraftOf(settings);
    expect(draft).toMatchObject({ mode: 'relative', amber: '10', red: '25' });
    const built = buildSettings(draft, kpi, { startDate: '2024-10-01', endDate: '2026-09-30' });
    expect(built).toEqual({
      ok: true,
      input: {
        baseline: settings.baseline,
        targets: settings.targets,
        tolerance: settings.tolerance,
      },
    });
    expect(
      buildSettings(
        { ...draft, targets: [...draft.targets, { period: '2026-Q2', value: '1' }] },
        kpi,
        {
          startDate: '2024-10-01',
          endDate: '2026-09-30',
        },
      ),
    ).toMatchObject({
      ok: false,
      errors: { [`targets.${draft.targets.length}.period`]: 'wrong_frequency' },
    });
  });
});

describe('CSV', () => {
  it('quotes separators, quotes and line breaks, and leaves empty cells empty', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'il a dit "oui"'],
          [null, 2.5],
          ['l1\nl2', 0],
        ],
      ),
    ).toBe('a,b\r\n"x,y","il a dit ""oui"""\r\n,2.5\r\n"l1\nl2",0\r\n');
  });
});
