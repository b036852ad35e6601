import type { KpiValue } from '../contract/kpi';

/**
 * The current value of each (consortium, KPI, period) cell: its highest revision. Every
 * correction is kept as a new revision, so every read of "the value" goes through here.
 */
export function currentValues(values: readonly KpiValue[]): KpiValue[] {
  const best = new Map<string, KpiValue>();
  for (const v of values) {
    const key = `${v.consortiumId}|${v.kpiId}|${v.period}`;
    const seen = best.get(key);
    if (!seen || v.revision > seen.revision) best.set(key, v);
  }
  return [...best.values()];
}
