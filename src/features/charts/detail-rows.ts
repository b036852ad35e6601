import type { Period } from '@domain/contract/common';
import type { KpiDefinition, KpiSeries, KpiStatus } from '@domain/contract/kpi';
import { targetAt } from '@domain/rules/kpi-status';
import { unitIssues } from '@domain/rules/kpi-values';
import {
  comparePeriods,
  frequencyOf,
  periodOfDate,
  periodsBetween,
  periodStartDate,
} from '@domain/rules/periods';
import { toleranceBands, type Range, type ToleranceBands } from '@domain/rules/tolerance-bands';

/** One period of the KPI detail chart and of its table: the same object feeds both. */
export interface DetailRow {
  period: Period;
  /** null for a gap (nothing entered) and for a suppressed small count. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** A value exists but is hidden from this reader (shown as "< 10"). */
  suppressed: boolean;
  /** null when the period has no value. */
  provisional: boolean | null;
  definitionVersion: number | null;
  target: number | null;
  /** null when the value is hidden from this reader, like its target. */
  status: KpiStatus | null;
  green: Range | null;
  amberBelow: Range | null;
  amberAbove: Range | null;
}

export interface VersionBreak {
  period: Period;
  version: number;
}

/** A period of another frequency (a yearly baseline of a monthly KPI) placed on the KPI's axis. */
const onAxis = (period: Period, kpi: Pick<KpiDefinition, 'frequency'>): Period =>
  frequencyOf(period) === kpi.frequency
    ? period
    : periodOfDate(periodStartDate(period), kpi.frequency);

/**
 * Bands cut to what the unit allows (no negative count, no share above 100), so a band never
 * stretches the axis into values no one can enter. The bounds come from the unit rule itself.
 */
function withinUnit(kpi: KpiDefinition, bands: ToleranceBands): ToleranceBands {
  const floor = unitIssues(kpi, -1).includes('negative') ? 0 : -Infinity;
  const ceiling = unitIssues(kpi, 101).includes('above_100') ? 100 : Infinity;
  const clamp = (n: number) => Math.min(Math.max(n, floor), ceiling);
  const cut = (r: Range): Range => [clamp(r[0]), clamp(r[1])];
  return {
    green: cut(bands.green),
    amberBelow: bands.amberBelow && cut(bands.amberBelow),
    amberAbove: bands.amberAbove && cut(bands.amberAbove),
  };
}

/**
 * Rows for every period from the first to the last thing the chart shows (value, target,
 * baseline), so a period without a value is a gap in the line, not a shortcut across it. A
 * downsampled series keeps only the points the server chose: filling it would invent gaps.
 */
export function detailRows(kpi: KpiDefinition, series: KpiSeries): DetailRow[] {
  const settings = series.settings;
  const byPeriod = new Map(series.points.map((p) => [onAxis(p.period, kpi), p]));
  let periods: Period[];
  if (series.downsampled) {
    periods = [...byPeriod.keys()];
  } else {
    const anchors = [
      ...byPeriod.keys(),
      ...(settings?.targets.map((t) => onAxis(t.period, kpi)) ?? []),
      ...(settings?.baseline ? [onAxis(settings.baseline.period, kpi)] : []),
    ].sort(comparePeriods);
    const first = anchors[0];
    const last = anchors[anchors.length - 1];
    periods = first && last ? periodsBetween(first, last) : [];
  }
  return periods.map((period) => {
    const point = byPeriod.get(period);
    // A hidden point has no target: the server sent none, the trajectory must not give it back.
    const target = point?.suppressed
      ? null
      : settings
        ? targetAt(settings, period)
        : (point?.target ?? null);
    const bands =
      target !== null && settings
        ? withinUnit(kpi, toleranceBands(target, kpi.direction, settings.tolerance))
        : null;
    return {
      period,
      value: point?.value ?? null,
      numerator: point?.numerator ?? null,
      denominator: point?.denominator ?? null,
      suppressed: point?.suppressed ?? false,
      provisional: point ? point.provisional : null,
      definitionVersion: point?.definitionVersion ?? null,
      target,
      status: point ? point.status : 'no_data',
      green: bands?.green ?? null,
      amberBelow: bands?.amberBelow ?? null,
      amberAbove: bands?.amberAbove ?? null,
    };
  });
}

/**
 * Where a new definition version starts inside the rows: the chart draws a line there (at the
 * first row on or after it, as a downsampled series may have skipped the exact period).
 */
export function versionBreaks(kpi: KpiDefinition, rows: readonly DetailRow[]): VersionBreak[] {
  const first = rows[0]?.period;
  if (!first) return [];
  return kpi.definitionVersions
    .map((v) => ({ start: onAxis(v.validFrom, kpi), version: v.version }))
    .filter((b) => comparePeriods(b.start, first) > 0)
    .flatMap((b) => {
      const row = rows.find((r) => comparePeriods(r.period, b.start) >= 0);
      return row ? [{ period: row.period, version: b.version }] : [];
    })
    .sort((a, b) => comparePeriods(a.period, b.period));
}
