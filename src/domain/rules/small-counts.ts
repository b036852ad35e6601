import type { KpiDefinition, KpiValue } from '../contract/kpi';

/** Positive counts below the threshold could identify patients; zero reveals no one. */
export function isSmallCount(n: number | null, threshold: number): boolean {
  return n !== null && n > 0 && n < threshold;
}

/** The count that must be protected: the value of a count KPI, or the numerator of a rate. */
export function protectedCount(
  kpi: Pick<KpiDefinition, 'unit' | 'aggregation'>,
  v: Pick<KpiValue, 'value' | 'numerator'>,
): number | null {
  if (kpi.aggregation === 'rate') return v.numerator;
  return kpi.unit === 'count' ? v.value : null;
}

export function mustSuppress(
  kpi: Pick<KpiDefinition, 'unit' | 'aggregation'>,
  v: Pick<KpiValue, 'value' | 'numerator'>,
  threshold: number,
): boolean {
  return isSmallCount(protectedCount(kpi, v), threshold);
}

/** What an observer or an export may see of a value. */
export function suppressForReader<
  V extends Pick<KpiValue, 'value' | 'numerator' | 'denominator' | 'suppressed'>,
>(kpi: Pick<KpiDefinition, 'unit' | 'aggregation'>, v: V, threshold: number): V {
  if (!mustSuppress(kpi, v, threshold)) return v;
  return { ...v, value: null, numerator: null, denominator: null, suppressed: true };
}

export function smallCountLabel(threshold: number): string {
  return `< ${threshold}`;
}
