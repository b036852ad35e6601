import type { IsoDate } from '../contract/common';
import type { Milestone } from '../contract/milestone';
import type { Health, HealthReason, KpiStatusCounts } from '../contract/portfolio';
import { daysLate, milestoneHealth } from './milestone-health';

export interface HealthInput {
  milestones: readonly (Pick<
    Milestone,
    'status' | 'baselineDate' | 'forecastDate' | 'startDate' | 'progress'
  > &
    Partial<Pick<Milestone, 'actualDate'>>)[];
  kpis: KpiStatusCounts;
  today: IsoDate;
  slippageToleranceDays: number;
}

/**
 * Consortium health is derived, never typed in.
 * Off track: a milestone late beyond the programme's tolerance, or two red KPIs.
 * At risk: anything late or at risk, one red KPI, or two amber ones.
 */
export function consortiumHealth(input: HealthInput): { health: Health; reasons: HealthReason[] } {
  const opts = { today: input.today, slippageToleranceDays: input.slippageToleranceDays };
  let late = 0;
  let severelyLate = 0;
  let atRisk = 0;
  for (const m of input.milestones) {
    const h = milestoneHealth(m, opts);
    if (h === 'late') {
      late++;
      if (daysLate(m, input.today) > input.slippageToleranceDays) severelyLate++;
    } else if (h === 'at_risk') atRisk++;
  }
  const { red, amber } = input.kpis;
  const reasons: HealthReason[] = [];
  if (severelyLate > 0) reasons.push({ code: 'milestones_severely_late', count: severelyLate });
  if (late > severelyLate) reasons.push({ code: 'milestones_late', count: late - severelyLate });
  if (atRisk > 0) reasons.push({ code: 'milestones_at_risk', count: atRisk });
  if (red > 0) reasons.push({ code: 'kpis_red', count: red });
  if (amber > 0) reasons.push({ code: 'kpis_amber', count: amber });

  const offTrack = severelyLate > 0 || red >= 2;
  const risky = late > 0 || atRisk > 0 || red > 0 || amber >= 2;
  return { health: offTrack ? 'off_track' : risky ? 'at_risk' : 'on_track', reasons };
}
