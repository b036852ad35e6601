import type { IsoDate } from '../contract/common';
import type { Milestone } from '../contract/milestone';
import { daysBetween } from './periods';
import { isDone } from './milestone-machine';

export type MilestoneHealth = 'done' | 'late' | 'at_risk' | 'on_track';

export interface MilestoneHealthOptions {
  today: IsoDate;
  slippageToleranceDays: number;
  /** Percentage points by which progress may trail the time elapsed before it counts as at risk. */
  progressMargin?: number;
}

type MilestoneDates = Pick<
  Milestone,
  'status' | 'baselineDate' | 'forecastDate' | 'startDate' | 'progress'
> &
  Partial<Pick<Milestone, 'actualDate'>>;

/** Days the forecast has moved past the baseline (0 when there is no baseline yet or no slip). */
export function slippageDays(m: Pick<Milestone, 'baselineDate' | 'forecastDate'>): number {
  return m.baselineDate ? Math.max(0, daysBetween(m.baselineDate, m.forecastDate)) : 0;
}

/** The date a milestone is judged against: the frozen baseline, or the forecast while the plan is a draft. */
function dueDate(m: Pick<Milestone, 'baselineDate' | 'forecastDate'>): IsoDate {
  return m.baselineDate ?? m.forecastDate;
}

/**
 * Late when not done and the forecast or today is past the baseline. Once submitted, the lead's
 * declared achievement date is what counts: waiting for review never makes a milestone late.
 */
export function isLate(m: MilestoneDates, today: IsoDate): boolean {
  if (isDone(m.status)) return false;
  const due = dueDate(m);
  if (m.status === 'submitted' && m.actualDate) return m.actualDate > due;
  return m.forecastDate > due || today > due;
}

/** How many days a late milestone is behind: the larger of the slip and the time overdue. */
export function daysLate(m: MilestoneDates, today: IsoDate): number {
  if (!isLate(m, today)) return 0;
  if (m.status === 'submitted' && m.actualDate) return daysBetween(dueDate(m), m.actualDate);
  return Math.max(slippageDays(m), daysBetween(dueDate(m), today));
}

export function milestoneHealth(m: MilestoneDates, opts: MilestoneHealthOptions): MilestoneHealth {
  if (isDone(m.status)) return 'done';
  if (isLate(m, opts.today)) return 'late';
  const margin = opts.progressMargin ?? 25;
  const span = daysBetween(m.startDate, m.forecastDate);
  if (span > 0 && opts.today > m.startDate) {
    const elapsed = Math.min(100, (daysBetween(m.startDate, opts.today) / span) * 100);
    if (elapsed - m.progress > margin) return 'at_risk';
  }
  const daysToDue = daysBetween(opts.today, dueDate(m));
  if (m.status === 'planned' && daysToDue >= 0 && daysToDue <= 14 && opts.today >= m.startDate) {
    return 'at_risk';
  }
  return 'on_track';
}
