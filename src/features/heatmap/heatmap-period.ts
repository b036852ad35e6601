import type { Period } from '@domain/contract/common';
import type { ReportingPeriod } from '@domain/contract/reporting';
import {
  addPeriods,
  comparePeriods,
  isPeriod,
  periodEndDate,
  periodOfDate,
} from '@domain/rules/periods';

/**
 * The periods a heatmap offers: the programme's reporting periods, newest first; a programme that
 * has opened none yet still offers last month.
 */
export function heatmapPeriods(periods: readonly ReportingPeriod[], today: string): Period[] {
  const listed = [...new Set(periods.map((p) => p.period))].sort((a, b) => comparePeriods(b, a));
  return listed.length > 0 ? listed : [addPeriods(periodOfDate(today, 'monthly'), -1)];
}

/** The period asked for in the URL if the programme has it, else the latest one already ended. */
export function chosenHeatmapPeriod(
  asked: string | null,
  offered: readonly Period[],
  today: string,
): Period {
  if (asked && isPeriod(asked) && offered.includes(asked)) return asked;
  return offered.find((p) => periodEndDate(p) < today) ?? offered[offered.length - 1]!;
}
