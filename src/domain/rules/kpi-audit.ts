import type { ConsortiumKpi, DefinitionVersion, KpiDefinition, KpiValue } from '../contract/kpi';
import { AUDITED_FIELDS, auditDiff } from './audit-diff';

/** What the server and the mocks file in the audit trail for a KPI write (they add who and when). */
export interface KpiAuditChange {
  action: 'kpi.create' | 'kpi.update' | 'consortiumKpi.update' | 'kpiValue.upsert';
  entityType: 'kpi' | 'consortiumKpi' | 'kpiValue';
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const pick = <T extends object>(row: T, fields: readonly (keyof T & string)[]) =>
  Object.fromEntries(fields.map((f) => [f, row[f]]));

/** A first write lists every audited field; a later one only what changed. */
const change = <T extends object>(
  before: T | null,
  after: T,
  fields: readonly (keyof T & string)[],
) => (before ? auditDiff(before, after, fields) : { before: null, after: pick(after, fields) });

/**
 * A KPI value entry. The entry is filed under the stored revision (whose numbers decide what an
 * observer may read of it), and always names its cell — KPI and period — so that the trail can
 * say "PAT_INC · March 2026" without reading the value back.
 */
export function kpiValueAudit(current: KpiValue | null, next: KpiValue): KpiAuditChange {
  const { before, after } = change(current, next, AUDITED_FIELDS.kpiValue);
  return {
    action: 'kpiValue.upsert',
    entityType: 'kpiValue',
    entityId: next.id,
    before,
    after: { ...after, kpiId: next.kpiId, period: next.period },
  };
}

/** A consortium's baseline, targets and bands, named by their KPI. */
export function consortiumKpiAudit(
  current: ConsortiumKpi | null,
  next: ConsortiumKpi,
): KpiAuditChange {
  const { before, after } = change(current, next, AUDITED_FIELDS.consortiumKpi);
  return {
    action: 'consortiumKpi.update',
    entityType: 'consortiumKpi',
    entityId: next.id,
    before,
    after: { ...after, kpiId: next.kpiId },
  };
}

/** A new catalogue entry: everything it was created with. */
export function kpiCreateAudit(kpi: KpiDefinition): KpiAuditChange {
  const first = kpi.definitionVersions[0];
  return {
    action: 'kpi.create',
    entityType: 'kpi',
    entityId: kpi.id,
    before: null,
    after: { code: kpi.code, ...pick(kpi, AUDITED_FIELDS.kpi), validFrom: first?.validFrom },
  };
}

/** A catalogue edit: the changed fields and, when it opened one, the new definition version. */
export function kpiUpdateAudit(
  before: KpiDefinition,
  after: KpiDefinition,
  opened: DefinitionVersion | null,
): KpiAuditChange {
  const diff = auditDiff(before, after, AUDITED_FIELDS.kpi);
  return {
    action: 'kpi.update',
    entityType: 'kpi',
    entityId: after.id,
    before: opened ? { ...diff.before, definitionVersion: opened.version - 1 } : diff.before,
    after: opened
      ? {
          ...diff.after,
          definitionVersion: opened.version,
          validFrom: opened.validFrom,
          changeNote: opened.changeNote,
        }
      : diff.after,
  };
}
