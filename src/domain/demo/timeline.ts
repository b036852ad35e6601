import type { IsoDate, Period, Timestamp } from '../contract/common';
import type { Frequency } from '../contract/kpi';
import { addMonthsToDate, periodEndDate, periodOfDate } from '../rules/periods';

/** Months the demo programme has run when `today` falls: today is always in month M21. */
export const MONTHS_BEFORE_TODAY = 20;
export const PROGRAMME_MONTHS = 24;

/**
 * The programme calendar in trial months: M1 is the programme's first month, Mn the nth. Specs
 * are written in months so the demo keeps its shape whatever day it is generated on.
 */
export interface Timeline {
  start: IsoDate;
  end: IsoDate;
  today: IsoDate;
  /** First day of month Mn (n may be ≤ 0 for dates before the programme). */
  monthStart(n: number): IsoDate;
  /** Last day of month Mn. */
  monthEnd(n: number): IsoDate;
  /** The period of the given frequency that contains month Mn. */
  periodOfMonth(n: number, frequency: Frequency): Period;
  /** Trial month of a period's last month (fractional positions are not needed). */
  monthOfPeriod(period: Period): number;
}

export function createTimeline(today: IsoDate): Timeline {
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const start = addMonthsToDate(firstOfMonth, -MONTHS_BEFORE_TODAY);
  const monthStart = (n: number) => addMonthsToDate(start, n - 1);
  const monthEnd = (n: number) => addDays(monthStart(n + 1), -1);
  const startOrdinal = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1;
  return {
    start,
    end: monthEnd(PROGRAMME_MONTHS),
    today,
    monthStart,
    monthEnd,
    periodOfMonth: (n, frequency) => periodOfDate(monthStart(n), frequency),
    monthOfPeriod: (period) => {
      const end = periodEndDate(period);
      return Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1 - startOrdinal + 1;
    },
  };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Seeded rows carry office-hours timestamps so activity feeds look like real work. */
export function at(date: IsoDate, hour: number): Timestamp {
  return `${date}T${String(hour).padStart(2, '0')}:00:00Z`;
}

export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
