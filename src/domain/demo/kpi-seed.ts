import type { Aggregation, Direction, Frequency, KpiUnit, SourceType } from '../contract/kpi';

/** One catalogue entry as written in the seed tables: [fr, en] pairs become LocalizedText. */
export interface KpiSeed {
  code: string;
  name: [fr: string, en: string];
  definition: [fr: string, en: string];
  unit: KpiUnit;
  ratePer?: number;
  direction: Direction;
  aggregation: Aggregation;
  frequency: Frequency;
  decimals: number;
  sourceType: SourceType;
  reportingLagMonths: number;
}

// Shared shapes: usage logs arrive the same month; SNDS outcomes come months later.
export const usage = {
  sourceType: 'vendor_log',
  reportingLagMonths: 0,
  frequency: 'monthly',
} as const;
export const snds = { sourceType: 'national_data', reportingLagMonths: 6 } as const;
export const pct = { unit: 'percent', aggregation: 'rate', decimals: 1 } as const;
