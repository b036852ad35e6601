import { describe, expect, it } from 'vitest';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import { consortiumKpiAudit, kpiCreateAudit, kpiUpdateAudit, kpiValueAudit } from './kpi-audit';

const AT = '2026-01-01T00:00:00.000Z';
const VALUE: KpiValue = {
  id: 'rev-1',
  consortiumId: 'a',
  kpiId: 'kpi-pat-inc',
  period: '2026-03',
  value: 120,
  numerator: null,
  denominator: null,
  suppressed: false,
  provisional: true,
  source: 'Journal',
  note: '',
  explanation: '',
  definitionVersion: 2,
  revision: 1,
  enteredBy: 'Lead',
  enteredAt: AT,
  version: 1,
};

describe('KPI audit entries', () => {
  it('file a value under its stored revision and always name the cell', () => {
    const first = kpiValueAudit(null, VALUE);
    expect(first).toMatchObject({
      action: 'kpiValue.upsert',
      entityType: 'kpiValue',
      entityId: 'rev-1',
      before: null,
    });
    expect(first.after).toMatchObject({
      value: 120,
      provisional: true,
      kpiId: 'kpi-pat-inc',
      period: '2026-03',
    });
    const next = { ...VALUE, id: 'rev-2', value: 125, revision: 2, version: 2 };
    expect(kpiValueAudit(VALUE, next)).toEqual({
      action: 'kpiValue.upsert',
      entityType: 'kpiValue',
      entityId: 'rev-2',
      before: { value: 120 },
      after: { value: 125, kpiId: 'kpi-pat-inc', period: '2026-03' },
    });
  });

  it('name the KPI of consortium settings', () => {
    const s: ConsortiumKpi = {
      id: 's1',
      consortiumId: 'a',
      kpiId: 'kpi-pps',
      baseline: null,
      targets: [{ period: '2026-06', value: 70 }],
      tolerance: { mode: 'absolute', amber: 5, red: 10 },
      version: 1,
      updatedAt: AT,
    };
    const changed = { ...s, tolerance: { ...s.tolerance, red: 12 }, version: 2 };
    expect(consortiumKpiAudit(s, changed)).toMatchObject({
      action: 'consortiumKpi.update',
      entityId: 's1',
      before: { tolerance: s.tolerance },
      after: { tolerance: changed.tolerance, kpiId: 'kpi-pps' },
    });
  });

  it('record a catalogue edit with the definition version it opened', () => {
    const kpi = {
      id: 'k',
      code: 'VISITES',
      direction: 'higher',
      definitionVersions: [{ version: 1, validFrom: '2025-01', changeNote: '' }],
    } as KpiDefinition;
    expect(kpiCreateAudit(kpi).after).toMatchObject({ code: 'VISITES', validFrom: '2025-01' });
    const opened = { version: 2, validFrom: '2025-09', changeNote: 'Nouveau périmètre' };
    expect(kpiUpdateAudit(kpi, { ...kpi, direction: 'lower' }, opened)).toMatchObject({
      action: 'kpi.update',
      before: { direction: 'higher', definitionVersion: 1 },
      after: { direction: 'lower', definitionVersion: 2, validFrom: '2025-09' },
    });
    expect(kpiUpdateAudit(kpi, { ...kpi, direction: 'lower' }, null).after).toEqual({
      direction: 'lower',
    });
  });
});
