import { z } from 'zod';
import { Id, LocalizedText, Period, text, Timestamp, Version } from './common';

export const KpiUnit = z.enum(['count', 'percent', 'days', 'rate', 'score', 'eur', 'minutes']);
export type KpiUnit = z.infer<typeof KpiUnit>;
export const Direction = z.enum(['higher', 'lower', 'band']);
export type Direction = z.infer<typeof Direction>;
export const Aggregation = z.enum(['stock', 'flow', 'rate']);
export type Aggregation = z.infer<typeof Aggregation>;
export const Frequency = z.enum(['monthly', 'quarterly', 'yearly']);
export type Frequency = z.infer<typeof Frequency>;
export const SourceType = z.enum([
  'vendor_log',
  'manual_count',
  'survey',
  'national_data',
  'hospital_data',
  'finance',
]);
export type SourceType = z.infer<typeof SourceType>;

export const DefinitionVersion = z.strictObject({
  version: z.number().int().min(1),
  validFrom: Period,
  changeNote: text().max(1000),
});
export type DefinitionVersion = z.infer<typeof DefinitionVersion>;

export const KpiDefinition = z.strictObject({
  id: Id,
  programmeId: Id,
  code: text().regex(/^[A-Z][A-Z0-9_]{1,19}$/),
  name: LocalizedText,
  definition: LocalizedText,
  unit: KpiUnit,
  /** For unit "rate": value per this many (e.g. 100 persons). */
  ratePer: z.number().int().positive().nullable(),
  direction: Direction,
  aggregation: Aggregation,
  frequency: Frequency,
  decimals: z.number().int().min(0).max(4),
  sourceType: SourceType,
  reportingLagMonths: z.number().int().min(0).max(24),
  definitionVersions: z.array(DefinitionVersion).min(1),
  version: Version,
  updatedAt: Timestamp,
});
export type KpiDefinition = z.infer<typeof KpiDefinition>;

export const Tolerance = z.strictObject({
  /** absolute: in the KPI's unit; relative: a fraction of the target (0.1 = 10 %). */
  mode: z.enum(['absolute', 'relative']),
  amber: z.number().min(0),
  red: z.number().min(0),
});
export type Tolerance = z.infer<typeof Tolerance>;

export const TargetPoint = z.strictObject({ period: Period, value: z.number().finite() });
export type TargetPoint = z.infer<typeof TargetPoint>;

export const Baseline = z.strictObject({
  value: z.number().finite(),
  period: Period,
  source: text().max(500),
});
export type Baseline = z.infer<typeof Baseline>;

/** A baseline as read: a count KPI's small baseline is a small count, null for the reader. */
export const SeenBaseline = Baseline.extend({ value: z.number().finite().nullable() });

export const ConsortiumKpi = z.strictObject({
  id: Id,
  consortiumId: Id,
  kpiId: Id,
  baseline: SeenBaseline.nullable(),
  targets: z.array(TargetPoint),
  tolerance: Tolerance,
  version: Version,
  updatedAt: Timestamp,
});
export type ConsortiumKpi = z.infer<typeof ConsortiumKpi>;

export const KpiStatus = z.enum(['green', 'amber', 'red', 'no_data']);
export type KpiStatus = z.infer<typeof KpiStatus>;
export const Trend = z.enum(['improving', 'worsening', 'stable', 'unknown']);
export type Trend = z.infer<typeof Trend>;

export const KpiValue = z.strictObject({
  id: Id,
  consortiumId: Id,
  kpiId: Id,
  period: Period,
  /** null when suppressed for the reader (small count). */
  value: z.number().finite().nullable(),
  numerator: z.number().finite().nullable(),
  denominator: z.number().finite().nullable(),
  suppressed: z.boolean(),
  provisional: z.boolean(),
  source: text().max(500),
  note: text().max(2000),
  explanation: text().max(2000),
  definitionVersion: z.number().int().min(1),
  revision: z.number().int().min(1),
  enteredBy: text().max(200),
  enteredAt: Timestamp,
  version: Version,
});
export type KpiValue = z.infer<typeof KpiValue>;

export const KpiValueInput = z.strictObject({
  value: z.number().finite().optional(),
  numerator: z.number().finite().optional(),
  denominator: z.number().finite().optional(),
  provisional: z.boolean(),
  source: text().trim().min(1).max(500),
  note: text().trim().max(2000).default(''),
  explanation: text().trim().max(2000).default(''),
});
export type KpiValueInput = z.infer<typeof KpiValueInput>;

