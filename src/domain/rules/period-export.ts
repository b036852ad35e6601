import type { Locale, Period } from '../contract/common';
import type { Heatmap, HeatmapKpi } from '../contract/heatmap';
import type { KpiStatus } from '../contract/kpi';
import type { Milestone, MilestoneEvent, MilestoneStatus } from '../contract/milestone';
import type { ExportSheet } from '../contract/period-exports';
import { compareConsortia, compareMilestones, compareText } from './ordering';
import { milestoneSlips } from './period-report';
import { daysBetween, isWithinPeriod } from './periods';
import { smallCountLabel } from './small-counts';

/*
 * A period's data as three tables, the same for the XLSX workbook and each CSV file. The KPI
 * table is the heatmap built for an export reader (small counts masked whoever downloads it),
 * so a hidden value says "< 10" in the file exactly where the screen shows it hidden.
 */

export type ExportColumnKind = 'text' | 'number' | 'date';

export interface ExportColumn {
  header: string;
  /** A date cell holds an ISO date; the XLSX writer makes it a date, CSV keeps the ISO text. */
  kind: ExportColumnKind;
  /** In characters, for the spreadsheet's column width. */
  width: number;
}

/** A number, a text (a hidden count in a number column is the text "< 10"), or empty. */
export type ExportCell = string | number | null;

export interface ExportTable {
  sheet: ExportSheet;
  /** The sheet's name in the workbook, in the reader's language. */
  title: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
}

/** Every word the tables print, already in the reader's language. */
export interface ExportLabels {
  locale: Locale;
  sheets: Record<ExportSheet, string>;
  columns: {
    milestones: Record<
      'consortium' | 'code' | 'title' | 'baseline' | 'forecast' | 'status' | 'approved',
      string
    >;
    kpis: Record<
      | 'consortium'
      | 'code'
      | 'name'
      | 'period'
      | 'value'
      | 'unit'
      | 'target'
      | 'status'
      | 'provisional',
      string
    >;
    slips: Record<'consortium' | 'milestone' | 'from' | 'to' | 'days' | 'reason', string>;
  };
  milestoneStatus: Record<MilestoneStatus, string>;
  kpiStatus: Record<KpiStatus, string>;
  /** The status of a value hidden as a small count: neither its status nor its target is shown. */
  hiddenStatus: string;
  unit: (kpi: HeatmapKpi) => string;
  yes: string;
  no: string;
}

export interface PeriodExportSource {
  period: Period;
  /** For an export reader; its consortia are the ones the requester may see. */
  heatmap: Heatmap;
  milestones: readonly Milestone[];
  /** The milestones' events: their `replan` events are the slips. */
  events: readonly MilestoneEvent[];
}

function milestoneTable(src: PeriodExportSource, l: ExportLabels, code: (id: string) => string) {
  const c = l.columns.milestones;
  // Due in the period, or achieved in it: what a steering committee asks about this period.
  const rows = src.milestones
    .filter(
      (m) => isWithinPeriod(m.forecastDate, src.period) || isWithinPeriod(m.actualDate, src.period),
    )
    .sort(
      (a, b) => compareText(code(a.consortiumId), code(b.consortiumId)) || compareMilestones(a, b),
    )
    .map((m): ExportCell[] => [
      code(m.consortiumId),
      m.code,
      m.title[l.locale],
      m.baselineDate,
      m.forecastDate,
      l.milestoneStatus[m.status],
      m.status === 'approved' ? m.actualDate : null,
    ]);
  const columns: ExportColumn[] = [
    { header: c.consortium, kind: 'text', width: 14 },
    { header: c.code, kind: 'text', width: 10 },
    { header: c.title, kind: 'text', width: 48 },
    { header: c.baseline, kind: 'date', width: 14 },
    { header: c.forecast, kind: 'date', width: 14 },
    { header: c.status, kind: 'text', width: 24 },
    { header: c.approved, kind: 'date', width: 14 },
  ];
  return { sheet: 'milestones' as const, title: l.sheets.milestones, columns, rows };
}

