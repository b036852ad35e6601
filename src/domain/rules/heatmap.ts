import type { Consortium } from '../contract/consortium';
import type { Heatmap, HeatmapCell } from '../contract/heatmap';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import type { Period } from '../contract/common';
import type { Programme } from '../contract/programme';
import { settingsForReader } from './disclosure';
import { kpiStatus, targetAt } from './kpi-status';
import { compareConsortia, compareKpis } from './ordering';
import { addPeriods, frequencyOf, periodEndDate, periodOfDate } from './periods';
import { forReader, smallCountThresholdOf, type ReaderOptions } from './small-counts';

/**
 * The period of a KPI that a heatmap of `period` shows: the same one on the same rhythm, else the
 * KPI's last period that has ended by the end of `period` (October shows Q3, not the open Q4).
 */
export function cellPeriodOf(kpi: Pick<KpiDefinition, 'frequency'>, period: Period): Period {
  if (kpi.frequency === frequencyOf(period)) return period;
  const end = periodEndDate(period);
  const containing = periodOfDate(end, kpi.frequency);
  return periodEndDate(containing) <= end ? containing : addPeriods(containing, -1);
}

export interface HeatmapSource {
  programme: Pick<Programme, 'id' | 'smallCountThreshold'>;
  period: Period;
  consortia: readonly Consortium[];
  kpis: readonly KpiDefinition[];
  settings: readonly ConsortiumKpi[];
  /** Current (latest-revision) values of these consortia; other periods are ignored. */
  values: readonly KpiValue[];
  readerOf: (consortium: Consortium) => ReaderOptions;
}

function cellFor(
  kpi: KpiDefinition,
  settings: ConsortiumKpi,
  value: KpiValue | undefined,
  period: Period,
  reader: ReaderOptions,
): HeatmapCell {
  const base = { consortiumId: settings.consortiumId, kpiId: kpi.id, period };
  if (!value) {
    const seen = settingsForReader(kpi, settings, reader);
    const target = targetAt(seen, period);
    const empty = { value: null, suppressed: false, provisional: false };
    return { ...base, ...empty, target, status: 'no_data' };
  }
  const seen = forReader(kpi, value, reader);
  if (seen.suppressed) {
    const hidden = { value: null, suppressed: true, target: null, status: null };
    return { ...base, ...hidden, provisional: value.provisional };
  }
  // The target as this reader sees the trajectory: a hidden small baseline must not leak through it.
  const target = targetAt(settingsForReader(kpi, settings, reader), period);
  return {
    ...base,
    value: seen.value,
    suppressed: false,
    provisional: value.provisional,
    target,
    status: kpiStatus(seen.value, target, kpi.direction, settings.tolerance),
  };
}

/** Consortium × KPI at one period, every cell through the reader's small-count rule. */
export function buildHeatmap(src: HeatmapSource): Heatmap {
  const consortia = [...src.consortia].sort(compareConsortia);
  const tracked = new Set(src.settings.map((s) => s.kpiId));
  const kpis = src.kpis.filter((k) => tracked.has(k.id)).sort(compareKpis);
  const kpiById = new Map(kpis.map((k) => [k.id, k]));
  const valueOf = new Map(src.values.map((v) => [`${v.consortiumId}|${v.kpiId}|${v.period}`, v]));
  const cells = consortia.flatMap((c) => {
    const reader = src.readerOf(c);
    return src.settings
      .filter((s) => s.consortiumId === c.id)
      .flatMap((s) => {
        const kpi = kpiById.get(s.kpiId);
        if (!kpi) return [];
        const period = cellPeriodOf(kpi, src.period);
        return [cellFor(kpi, s, valueOf.get(`${c.id}|${kpi.id}|${period}`), period, reader)];
      });
  });
  return {
    programmeId: src.programme.id,
    period: src.period,
    smallCountThreshold: smallCountThresholdOf(src.programme),
    kpis: kpis.map(({ id, code, name, unit, aggregation, ratePer, decimals, frequency }) => ({
      id,
      code,
      name,
      unit,
      aggregation,
      ratePer,
      decimals,
      frequency,
    })),
    consortia: consortia.map(({ id, code, name }) => ({ id, code, name })),
    cells,
  };
}