/** One KPI as seen on a consortium overview: definition, targets, latest value and its status. */
export const ConsortiumKpiSummary = z.strictObject({
  kpi: KpiDefinition,
  settings: ConsortiumKpi,
  latest: KpiValue.nullable(),
  targetAtLatest: z.number().nullable(),
  /** null when the latest value is suppressed for the reader: with the target, it bounds it. */
  status: KpiStatus.nullable(),
  trend: Trend,
  recent: z.array(z.strictObject({ period: Period, value: z.number().nullable() })),
});
export type ConsortiumKpiSummary = z.infer<typeof ConsortiumKpiSummary>;

/** What a manager may set of an indicator, when adding it or editing it. */
const kpiDefinitionFields = {
  name: LocalizedText,
  definition: LocalizedText,
  unit: KpiUnit,
  ratePer: z.number().int().positive().max(1_000_000).nullable(),
  direction: Direction,
  aggregation: Aggregation,
  frequency: Frequency,
  decimals: z.number().int().min(0).max(4),
  sourceType: SourceType,
  reportingLagMonths: z.number().int().min(0).max(24),
};

/** The fields a manager sets when adding an indicator to the catalogue. */
export const KpiDefinitionInput = z.strictObject({
  code: KpiDefinition.shape.code,
  ...kpiDefinitionFields,
  ratePer: kpiDefinitionFields.ratePer.default(null),
  /** The first period the definition applies to. */
  validFrom: Period,
});
export type KpiDefinitionInput = z.infer<typeof KpiDefinitionInput>;

/**
 * A catalogue edit. Changing what is measured (definition, unit, rate base, aggregation,
 * direction, frequency) needs `newVersion`: values stay attached to the version they were
 * entered under and charts mark the break. Names, decimals, source and lag are edited in place.
 */
export const KpiDefinitionPatch = z
  // No defaults here: a field left out of an edit keeps its value (a rate keeps its base).
  .strictObject(kpiDefinitionFields)
  .partial()
  .extend({
    newVersion: z
      .strictObject({ validFrom: Period, changeNote: text().trim().min(3).max(1000) })
      .optional(),
  })
  .refine((p) => Object.keys(p).some((k) => k !== 'newVersion'), 'at least one field is required');
export type KpiDefinitionPatch = z.infer<typeof KpiDefinitionPatch>;

/** Baseline, target trajectory and tolerance bands of one KPI for one consortium. */
export const ConsortiumKpiInput = z.strictObject({
  baseline: Baseline.nullable(),
  targets: z
    .array(TargetPoint)
    .max(60)
    .refine((t) => new Set(t.map((p) => p.period)).size === t.length, {
      message: 'one target per period',
    }),
  tolerance: Tolerance,
});
export type ConsortiumKpiInput = z.infer<typeof ConsortiumKpiInput>;

export const SeriesPoint = z.strictObject({
  period: Period,
  /** null when suppressed for the reader (small count). */
  value: z.number().finite().nullable(),
  numerator: z.number().finite().nullable(),
  denominator: z.number().finite().nullable(),
  suppressed: z.boolean(),
  provisional: z.boolean(),
  definitionVersion: z.number().int().min(1),
  /** Both null when the value is suppressed for the reader: together they would bound it. */
  target: z.number().nullable(),
  status: KpiStatus.nullable(),
});
export type SeriesPoint = z.infer<typeof SeriesPoint>;

export const KpiSeries = z.strictObject({
  consortium: z.strictObject({ id: Id, code: text(), name: text() }),
  settings: ConsortiumKpi.nullable(),
  points: z.array(SeriesPoint),
  /** Points before downsampling; `points.length` when the series was short enough. */
  totalPoints: z.number().int().min(0),
  downsampled: z.boolean(),
});
export type KpiSeries = z.infer<typeof KpiSeries>;

export const KpiSeriesResponse = z.strictObject({
  kpi: KpiDefinition,
  series: z.array(KpiSeries),
});
export type KpiSeriesResponse = z.infer<typeof KpiSeriesResponse>;

export const KpiSeriesQuery = z.strictObject({
  /** Comma-separated consortium ids; all the reader may see when absent. */
  consortia: text()
    .regex(/^[A-Za-z0-9_-]{1,64}(,[A-Za-z0-9_-]{1,64}){0,49}$/, 'expected id,id,…')
    .optional(),
  from: Period.optional(),
  to: Period.optional(),
  maxPoints: text()
    .regex(/^\d{1,5}$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(3).max(5000))
    .optional(),
});
export type KpiSeriesQuery = z.infer<typeof KpiSeriesQuery>;
