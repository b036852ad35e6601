import type { Consortium } from '../contract/consortium';
import type { Programme } from '../contract/programme';
import type { ConsortiumKpi, ConsortiumKpiInput, KpiDefinition } from '../contract/kpi';
import { Problem, type FieldIssue } from '../problems';
import { unitIssues } from './kpi-values';
import type { MutationContext } from './mutations';
import { canSetTargets, type Principal, type Scope } from './permissions';
import { comparePeriods, frequencyOf, periodEndDate, periodStartDate } from './periods';

type KpiShape = Pick<KpiDefinition, 'unit' | 'direction' | 'frequency'>;
type Dates = Pick<Consortium, 'startDate' | 'endDate'>;

const UNIT_MESSAGES = {
  negative: 'cannot be negative',
  not_integer: 'a count is a whole number',
  above_100: 'cannot exceed 100',
} as const;

/**
 * Whether a baseline, target trajectory and tolerance bands fit the KPI and the consortium:
 * periods of the KPI's frequency, targets within the consortium's period and after the baseline
 * (which may precede the start: it is often measured before the trial), numbers that fit the
 * unit, and a red threshold no nearer than the amber one. A band needs a width.
 */
export function consortiumKpiIssues(
  kpi: KpiShape,
  consortium: Dates,
  input: ConsortiumKpiInput,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const wrongFrequency = (field: string, period: string) => {
    if (frequencyOf(period) === kpi.frequency) return false;
    issues.push({ field, code: 'wrong_frequency', message: `expected a ${kpi.frequency} period` });
    return true;
  };
  const fitsUnit = (field: string, value: number) => {
    for (const code of unitIssues(kpi, value))
      issues.push({ field, code, message: UNIT_MESSAGES[code] });
  };
  const { baseline, targets, tolerance } = input;
  if (baseline) {
    if (
      !wrongFrequency('baseline.period', baseline.period) &&
      periodStartDate(baseline.period) > consortium.endDate
    ) {
      issues.push({
        field: 'baseline.period',
        code: 'outside_consortium',
        message: `on or before ${consortium.endDate}`,
      });
    }
    fitsUnit('baseline.value', baseline.value);
  }
  targets.forEach((t, i) => {
    const field = `targets.${i}.period`;
    fitsUnit(`targets.${i}.value`, t.value);
    if (wrongFrequency(field, t.period)) return;
    if (
      periodEndDate(t.period) < consortium.startDate ||
      periodStartDate(t.period) > consortium.endDate
    ) {
      issues.push({
        field,
        code: 'outside_consortium',
        message: `between ${consortium.startDate} and ${consortium.endDate}`,
      });
    } else if (
      baseline &&
      frequencyOf(baseline.period) === kpi.frequency &&
      comparePeriods(t.period, baseline.period) <= 0
    ) {
      issues.push({ field, code: 'not_after_baseline', message: `after ${baseline.period}` });
    }
  });
  if (tolerance.red < tolerance.amber) {
    issues.push({
      field: 'tolerance.red',
      code: 'below_amber',
      message: 'the red threshold is at least the amber one',
    });
  }
  if (kpi.direction === 'band' && tolerance.amber === 0) {
    issues.push({
      field: 'tolerance.amber',
      code: 'band_without_width',
      message: 'a KPI kept within a band needs a band around its target',
    });
  }
  return issues;
}

export interface ConsortiumKpiWrite {
  kpi: KpiShape & Pick<KpiDefinition, 'id'>;
  consortium: Dates & Pick<Consortium, 'id'>;
  current: ConsortiumKpi | null;
  input: ConsortiumKpiInput;
}

/** Creates or replaces a consortium's settings for one KPI; 400 naming each field that does not fit. */
export function prepareConsortiumKpi(w: ConsortiumKpiWrite, ctx: MutationContext): ConsortiumKpi {
  const issues = consortiumKpiIssues(w.kpi, w.consortium, w.input);
  if (issues.length > 0) {
    const fields = [...new Set(issues.map((i) => i.field))];
    throw new Problem(400, 'validation_failed', `Invalid body: ${fields.join(', ')}`, { issues });
  }
  return {
    id: w.current?.id ?? ctx.newId(),
    consortiumId: w.consortium.id,
    kpiId: w.kpi.id,
    baseline: w.input.baseline,
    targets: [...w.input.targets].sort((a, b) => comparePeriods(a.period, b.period)),
    tolerance: w.input.tolerance,
    version: (w.current?.version ?? 0) + 1,
    updatedAt: ctx.now,
  };
}

/**
 * The route lets leads through (`kpiTarget.write`); whether this programme lets them set their
 * own targets is the programme's choice, so the refusal is a 403 on a consortium they do see.
 */
export function assertCanSetTargets(
  principal: Principal | null,
  scope: Scope | null,
  programme: Pick<Programme, 'id' | 'leadsSetTargets'>,
): void {
  if (!scope || !canSetTargets(principal, scope, programme)) {
    throw new Problem(403, 'forbidden', 'In this programme only managers set targets');
  }
}
