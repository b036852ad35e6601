import type { Period } from '@domain/contract/common';
import type { KpiDefinition, KpiSeries } from '@domain/contract/kpi';
import { comparePeriods, periodsBetween } from '@domain/rules/periods';
import { detailRows, type DetailRow } from './detail-rows';

/** One consortium's series as the chart and the table read it. */
export interface ConsortiumSeries {
  consortium: KpiSeries['consortium'];
  rows: DetailRow[];
}

/** One period of the cross-consortium chart: `v0`, `t0` are the first consortium's value and target. */
export type CrossChartRow = { period: Period } & Record<string, number | null | string>;

export const valueKey = (i: number) => `v${i}`;
export const targetKey = (i: number) => `t${i}`;

/** Each consortium's rows, with only the periods it has a value for (the table lists values). */
export function consortiumSeries(
  kpi: KpiDefinition,
  series: readonly KpiSeries[],
): ConsortiumSeries[] {
  return series.map((s) => ({
    consortium: s.consortium,
    rows: detailRows(kpi, s).filter((r) => r.value !== null || r.suppressed),
  }));
}

/**
 * One row per period over every consortium's range: a consortium without a value in a period
 * has null there, which the chart draws as a gap.
 */
export function crossChartRows(kpi: KpiDefinition, series: readonly KpiSeries[]): CrossChartRow[] {
  const perConsortium = series.map((s) => new Map(detailRows(kpi, s).map((r) => [r.period, r])));
  const all = [...new Set(perConsortium.flatMap((m) => [...m.keys()]))].sort(comparePeriods);
  const first = all[0];
  const last = all[all.length - 1];
  const periods =
    first && last && !series.some((s) => s.downsampled) ? periodsBetween(first, last) : all;
  return periods.map((period) => {
    const row: CrossChartRow = { period };
    perConsortium.forEach((m, i) => {
      const r = m.get(period);
      row[valueKey(i)] = r?.value ?? null;
      row[targetKey(i)] = r?.target ?? null;
    });
    return row;
  });
}