function kpiTable(src: PeriodExportSource, l: ExportLabels, code: (id: string) => string) {
  const c = l.columns.kpis;
  const { heatmap } = src;
  const hidden = smallCountLabel(heatmap.smallCountThreshold);
  const kpiById = new Map(heatmap.kpis.map((k) => [k.id, k]));
  const kpiOrder = new Map(heatmap.kpis.map((k, i) => [k.id, i]));
  const consortiumOrder = new Map(heatmap.consortia.map((k, i) => [k.id, i]));
  const rows = [...heatmap.cells]
    .sort(
      (a, b) =>
        (consortiumOrder.get(a.consortiumId) ?? 0) - (consortiumOrder.get(b.consortiumId) ?? 0) ||
        (kpiOrder.get(a.kpiId) ?? 0) - (kpiOrder.get(b.kpiId) ?? 0),
    )
    .flatMap((cell): ExportCell[][] => {
      const kpi = kpiById.get(cell.kpiId);
      if (!kpi) return [];
      const entered = cell.suppressed || cell.value !== null;
      return [
        [
          code(cell.consortiumId),
          kpi.code,
          kpi.name[l.locale],
          cell.period,
          cell.suppressed ? hidden : cell.value,
          l.unit(kpi),
          cell.target,
          cell.status === null ? l.hiddenStatus : l.kpiStatus[cell.status],
          entered ? (cell.provisional ? l.yes : l.no) : null,
        ],
      ];
    });
  const columns: ExportColumn[] = [
    { header: c.consortium, kind: 'text', width: 14 },
    { header: c.code, kind: 'text', width: 12 },
    { header: c.name, kind: 'text', width: 40 },
    { header: c.period, kind: 'text', width: 10 },
    { header: c.value, kind: 'number', width: 12 },
    { header: c.unit, kind: 'text', width: 16 },
    { header: c.target, kind: 'number', width: 12 },
    { header: c.status, kind: 'text', width: 20 },
    { header: c.provisional, kind: 'text', width: 12 },
  ];
  return { sheet: 'kpis' as const, title: l.sheets.kpis, columns, rows };
}

function slipTable(src: PeriodExportSource, l: ExportLabels, code: (id: string) => string) {
  const c = l.columns.slips;
  // The moves into or out of the period, and those recorded during it.
  const rows = src.milestones
    .flatMap((m) =>
      milestoneSlips(src.events, m.id).flatMap((slip) => {
        const { previousDate: from, newDate: to, at } = slip;
        if (from === null || to === null) return [];
        const s = { from, to, at, reason: slip.reason };
        return [from, to, at].some((d) => isWithinPeriod(d, src.period)) ? [{ s, m }] : [];
      }),
    )
    .sort(
      (a, b) =>
        compareText(code(a.m.consortiumId), code(b.m.consortiumId)) ||
        compareMilestones(a.m, b.m) ||
        compareText(a.s.at, b.s.at),
    )
    .map(({ s, m }): ExportCell[] => [
      code(m.consortiumId),
      `${m.code} ${m.title[l.locale]}`,
      s.from,
      s.to,
      daysBetween(s.from, s.to),
      s.reason,
    ]);
  const columns: ExportColumn[] = [
    { header: c.consortium, kind: 'text', width: 14 },
    { header: c.milestone, kind: 'text', width: 48 },
    { header: c.from, kind: 'date', width: 14 },
    { header: c.to, kind: 'date', width: 14 },
    { header: c.days, kind: 'number', width: 8 },
    { header: c.reason, kind: 'text', width: 60 },
  ];
  return { sheet: 'slips' as const, title: l.sheets.slips, columns, rows };
}

/** The period's three tables, rows only of the consortia the heatmap was built for. */
export function periodExportTables(
  src: PeriodExportSource,
  labels: ExportLabels,
): Record<ExportSheet, ExportTable> {
  const visible = new Map(
    [...src.heatmap.consortia].sort(compareConsortia).map((c) => [c.id, c.code]),
  );
  const code = (id: string) => visible.get(id) ?? '';
  const scoped = {
    ...src,
    milestones: src.milestones.filter((m) => visible.has(m.consortiumId)),
  };
  return {
    milestones: milestoneTable(scoped, labels, code),
    kpis: kpiTable(scoped, labels, code),
    slips: slipTable(scoped, labels, code),
  };
}

/** `jalon-2026-10-kpis.csv`: what the file is, whoever it is handed to. */
export const exportFileName = (period: Period, what: ExportSheet | 'all', ext: 'csv' | 'xlsx') =>
  what === 'all' ? `jalon-${period}.${ext}` : `jalon-${period}-${what}.${ext}`;
