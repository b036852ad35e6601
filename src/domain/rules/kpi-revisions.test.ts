import { describe, expect, it } from 'vitest';
import type { KpiValue } from '../contract/kpi';
import { currentValues } from './kpi-revisions';

const revision = (period: string, revision: number, o: Partial<KpiValue> = {}): KpiValue => ({
  id: `${period}-r${revision}`,
  consortiumId: 'a',
  kpiId: 'kpi-pat-inc',
  period,
  value: revision * 10,
  numerator: null,
  denominator: null,
  suppressed: false,
  provisional: false,
  source: 'Journal',
  note: '',
  explanation: '',
  definitionVersion: 1,
  revision,
  enteredBy: 'Lead',
  enteredAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...o,
});

describe('currentValues', () => {
  it('keeps the highest revision of each cell, whatever order the revisions come in', () => {
    const current = currentValues([
      revision('2026-01', 2),
      revision('2026-01', 3),
      revision('2026-01', 1),
      revision('2026-02', 1),
    ]);
    expect(current.map((v) => v.id)).toEqual(['2026-01-r3', '2026-02-r1']);
  });

  it('tells cells apart by consortium and KPI as well as by period', () => {
    const current = currentValues([
      revision('2026-01', 1),
      revision('2026-01', 1, { id: 'b', consortiumId: 'b' }),
      revision('2026-01', 1, { id: 'other', kpiId: 'kpi-pps' }),
    ]);
    expect(current).toHaveLength(3);
  });
});
