import type { IsoDate, Period } from '@domain/contract/common';
import type { Frequency } from '@domain/contract/kpi';
import {
  addPeriods,
  comparePeriods,
  frequencyOf,
  isPeriod,
  periodOfDate,
  todayIso,
} from '@domain/rules/periods';

/** How many periods the grid shows at once: half a year of months fits a laptop screen. */
export const WINDOW_SIZE = 6;

export interface EntryWindow {
  periods: Period[];
  /** The window before and after this one, null at the consortium's edges. */
  earlier: Period | null;
  later: Period | null;
}

const clamp = (p: Period, first: Period, last: Period): Period =>
  comparePeriods(p, first) < 0 ? first : comparePeriods(p, last) > 0 ? last : p;

/**
 * The periods of one frequency the grid shows, ending at `to` (the URL's choice) or else at the
 * current period, kept within the consortium's dates so no column invites a value the server
 * would refuse as outside the consortium.
 */
export function entryWindow(
  consortium: { startDate: IsoDate; endDate: IsoDate },
  frequency: Frequency,
  to: string | null,
  today: IsoDate = todayIso(),
): EntryWindow {
  const first = periodOfDate(consortium.startDate, frequency);
  const last = periodOfDate(consortium.endDate, frequency);
  const wanted =
    to !== null && isPeriod(to) && frequencyOf(to) === frequency
      ? to
      : periodOfDate(today, frequency);
  const end = clamp(wanted, first, last);
  const periods: Period[] = [];
  for (let p = end; periods.length < WINDOW_SIZE && comparePeriods(p, first) >= 0;) {
    periods.unshift(p);
    p = addPeriods(p, -1);
  }
  const start = periods[0] ?? end;
  // A full window as soon as the consortium has that many periods.
  const firstFullEnd = clamp(addPeriods(first, WINDOW_SIZE - 1), first, last);
  return {
    periods,
    earlier:
      comparePeriods(start, first) > 0
        ? clamp(addPeriods(end, -WINDOW_SIZE), firstFullEnd, last)
        : null,
    later: comparePeriods(end, last) < 0 ? clamp(addPeriods(end, WINDOW_SIZE), first, last) : null,
  };
}
