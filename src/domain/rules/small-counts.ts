import type { KpiDefinition, KpiValue } from '../contract/kpi';
import type { AuditEntry } from '../contract/reporting';

/** Positive counts below the threshold could identify patients; zero reveals no one. */
export function isSmallCount(n: number | null, threshold: number): boolean {
  return n !== null && n > 0 && n < threshold;
}

/** The count that must be protected: the value of a count KPI, or the numerator of a rate. */
export function protectedCount(
  kpi: Pick<KpiDefinition, 'unit' | 'aggregation'>,
  v: Pick<KpiValue, 'value' | 'numerator'>,
): number | null {
  if (kpi.aggregation === 'rate') return v.numerator;
  return kpi.unit === 'count' ? v.value : null;
}

export function mustSuppress(
  kpi: Pick<KpiDefinition, 'unit' | 'aggregation'>,
  v: Pick<KpiValue, 'value' | 'numerator'>,
  threshold: number,
): boolean {
  return isSmallCount(protectedCount(kpi, v), threshold);
}

/** What an observer or an export may see of a value. */
export function suppressForReader<
  V extends Pick<KpiValue, 'value' | 'numerator' | 'denominator' | 'suppressed'>,
>(kpi: Pick<KpiDefinition, 'unit' | 'aggregation'>, v: V, threshold: number): V {
  if (!mustSuppress(kpi, v, threshold)) return v;
  return { ...v, value: null, numerator: null, denominator: null, suppressed: true };
}

export function smallCountLabel(threshold: number): string {
  return `< ${threshold}`;
}

const COUNT_FIELDS = ['value', 'numerator', 'denominator'] as const;
const numberOrNull = (v: unknown) => (typeof v === 'number' ? v : null);

/**
 * A KPI-value audit entry as a reader who must not see small counts gets it: the counts are
 * blanked whenever either side of the change, completed by the stored revision, is a small count.
 * The trail itself keeps the real numbers; this is a property of the reading, like `suppressed`.
 */
export function suppressAuditCounts<E extends Pick<AuditEntry, 'before' | 'after'>>(
  entry: E,
  kpi: Pick<KpiDefinition, 'unit' | 'aggregation'>,
  stored: Pick<KpiValue, 'value' | 'numerator'>,
  threshold: number,
): E {
  const small = [entry.before, entry.after].some((side) =>
    mustSuppress(
      kpi,
      {
        value: side && 'value' in side ? numberOrNull(side.value) : stored.value,
        numerator: side && 'numerator' in side ? numberOrNull(side.numerator) : stored.numerator,
      },
      threshold,
    ),
  );
  if (!small) return entry;
  const blank = (side: Record<string, unknown> | null) =>
    side && { ...side, ...Object.fromEntries(COUNT_FIELDS.map((f) => [f, null])) };
  return { ...entry, before: blank(entry.before), after: blank(entry.after) };
}
