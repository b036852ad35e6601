import type { IsoDate, Period } from '../contract/common';
import type { Consortium } from '../contract/consortium';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import type { Evidence, Milestone, SubmissionGap } from '../contract/milestone';
import { addMonthsToDate, addPeriods, periodEndDate, periodOfDate } from './periods';

export interface SubmissionSource {
  milestone: Pick<Milestone, 'evidenceExpected' | 'requiresKpiValues'>;
  evidence: readonly Pick<Evidence, 'covers'>[];
  consortium: Pick<Consortium, 'id' | 'startDate'>;
  kpis: readonly Pick<KpiDefinition, 'id' | 'code' | 'frequency' | 'reportingLagMonths'>[];
  /** The consortium's tracked KPIs: only those count. */
  settings: readonly Pick<ConsortiumKpi, 'consortiumId' | 'kpiId'>[];
  /** Current values (any revision will do: a value exists or it does not). */
  values: readonly Pick<KpiValue, 'consortiumId' | 'kpiId' | 'period'>[];
  today: IsoDate;
}

/**
 * The last period of a KPI whose value can be asked for today: complete, and with the KPI's
 * reporting lag elapsed since it ended (claims data arrive months later). Null when that period
 * ends before the consortium started, as nothing was due yet.
 */
export function lastDuePeriod(
  kpi: Pick<KpiDefinition, 'frequency' | 'reportingLagMonths'>,
  consortiumStart: IsoDate,
  today: IsoDate,
): Period | null {
  let period = addPeriods(periodOfDate(today, kpi.frequency), -1);
  while (addMonthsToDate(periodEndDate(period), kpi.reportingLagMonths) >= today) {
    period = addPeriods(period, -1);
  }
  return periodEndDate(period) < consortiumStart ? null : period;
}

/** The expected items some piece of evidence covers; a piece that covers none counts for nothing. */
export function coveredExpectedItems(
  milestone: Pick<Milestone, 'evidenceExpected'>,
  evidence: readonly Pick<Evidence, 'covers'>[],
): string[] {
  const covered = new Set(evidence.map((e) => e.covers?.trim()).filter(Boolean));
  return milestone.evidenceExpected.filter((item) => covered.has(item.trim()));
}

/**
 * What stops a submission: each expected piece of evidence no evidence `covers`, and, when the
 * milestone requires KPI values, each tracked KPI without a value for its last due period.
 */
export function submissionGaps(src: SubmissionSource): SubmissionGap[] {
  const covered = new Set(coveredExpectedItems(src.milestone, src.evidence));
  const gaps: SubmissionGap[] = src.milestone.evidenceExpected
    .filter((item) => !covered.has(item))
    .map((item) => ({ kind: 'evidence', item }));
  if (!src.milestone.requiresKpiValues) return gaps;
  const kpis = new Map(src.kpis.map((k) => [k.id, k]));
  const entered = new Set(
    src.values
      .filter((v) => v.consortiumId === src.consortium.id)
      .map((v) => `${v.kpiId}|${v.period}`),
  );
  for (const s of src.settings) {
    const kpi = kpis.get(s.kpiId);
    if (s.consortiumId !== src.consortium.id || !kpi) continue;
    const period = lastDuePeriod(kpi, src.consortium.startDate, src.today);
    if (period && !entered.has(`${kpi.id}|${period}`)) {
      gaps.push({ kind: 'kpiValue', kpiId: kpi.id, kpiCode: kpi.code, period });
    }
  }
  return gaps;
}
