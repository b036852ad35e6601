import type { IsoDate, Period } from '../contract/common';
import type { DefinitionVersion, KpiDefinition, KpiValueInput } from '../contract/kpi';
import { frequencyOf, periodEndDate, periodStartDate, startMonthOrdinal } from './periods';

export type KpiValueIssueCode =
  | 'value_required'
  | 'fraction_required'
  | 'fraction_not_allowed'
  | 'negative'
  | 'not_integer'
  | 'above_100'
  | 'zero_denominator'
  | 'numerator_above_denominator'
  | 'wrong_frequency'
  | 'outside_consortium'
  | 'explanation_required';

export interface KpiValueIssue {
  field: 'value' | 'numerator' | 'denominator' | 'period' | 'explanation';
  code: KpiValueIssueCode;
}

type KpiShape = Pick<
  KpiDefinition,
  'unit' | 'aggregation' | 'frequency' | 'ratePer' | 'decimals' | 'direction'
>;

export type UnitIssueCode = Extract<KpiValueIssueCode, 'negative' | 'not_integer' | 'above_100'>;

/**
 * Whether a number can be a value of the KPI's unit: the rule for entered values, baselines and
 * targets alike. Counts are whole and nothing but euros goes below zero; a share or a score
 * cannot pass 100, except a ratio kept within a band (budget consumed can reach 110 %).
 */
export function unitIssues(
  kpi: Pick<KpiDefinition, 'unit' | 'direction'>,
  v: number,
): UnitIssueCode[] {
  const issues: UnitIssueCode[] = [];
  if (v < 0 && kpi.unit !== 'eur') issues.push('negative');
  if (kpi.unit === 'count' && !Number.isInteger(v)) issues.push('not_integer');
  if (
    (kpi.unit === 'percent' && kpi.direction !== 'band' && v > 100) ||
    (kpi.unit === 'score' && v > 100)
  )
    issues.push('above_100');
  return issues;
}

/** Scale of a rate: percentages are per 100, other rates per the definition's ratePer. */
export function rateScale(kpi: Pick<KpiDefinition, 'unit' | 'ratePer'>): number {
  return kpi.unit === 'percent' ? 100 : (kpi.ratePer ?? 1);
}

/** Rates are recomputed from numerator and denominator, never typed or summed. */
export function computeValue(
  kpi: KpiShape,
  input: Pick<KpiValueInput, 'value' | 'numerator' | 'denominator'>,
): number | null {
  if (kpi.aggregation !== 'rate') return input.value ?? null;
  if (input.numerator === undefined || input.denominator === undefined || input.denominator === 0)
    return null;
  const raw = (input.numerator / input.denominator) * rateScale(kpi);
  const f = 10 ** Math.max(kpi.decimals, 2);
  return Math.round(raw * f) / f;
}

/**
 * Checks that a value fits its KPI and period. The explanation rule needs the computed status,
 * so callers pass whether the value comes out red.
 */
export function validateKpiValue(
  kpi: KpiShape,
  input: Pick<KpiValueInput, 'value' | 'numerator' | 'denominator' | 'explanation'>,
  period: Period,
  consortium: { startDate: IsoDate; endDate: IsoDate },
  isRed: boolean,
): KpiValueIssue[] {
  const issues: KpiValueIssue[] = [];
  if (frequencyOf(period) !== kpi.frequency)
    issues.push({ field: 'period', code: 'wrong_frequency' });
  else if (
    periodEndDate(period) < consortium.startDate ||
    periodStartDate(period) > consortium.endDate
  ) {
    issues.push({ field: 'period', code: 'outside_consortium' });
  }
  if (kpi.aggregation === 'rate') {
    if (input.value !== undefined) issues.push({ field: 'value', code: 'fraction_not_allowed' });
    const { numerator: n, denominator: d } = input;
    if (n === undefined) issues.push({ field: 'numerator', code: 'fraction_required' });
    if (d === undefined) issues.push({ field: 'denominator', code: 'fraction_required' });
    if (n !== undefined && n < 0) issues.push({ field: 'numerator', code: 'negative' });
    if (n !== undefined && !Number.isInteger(n))
      issues.push({ field: 'numerator', code: 'not_integer' });
    if (d !== undefined && d < 0) issues.push({ field: 'denominator', code: 'negative' });
    if (d !== undefined && !Number.isInteger(d))
      issues.push({ field: 'denominator', code: 'not_integer' });
    if (d === 0) issues.push({ field: 'denominator', code: 'zero_denominator' });
    // A share cannot exceed its whole; a ratio kept within a band (budget consumed) can.
    if (
      kpi.unit === 'percent' &&
      kpi.direction !== 'band' &&
      n !== undefined &&
      d !== undefined &&
      d > 0 &&
      n > d
    ) {
      issues.push({ field: 'numerator', code: 'numerator_above_denominator' });
    }
  } else {
    if (input.numerator !== undefined)
      issues.push({ field: 'numerator', code: 'fraction_not_allowed' });
    if (input.denominator !== undefined)
      issues.push({ field: 'denominator', code: 'fraction_not_allowed' });
    const v = input.value;
    if (v === undefined) issues.push({ field: 'value', code: 'value_required' });
    else for (const code of unitIssues(kpi, v)) issues.push({ field: 'value', code });
  }
  if (issues.length === 0 && isRed && !input.explanation?.trim()) {
    issues.push({ field: 'explanation', code: 'explanation_required' });
  }
  return issues;
}

/** The definition version in force at a period: the latest one that started no later than the period. */
export function definitionVersionAt(
  versions: readonly DefinitionVersion[],
  period: Period,
): number {
  const at = startMonthOrdinal(period);
  let best: DefinitionVersion | undefined;
  for (const v of versions) {
    if (startMonthOrdinal(v.validFrom) <= at && (!best || v.version > best.version)) best = v;
  }
  return best?.version ?? (versions.length > 0 ? Math.min(...versions.map((v) => v.version)) : 1);
}
