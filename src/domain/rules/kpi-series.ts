import type { Period } from '../contract/common';
import type { Consortium } from '../contract/consortium';
import type {
  ConsortiumKpi,
  KpiDefinition,
  KpiSeries,
  KpiSeriesQuery,
  KpiSeriesResponse,
  KpiValue,
  SeriesPoint,
} from '../contract/kpi';
import { pointForReader, settingsForReader } from './disclosure';
import { kpiStatus, targetAt } from './kpi-status';
import { lttb } from './lttb';
import { compareConsortia } from './ordering';
import { comparePeriods, endMonthOrdinal } from './periods';
import { forReader, type ReaderOptions } from './small-counts';

/** What a chart can draw usefully: a wider series is downsampled on the server. */
export const DEFAULT_MAX_POINTS = 500;

export interface PeriodRange {
  from?: Period | undefined;
  to?: Period | undefined;
}

export const inRange = (period: Period, range: PeriodRange): boolean =>
  (range.from === undefined || comparePeriods(period, range.from) >= 0) &&
  (range.to === undefined || comparePeriods(period, range.to) <= 0);

/** The order of a consortium's values: by period, then by KPI id (code points, stable everywhere). */
export const compareCells = (a: KpiValue, b: KpiValue): number =>
  comparePeriods(a.period, b.period) || (a.kpiId < b.kpiId ? -1 : a.kpiId > b.kpiId ? 1 : 0);

/** Every revision of one cell, newest first, as this reader may see them. */
export function cellHistory(
  kpi: Pick<KpiDefinition, 'unit' | 'aggregation'>,
  revisions: readonly KpiValue[],
  reader: ReaderOptions,
): KpiValue[] {
  return [...revisions]
    .sort((a, b) => b.revision - a.revision)
    .map((v) => forReader(kpi, v, reader));
}

export interface SeriesSource {
  kpi: KpiDefinition;
  consortium: Pick<Consortium, 'id' | 'code' | 'name'>;
  settings: ConsortiumKpi | null;
  /** Current values of this consortium for this KPI, in any order. */
  values: readonly KpiValue[];
  reader: ReaderOptions;
  range?: PeriodRange;
  maxPoints?: number | undefined;
}

/**
 * One consortium's line of a KPI chart: each current value with the interpolated target and the
 * computed status, then as this reader may see it (pointForReader), then downsampled by LTTB. The first point
 * of each definition version is always kept so that the chart can still mark the break; a
 * suppressed point is placed at the height of the last visible one, so it never draws a spike.
 */
export function buildKpiSeries(src: SeriesSource): KpiSeries {
  const { kpi, settings, reader } = src;
  const seenSettings = settings && settingsForReader(kpi, settings, reader);
  const points: SeriesPoint[] = src.values
    .filter((v) => v.kpiId === kpi.id && inRange(v.period, src.range ?? {}))
    .sort((a, b) => comparePeriods(a.period, b.period))
    .map((v) => {
      const target = settings ? targetAt(settings, v.period) : null;
      const point: SeriesPoint = {
        period: v.period,
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        suppressed: v.suppressed,
        provisional: v.provisional,
        definitionVersion: v.definitionVersion,
        target,
        status: settings
          ? kpiStatus(v.value, target, kpi.direction, settings.tolerance)
          : 'no_data',
      };
      return pointForReader(kpi, seenSettings, point, reader);
    });
  const breaks = points.flatMap((p, i) =>
    i > 0 && p.definitionVersion !== points[i - 1]!.definitionVersion ? [i] : [],
  );
  const kept = lttb(points, src.maxPoints ?? DEFAULT_MAX_POINTS, {
    x: (p) => endMonthOrdinal(p.period),
    y: (p) => p.value,
    keep: breaks,
  });
  return {
    consortium: { id: src.consortium.id, code: src.consortium.code, name: src.consortium.name },
    settings: seenSettings,
    points: kept,
    totalPoints: points.length,
    downsampled: kept.length < points.length,
  };
}

/** `id,id,…` from the query, or null when absent (every consortium the reader may see). */
export const requestedConsortia = (param: string | undefined): string[] | null =>
  param === undefined ? null : [...new Set(param.split(','))];

/**
 * The consortia a KPI chart shows: those the reader may see, of the KPI's programme; when none
 * are named, only those that track the KPI or hold values for it; when named, exactly those
 * (a consortium the reader may not see, or of another programme, is left out like a missing one).
 */
export function seriesConsortia<C extends Pick<Consortium, 'id' | 'code'>>(
  visible: readonly C[],
  requested: readonly string[] | null,
  involved: ReadonlySet<string>,
): C[] {
  const chosen = requested
    ? visible.filter((c) => requested.includes(c.id))
    : visible.filter((c) => involved.has(c.id));
  return [...chosen].sort(compareConsortia);
}

export interface SeriesResponseSource<C extends Pick<Consortium, 'id' | 'code' | 'name'>> {
  kpi: KpiDefinition;
  /** Consortia of the KPI's programme the reader may see. */
  visible: readonly C[];
  /** Settings and current values of this KPI (other consortia are ignored). */
  settings: readonly ConsortiumKpi[];
  values: readonly KpiValue[];
  query: KpiSeriesQuery;
  readerOf: (consortium: C) => ReaderOptions;
}

/** The whole answer of the series endpoint, the same on the server and in the mocks. */
export function buildSeriesResponse<C extends Pick<Consortium, 'id' | 'code' | 'name'>>(
  src: SeriesResponseSource<C>,
): KpiSeriesResponse {
  const involved = new Set([
    ...src.settings.map((s) => s.consortiumId),
    ...src.values.map((v) => v.consortiumId),
  ]);
  const chosen = seriesConsortia(src.visible, requestedConsortia(src.query.consortia), involved);
  return {
    kpi: src.kpi,
    series: chosen.map((consortium) =>
      buildKpiSeries({
        kpi: src.kpi,
        consortium,
        settings: src.settings.find((s) => s.consortiumId === consortium.id) ?? null,
        values: src.values.filter((v) => v.consortiumId === consortium.id),
        reader: src.readerOf(consortium),
        range: src.query,
        maxPoints: src.query.maxPoints,
      }),
    ),
  };
}
