import type { Consortium } from '../contract/consortium';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import type { Milestone } from '../contract/milestone';
import type { ConsortiumChecklist } from '../contract/period-routes';
import type { ReportingPeriod } from '../contract/reporting';
import { isDone, isUnderReview } from './milestone-machine';
import { compareConsortia, compareKpis, compareMilestones } from './ordering';
import { frequencyOf, periodEndDate, periodStartDate } from './periods';

export interface ChecklistSource {
  period: Pick<ReportingPeriod, 'period'>;
  consortia: readonly Consortium[];
  kpis: readonly KpiDefinition[];
  settings: readonly ConsortiumKpi[];
  /** Current (latest-revision) values of these consortia for the period. */
  values: readonly KpiValue[];
  milestones: readonly Milestone[];
}

/**
 * What a period still waits for from each consortium running during it: a final value of every
 * KPI it tracks on the period's rhythm, and every milestone forecast within
 * the period that is not yet handed in for review or closed.
 */
export function periodChecklist(src: ChecklistSource): ConsortiumChecklist[] {
  const { period } = src.period;
  const start = periodStartDate(period);
  const end = periodEndDate(period);
  const kpiById = new Map(src.kpis.map((k) => [k.id, k]));
  const valueOf = new Map(
    src.values.filter((v) => v.period === period).map((v) => [`${v.consortiumId}|${v.kpiId}`, v]),
  );
  const due = (k: KpiDefinition) => k.frequency === frequencyOf(period);
  return src.consortia
    .filter((c) => c.startDate <= end && c.endDate >= start)
    .sort(compareConsortia)
    .map((c) => ({
      consortium: { id: c.id, code: c.code, name: c.name },
      kpiValues: src.settings
        .filter((s) => s.consortiumId === c.id)
        .flatMap((s) => {
          const kpi = kpiById.get(s.kpiId);
          return kpi && due(kpi) ? [kpi] : [];
        })
        .sort(compareKpis)
        .flatMap((kpi) => {
          const value = valueOf.get(`${c.id}|${kpi.id}`);
          if (value && !value.provisional) return [];
          const state = value ? ('provisional' as const) : ('missing' as const);
          return [{ kpiId: kpi.id, code: kpi.code, name: kpi.name, state }];
        }),
      milestones: src.milestones
        .filter((m) => m.consortiumId === c.id && m.forecastDate >= start && m.forecastDate <= end)
        .filter((m) => !isDone(m.status) && !isUnderReview(m.status))
        .sort(compareMilestones)
        .map((m) => ({
          id: m.id,
          code: m.code,
          title: m.title,
          forecastDate: m.forecastDate,
          status: m.status,
        })),
    }));
}
