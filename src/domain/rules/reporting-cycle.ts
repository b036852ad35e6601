import type { ConsortiumKpi, KpiDefinition } from '../contract/kpi';
import type { PeriodCreate, PeriodPatch } from '../contract/period-routes';
import type { Programme } from '../contract/programme';
import type { ReportingPeriod } from '../contract/reporting';
import { Problem } from '../problems';
import { targetAt } from './kpi-status';
import type { MutationContext } from './mutations';
import { frequencyOf, periodEndDate, periodStartDate } from './periods';

/*
 * The reporting cycle's rules: a manager opens a period, may move its deadline and write the
 * steering committee's commentary while it is open, locks it, and reopens it only with a reason.
 * Locked numbers (values and the targets they are judged against) change only after a reopening.
 */

const refused = (field: string, code: string, message: string) =>
  new Problem(422, 'rule_violated', message, { issues: [{ field, code, message }] });

/**
 * A period opens inside the programme, once per programme and period (a month and its quarter
 * may both be open: monthly and quarterly KPIs report on their own rhythm), with a deadline no
 * earlier than its first day.
 */
export function checkPeriodCreation(
  input: PeriodCreate,
  programme: Pick<Programme, 'startDate' | 'endDate'>,
  existing: readonly Pick<ReportingPeriod, 'period'>[],
): void {
  const start = periodStartDate(input.period);
  if (periodEndDate(input.period) < programme.startDate || start > programme.endDate) {
    const range = `between ${programme.startDate} and ${programme.endDate}`;
    throw refused('period', 'outside_programme', range);
  }
  if (existing.some((p) => p.period === input.period))
    throw refused('period', 'period_exists', `${input.period} is already open or locked`);
  if (input.deadline < start)
    throw refused('deadline', 'deadline_before_start', `on or after ${start}`);
}

export function openPeriod(
  input: PeriodCreate,
  programmeId: string,
  ctx: MutationContext,
): ReportingPeriod {
  return {
    id: ctx.newId(),
    programmeId,
    period: input.period,
    status: 'open',
    deadline: input.deadline,
    openedAt: ctx.now,
    lockedAt: null,
    reopenedAt: null,
    reopenReason: null,
    commentary: '',
    version: 1,
  };
}

const lockedRefusal = () => refused('status', 'period_locked', 'reopen the period first');

/** The deadline moves while the period is open; the commentary is the report's, frozen at lock. */
export function applyPeriodPatch(p: ReportingPeriod, patch: PeriodPatch): ReportingPeriod {
  if (p.status === 'locked') throw lockedRefusal();
  const start = periodStartDate(p.period);
  if (patch.deadline !== undefined && patch.deadline < start)
    throw refused('deadline', 'deadline_before_start', `on or after ${start}`);
  return { ...p, ...patch, version: p.version + 1 };
}

export function lockPeriod(p: ReportingPeriod, ctx: MutationContext): ReportingPeriod {
  if (p.status === 'locked') throw refused('status', 'period_already_locked', 'already locked');
  return { ...p, status: 'locked', lockedAt: ctx.now, version: p.version + 1 };
}

export function reopenPeriod(
  p: ReportingPeriod,
  reason: string,
  ctx: MutationContext,
): ReportingPeriod {
  if (p.status === 'open') throw refused('status', 'period_not_locked', 'the period is open');
  return {
    ...p,
    status: 'open',
    lockedAt: null,
    reopenedAt: ctx.now,
    reopenReason: reason,
    version: p.version + 1,
  };
}

type Trajectory = Pick<ConsortiumKpi, 'baseline' | 'targets'>;

/**
 * The locked periods of this KPI's rhythm whose target a settings change would move: a locked
 * value was judged against that target, and the report archived at lock says so. A consortium's
 * first settings for a KPI move nothing: it was not tracked, so no locked value was judged.
 */
export function lockedTargetsMoved(
  kpi: Pick<KpiDefinition, 'frequency'>,
  before: Trajectory | null,
  after: Trajectory,
  lockedPeriods: readonly Pick<ReportingPeriod, 'period' | 'status'>[],
): string[] {
  if (before === null) return [];
  return lockedPeriods
    .filter((p) => p.status === 'locked' && frequencyOf(p.period) === kpi.frequency)
    .filter((p) => targetAt(before, p.period) !== targetAt(after, p.period))
    .map((p) => p.period);
}

export function checkLockedTargets(moved: readonly string[]): void {
  if (moved.length === 0) return;
  throw refused('targets', 'period_locked', `changes the target of locked ${moved.join(', ')}`);
}
