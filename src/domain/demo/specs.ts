import type { OrganisationType } from '../contract/consortium';
import type { Tolerance } from '../contract/kpi';
import type { Phase } from '../contract/milestone';

/** [trial month, value] points, linearly interpolated; months may be fractional or ≤ 0. */
export type Waypoints = readonly (readonly [month: number, value: number])[];

export interface PartnerSpec {
  slug: string;
  name: string;
  type: OrganisationType;
  role: string;
  isLead?: boolean;
}

/** What happened to one phase of a consortium's plan; phases not listed follow the template. */
export interface PhaseStory {
  /** Baseline end month when the consortium's plan differed from the template. */
  plannedEndMonth?: number;
  /** Forecast moves, in order: each one a replan event with its reason. */
  replans?: readonly { atMonth: number; toEndMonth: number; reason: string }[];
  outcome?:
    | { status: 'approved'; comment?: string }
    | { status: 'waived'; atMonth: number; reason: string }
    | { status: 'submitted'; progress: number }
    | { status: 'changes_requested'; progress: number; comment: string }
    | { status: 'in_progress'; progress: number }
    | { status: 'planned' };
}

export interface TrackedKpiSpec {
  code: string;
  baseline: { month: number; value: number; source: string } | null;
  targets: Waypoints;
  tolerance: Tolerance;
  /** First month with a value: go-live for usage, programme start for territory outcomes. */
  fromMonth: number;
  /** Survey KPIs are measured only in these months. */
  surveyMonths?: readonly number[];
  /** The value path (rate KPIs: the rate), or the numerator path when `numerator` is set. */
  value?: Waypoints;
  numerator?: Waypoints;
  denominator?: Waypoints;
  noise: number;
  source: string;
  /** Said when the latest value comes out red (a red value must be explained). */
  redExplanation?: string;
  /** A cell first entered lower, then revised (e.g. after PMSI consolidation). */
  revision?: { month: number; numeratorDelta: number; note: string };
}

export interface ConsortiumSpec {
  slug: string;
  code: string;
  name: string;
  solution: string;
  description: string;
  territory: string;
  budgetEur: number;
  partners: readonly PartnerSpec[];
  /** Who acts on the consortium's side in milestone events. */
  leadPerson: string;
  phases: Partial<Record<Phase, PhaseStory>>;
  kpis: readonly TrackedKpiSpec[];
}

export function interpolate(points: Waypoints, month: number): number {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) throw new RangeError('empty waypoints');
  if (month <= first[0]) return first[1];
  if (month >= last[0]) return last[1];
  for (let i = 1; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x0, y0] = points[i - 1]!;
    if (month <= x1) return y0 + ((y1 - y0) * (month - x0)) / (x1 - x0);
  }
  return last[1];
}
