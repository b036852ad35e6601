import { describe, expect, it } from 'vitest';
import type { ConsortiumKpi, KpiDefinition, SeriesPoint } from '../contract/kpi';
import {
  auditEntryForReader,
  exportReader,
  pointForReader,
  seriesForReader,
  settingsForReader,
} from './disclosure';
import type { ReaderOptions } from './small-counts';

const OBSERVER: ReaderOptions = { suppressSmallCounts: true, smallCountThreshold: 10 };
const HIDDEN = { hidden: 'belowThreshold', threshold: 10 };
const MANAGER: ReaderOptions = { suppressSmallCounts: false, smallCountThreshold: 10 };

const kpi = (o: Partial<KpiDefinition>) =>
  ({ unit: 'count', aggregation: 'stock', direction: 'higher', ...o }) as KpiDefinition;
const COUNT = kpi({});
const RATE = kpi({ unit: 'rate', aggregation: 'rate', ratePer: 100 });

const settings = (baseline: number | null): ConsortiumKpi => ({
  id: 's1',
  consortiumId: 'c1',
  kpiId: 'k1',
  baseline: baseline === null ? null : { value: baseline, period: '2026-01', source: 'log' },
  targets: [{ period: '2026-06', value: 40 }],
  tolerance: { mode: 'relative', amber: 0.1, red: 0.2 },
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const point = (o: Partial<SeriesPoint>): SeriesPoint => ({
  period: '2026-03',
  value: 3,
  numerator: null,
  denominator: null,
  suppressed: false,
  provisional: false,
  definitionVersion: 1,
  target: 5,
  status: 'red',
  ...o,
});

describe('settingsForReader', () => {
  it("hides a count KPI's small baseline from observers, keeps its period and source", () => {
    expect(settingsForReader(COUNT, settings(3), OBSERVER).baseline).toEqual({
      value: null,
      period: '2026-01',
      source: 'log',
    });
    expect(settingsForReader(COUNT, settings(3), MANAGER)).toEqual(settings(3));
    expect(settingsForReader(COUNT, settings(0), OBSERVER)).toEqual(settings(0));
    expect(settingsForReader(COUNT, settings(12), OBSERVER)).toEqual(settings(12));
    // A rate's baseline is a rate, not a count of people.
    expect(settingsForReader(RATE, settings(3), OBSERVER)).toEqual(settings(3));
  });
});

describe('pointForReader', () => {
  it('gives a suppressed point neither a target nor a status', () => {
    expect(pointForReader(COUNT, settings(0), point({}), OBSERVER)).toMatchObject({
      value: null,
      suppressed: true,
      target: null,
      status: null,
    });
    expect(pointForReader(COUNT, settings(0), point({}), MANAGER)).toEqual(point({}));
  });

  it('does not give a hidden baseline back through the targets interpolated from it', () => {
    const seen = settingsForReader(COUNT, settings(3), OBSERVER);
    // 2026-03 lies between the baseline (2026-01) and the first target: its target came from 3.
    const visible = point({ value: 20, target: 3 + (37 * 2) / 5, status: 'green' });
    expect(pointForReader(COUNT, seen, visible, OBSERVER)).toMatchObject({
      value: 20,
      target: null,
      status: 'no_data',
    });
  });
});

describe('seriesForReader', () => {
  it('reads a manager-built series as an export does: small counts masked', () => {
    const series = { settings: settings(3), points: [point({}), point({ value: 25 })] };
    const out = seriesForReader(COUNT, series, exportReader({ smallCountThreshold: 10 }));
    expect(out.settings?.baseline?.value).toBeNull();
    expect(out.points[0]).toMatchObject({ value: null, target: null, status: null });
    expect(out.points[1]).toMatchObject({ value: 25, suppressed: false });
    expect(seriesForReader(COUNT, series, MANAGER)).toBe(series);
  });
});

describe('auditEntryForReader', () => {
  const rate = { unit: 'percent', aggregation: 'rate' } as const;
  const subject = {
    entityType: 'kpiValue',
    kpi: rate,
    stored: { value: 20, numerator: 4, denominator: 20 },
  } as const;

  it('hides the counts on both sides, as "< threshold", when either side is a small count', () => {
    const entry = {
      before: { numerator: 12, denominator: 20, source: 'log' },
      after: { numerator: 4, denominator: 20, source: 'log' },
    };
    expect(auditEntryForReader(entry, subject, OBSERVER)).toEqual({
      before: { numerator: HIDDEN, denominator: HIDDEN, source: 'log' },
      after: { numerator: HIDDEN, denominator: HIDDEN, source: 'log' },
    });
    expect(auditEntryForReader(entry, subject, MANAGER)).toBe(entry);
  });

  it('hides a change of a small denominator (12 of 5, then 0 of 4)', () => {
    const entry = {
      before: { value: 240, numerator: 12, denominator: 5 },
      after: { value: 0, numerator: 0, denominator: 4 },
    };
    const stored = { value: 0, numerator: 0, denominator: 4 };
    const out = auditEntryForReader(entry, { ...subject, stored }, OBSERVER);
    expect(out.before).toEqual({ value: HIDDEN, numerator: HIDDEN, denominator: HIDDEN });
    expect(out.after).toEqual({ value: HIDDEN, numerator: HIDDEN, denominator: HIDDEN });
  });

  it('hides a count the entry holds, judged with the stored revision, and adds none', () => {
    const entry = { before: { denominator: 20 }, after: { denominator: 20, note: 'checked' } };
    expect(auditEntryForReader(entry, subject, OBSERVER)).toEqual({
      before: { denominator: HIDDEN },
      after: { denominator: HIDDEN, note: 'checked' },
    });
    const big = { ...subject, stored: { value: 60, numerator: 12, denominator: 20 } };
    expect(auditEntryForReader(entry, big, OBSERVER)).toBe(entry);
  });

  it("hides a count KPI's small baseline in a settings entry", () => {
    const entry = {
      before: { baseline: null },
      after: { baseline: { value: 3, period: '2026-01', source: 'log' }, kpiId: 'k1' },
    };
    const out = auditEntryForReader(entry, { entityType: 'consortiumKpi', kpi: COUNT }, OBSERVER);
    expect(out.after).toEqual({
      baseline: { value: HIDDEN, period: '2026-01', source: 'log' },
      kpiId: 'k1',
    });
    expect(out.before).toEqual({ baseline: null });
  });
});
