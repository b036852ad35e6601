import { z } from 'zod';
import { Id, LocalizedText, Period, text } from './common';
import { Frequency, KpiDefinition, KpiStatus } from './kpi';

/** One consortium × KPI cell of the heatmap, as the reader may see it. */
export const HeatmapCell = z.strictObject({
  consortiumId: Id,
  kpiId: Id,
  /** The KPI's own period the cell shows: a quarterly KPI on a monthly heatmap shows its last quarter. */
  period: Period,
  /** null when no value was entered, or when it is a small count hidden from this reader. */
  value: z.number().finite().nullable(),
  suppressed: z.boolean(),
  provisional: z.boolean(),
  /** Both null when the value is suppressed for the reader: together they would bound it. */
  target: z.number().nullable(),
  status: KpiStatus.nullable(),
});
export type HeatmapCell = z.infer<typeof HeatmapCell>;

export const HeatmapKpi = z.strictObject({
  id: Id,
  code: KpiDefinition.shape.code,
  name: LocalizedText,
  unit: KpiDefinition.shape.unit,
  aggregation: KpiDefinition.shape.aggregation,
  ratePer: KpiDefinition.shape.ratePer,
  decimals: KpiDefinition.shape.decimals,
  frequency: Frequency,
});
export type HeatmapKpi = z.infer<typeof HeatmapKpi>;

/**
 * The programme at one period: consortia in rows, the KPIs any of them tracks in columns; a
 * consortium that does not track a KPI has no cell for it.
 */
export const Heatmap = z.strictObject({
  programmeId: Id,
  period: Period,
  smallCountThreshold: z.number().int().min(1),
  kpis: z.array(HeatmapKpi),
  consortia: z.array(z.strictObject({ id: Id, code: text().max(40), name: text().max(200) })),
  cells: z.array(HeatmapCell),
});
export type Heatmap = z.infer<typeof Heatmap>;
