import type { IsoDate, Timestamp } from '../contract/common';
import type { Consortium } from '../contract/consortium';
import type { ConsortiumKpi, KpiDefinition, KpiValue } from '../contract/kpi';
import type { Milestone, MilestoneEvent } from '../contract/milestone';
import type {
  MilestoneSlip,
  PeriodReport,
  ReportConsortium,
  ReportMilestone,
} from '../contract/period-report';
import type { Programme } from '../contract/programme';
import type { ReportingPeriod } from '../contract/reporting';
import { consortiumHealth } from './health';
import { buildHeatmap } from './heatmap';
import { buildKpiSeries } from './kpi-series';
import { daysLate, isLate } from './milestone-health';
import { compareMilestones } from './ordering';
import { isWithinPeriod, periodEndDate } from './periods';
import { type ReaderOptions } from './small-counts';
import { countStatuses } from './summaries';

export interface PeriodReportSource {
  programme: Pick<Programme, 'id' | 'name' | 'smallCountThreshold' | 'slippageToleranceDays'>;
  period: ReportingPeriod;
  /** The consortia the reader may see. */
  consortia: readonly Consortium[];
  kpis: readonly KpiDefinition[];
  settings: readonly ConsortiumKpi[];
  /** Current values of these consortia, every period (the charts draw the history). */
  values: readonly KpiValue[];
  milestones: readonly Milestone[];
  /** Replan events of these milestones: each is a slip with its reason. */
  events: readonly MilestoneEvent[];
  today: IsoDate;
  generatedAt: Timestamp;
  readerOf: (consortium: Consortium) => ReaderOptions;
}

/** A report on a past period reads lateness at its last day, not at the day it is printed. */
export function reportAsOf(period: ReportingPeriod, today: IsoDate): IsoDate {
  const end = periodEndDate(period.period);
  return today < end ? today : end;
}

/** A milestone's forecast moves (its `replan` events) in the order they were made. */
export function milestoneSlips(
  events: readonly MilestoneEvent[],
  milestoneId: string,
): MilestoneSlip[] {
  return events
    .filter((e) => e.milestoneId === milestoneId && e.type === 'replan')
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => ({
      previousDate: e.previousDate,
      newDate: e.newDate,
      reason: e.comment,
      at: e.at,
    }));
}

function reportMilestones(
  milestones: readonly Milestone[],
  events: readonly MilestoneEvent[],
  period: ReportingPeriod,
  asOf: IsoDate,
): ReportMilestone[] {
  const within = (d: IsoDate | null) => isWithinPeriod(d, period.period);
  return [...milestones].sort(compareMilestones).flatMap((m) => {
    const dueInPeriod = within(m.forecastDate) || within(m.baselineDate);
    const approvedInPeriod = m.status === 'approved' && within(m.actualDate);
    const late = isLate(m, asOf);
    if (!dueInPeriod && !approvedInPeriod && !late) return [];
    const slips = milestoneSlips(events, m.id);
    return [
      {
        id: m.id,
        code: m.code,
        title: m.title,
        status: m.status,
        baselineDate: m.baselineDate,
        forecastDate: m.forecastDate,
        actualDate: m.actualDate,
        dueInPeriod,
        approvedInPeriod,
        late,
        daysLate: daysLate(m, asOf),
        slips,
      },
    ];
  });
}

/**
 * The steering-committee report of a period for one reader: the heatmap's cells are its KPI
 * table (so small counts are hidden exactly as there), health is the portfolio's rule read at
 * the period's end from those cells, and each chart is the KPI series up to the period.
 */
export function buildPeriodReport(src: PeriodReportSource): PeriodReport {
  const asOf = reportAsOf(src.period, src.today);
  const heatmap = buildHeatmap({
    programme: src.programme,
    period: src.period.period,
    consortia: src.consortia,
    kpis: src.kpis,
    settings: src.settings,
    values: src.values,
    readerOf: src.readerOf,
  });
  const kpiById = new Map(src.kpis.map((k) => [k.id, k]));
  const consortiumById = new Map(src.consortia.map((c) => [c.id, c]));
  const consortia = heatmap.consortia.map((row): ReportConsortium => {
    const consortium = consortiumById.get(row.id)!;
    const reader = src.readerOf(consortium);
    const cells = heatmap.cells.filter((c) => c.consortiumId === row.id);
    const milestones = src.milestones.filter((m) => m.consortiumId === row.id);
    const { health, reasons } = consortiumHealth({
      milestones,
      kpis: countStatuses(cells.flatMap((c) => (c.status ? [c.status] : []))),
      today: asOf,
      slippageToleranceDays: src.programme.slippageToleranceDays,
    });
    const series = cells.flatMap((cell) => {
      const kpi = kpiById.get(cell.kpiId);
      if (!kpi) return [];
      const line = buildKpiSeries({
        kpi,
        consortium: row,
        settings: src.settings.find((s) => s.consortiumId === row.id && s.kpiId === kpi.id) ?? null,
        values: src.values.filter((v) => v.consortiumId === row.id),
        reader,
        range: { to: cell.period },
      });
      return [{ kpiId: kpi.id, series: line }];
    });
    return {
      ...row,
      health,
      healthReasons: reasons,
      milestones: reportMilestones(milestones, src.events, src.period, asOf),
      kpis: cells,
      series,
    };
  });
  return {
    programme: { id: src.programme.id, name: src.programme.name },
    period: src.period,
    asOf,
    generatedAt: src.generatedAt,
    smallCountThreshold: heatmap.smallCountThreshold,
    kpis: heatmap.kpis,
    consortia,
  };
}
