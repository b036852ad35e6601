import type { Consortium } from '../contract/consortium';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import type { Evidence, Milestone, MilestoneEvent, MilestoneTemplate } from '../contract/milestone';
import type { Programme } from '../contract/programme';
import type { ReportingPeriod, User } from '../contract/reporting';
import type { PlanRecord } from '../rules/milestone-plan';

/** Everything a fresh Jalon holds: what the demo and scale generators produce and the stores load. */
export interface Dataset {
  programmes: Programme[];
  consortia: Consortium[];
  milestones: Milestone[];
  milestoneEvents: MilestoneEvent[];
  evidence: Evidence[];
  /** One per programme; a consortium's plan is applied from its programme's template. */
  milestoneTemplates: MilestoneTemplate[];
  /** One per consortium that has a plan. */
  milestonePlans: PlanRecord[];
  kpis: KpiDefinition[];
  consortiumKpis: ConsortiumKpi[];
  /** Every revision of every cell; the current value of a cell is its highest revision. */
  kpiValues: KpiValue[];
  periods: ReportingPeriod[];
  users: User[];
}
