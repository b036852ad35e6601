import type { Selectable } from 'kysely';
import type {
  Consortium,
  ConsortiumKpi,
  Evidence,
  KpiDefinition,
  KpiValue,
  Milestone,
  MilestoneEvent,
  MilestoneTemplate,
  Programme,
  ReportingPeriod,
} from '../../src/domain/contract';
import type { PlanRecord } from '../../src/domain/rules/milestone-plan';
import type {
  ConsortiaTable,
  ConsortiumKpisTable,
  EvidenceTable,
  KpisTable,
  KpiValuesTable,
  MilestoneEventsTable,
  MilestonePlansTable,
  MilestonesTable,
  MilestoneTemplatesTable,
  ProgrammesTable,
  ReportingPeriodsTable,
} from './schema';

/*
 * Rows mirror the contract field by field (enum columns carry the contract's enum types); these
 * turn the few storage types (Date, JSONB text) into the contract's shapes. The response schemas
 * check the result.
 */

const iso = (d: Date) => d.toISOString();

export const toProgramme = (r: Selectable<ProgrammesTable>): Programme => ({
  ...r,
  updatedAt: iso(r.updatedAt),
});

export const toConsortium = (r: Selectable<ConsortiaTable>): Consortium => ({
  ...r,
  updatedAt: iso(r.updatedAt),
});

type MilestoneRow = Selectable<MilestonesTable> & { evidenceCount: number };

export const toMilestone = (r: MilestoneRow): Milestone => ({
  ...r,
  updatedAt: iso(r.updatedAt),
});

export const toMilestoneEvent = (r: Selectable<MilestoneEventsTable>): MilestoneEvent => ({
  ...r,
  at: iso(r.at),
});

export const toEvidence = (r: Selectable<EvidenceTable>): Evidence => ({
  ...r,
  uploadedAt: iso(r.uploadedAt),
});

export const toMilestoneTemplate = (r: Selectable<MilestoneTemplatesTable>): MilestoneTemplate => ({
  ...r,
  updatedAt: iso(r.updatedAt),
});

export const toPlanRecord = (r: Selectable<MilestonePlansTable>): PlanRecord => ({
  ...r,
  approvedAt: r.approvedAt ? iso(r.approvedAt) : null,
  updatedAt: iso(r.updatedAt),
});

export const toKpi = (r: Selectable<KpisTable>): KpiDefinition => ({
  ...r,
  updatedAt: iso(r.updatedAt),
});

export const toConsortiumKpi = (r: Selectable<ConsortiumKpisTable>): ConsortiumKpi => ({
  ...r,
  updatedAt: iso(r.updatedAt),
});

/** `suppressed` is a property of a reading, not of the stored value. */
export const toKpiValue = (r: Selectable<KpiValuesTable>): KpiValue => ({
  ...r,
  suppressed: false,
  enteredAt: iso(r.enteredAt),
});

export const toPeriod = (r: Selectable<ReportingPeriodsTable>): ReportingPeriod => ({
  ...r,
  openedAt: iso(r.openedAt),
  lockedAt: r.lockedAt ? iso(r.lockedAt) : null,
  reopenedAt: r.reopenedAt ? iso(r.reopenedAt) : null,
});

const json = (v: unknown) => JSON.stringify(v);

export const kpiValueRow = ({ suppressed: _suppressed, ...v }: KpiValue) => v;

export const milestoneRow = ({ evidenceCount: _count, ...m }: Milestone) => ({
  ...m,
  title: json(m.title),
  evidenceExpected: json(m.evidenceExpected),
});

export const consortiumRow = (c: Consortium) => ({ ...c, partners: json(c.partners) });

export const milestoneTemplateRow = (t: MilestoneTemplate) => ({ ...t, items: json(t.items) });

export const kpiRow = (k: KpiDefinition) => ({
  ...k,
  name: json(k.name),
  definition: json(k.definition),
  definitionVersions: json(k.definitionVersions),
});

export const consortiumKpiRow = (s: ConsortiumKpi) => ({
  ...s,
  baseline: s.baseline === null ? null : json(s.baseline),
  targets: json(s.targets),
  tolerance: json(s.tolerance),
});
