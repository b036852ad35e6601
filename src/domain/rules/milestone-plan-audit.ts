import type { Consortium } from '../contract/consortium';
import type { Milestone, PlanStatus } from '../contract/milestone';

/** What the server and the mocks file for a plan change (they add who and when). */
export interface PlanAuditChange {
  action: 'milestonePlan.apply' | 'milestone.create' | 'milestone.delete';
  entityType: 'milestonePlan' | 'milestone';
  entityId: string;
  programmeId: string;
  consortiumId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

type Owner = Pick<Consortium, 'id' | 'programmeId'>;
type Summarised = Pick<Milestone, 'id' | 'code' | 'phase' | 'startDate' | 'forecastDate'>;

const summary = (m: Summarised) => ({
  code: m.code,
  phase: m.phase,
  startDate: m.startDate,
  forecastDate: m.forecastDate,
});

/** The template applied: how many milestones it created, from which template version. */
export function planAppliedAudit(
  consortium: Owner,
  status: PlanStatus,
  milestoneCount: number,
  templateVersion: number,
): PlanAuditChange {
  return {
    action: 'milestonePlan.apply',
    entityType: 'milestonePlan',
    entityId: consortium.id,
    programmeId: consortium.programmeId,
    consortiumId: consortium.id,
    before: null,
    after: { status, milestoneCount, templateVersion },
  };
}

export function milestoneCreatedAudit(
  consortium: Owner,
  m: Summarised & Pick<Milestone, 'baselineDate'>,
): PlanAuditChange {
  return {
    action: 'milestone.create',
    entityType: 'milestone',
    entityId: m.id,
    programmeId: consortium.programmeId,
    consortiumId: consortium.id,
    before: null,
    after: { ...summary(m), baselineDate: m.baselineDate },
  };
}

export function milestoneDeletedAudit(consortium: Owner, m: Summarised): PlanAuditChange {
  return {
    action: 'milestone.delete',
    entityType: 'milestone',
    entityId: m.id,
    programmeId: consortium.programmeId,
    consortiumId: consortium.id,
    before: summary(m),
    after: null,
  };
}
