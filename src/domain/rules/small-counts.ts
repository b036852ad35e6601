import type { KpiDefinition, KpiValue } from '../contract/kpi';
import type { Programme } from '../contract/programme';

/** The threshold a screen uses before the programme has loaded: the demo programmes' own. */
export const DEFAULT_SMALL_COUNT_THRESHOLD = 10;

/** The one place the threshold is read from a programme (server, mocks and screens alike). */
export function smallCountThresholdOf(
  programme: Pick<Programme, 'smallCountThreshold'> | null | undefined,
): number {
  return programme?.smallCountThreshold ?? DEFAULT_SMALL_COUNT_THRESHOLD;
}

/** How one reader reads a consortium's numbers. */
export interface ReaderOptions {
  /** Observers and every export see small counts suppressed. */
  suppressSmallCounts: boolean;
  smallCountThreshold: number;
}

/** Positive counts below the threshold could identify patients; zero reveals no one. */
export function isSmallCount(n: number | null, threshold: number): boolean {
  return n !== null && n > 0 && n < threshold;
}

type CountKind = Pick<KpiDefinition, 'unit' | 'aggregation'>;

/** A KPI whose value itself counts people (a rate's people are its numerator and denominator). */
export const countsPeople = (kpi: CountKind): boolean =>
  kpi.aggregation !== 'rate' && kpi.unit === 'count';

/**
 * The counts that must be protected: the value of a count KPI; the numerator and the denominator
 * of a rate, since a denominator of 4 bounds its numerator by 4 whatever the numerator says.
 */
export function protectedCounts(
  kpi: CountKind,
  v: Pick<KpiValue, 'value' | 'numerator' | 'denominator'>,
): (number | null)[] {
  if (kpi.aggregation === 'rate') return [v.numerator, v.denominator];
  return countsPeople(kpi) ? [v.value] : [];
}

export function mustSuppress(
  kpi: CountKind,
  v: Pick<KpiValue, 'value' | 'numerator' | 'denominator'>,
  threshold: number,
): boolean {
  return protectedCounts(kpi, v).some((n) => isSmallCount(n, threshold));
}

/**
 * What an observer or an export may see of a value: nothing of its numbers. The denominator goes
 * too, so that every suppressed cell reads the same "< 10" whatever its kind.
 */
export function suppressForReader<
  V extends Pick<KpiValue, 'value' | 'numerator' | 'denominator' | 'suppressed'>,
>(kpi: CountKind, v: V, threshold: number): V {
  if (!mustSuppress(kpi, v, threshold)) return v;
  return { ...v, value: null, numerator: null, denominator: null, suppressed: true };
}

/** A value as this reader may see it: observers get small counts blanked and flagged. */
export function forReader<
  V extends Pick<KpiValue, 'value' | 'numerator' | 'denominator' | 'suppressed'>,
>(kpi: CountKind, v: V, reader: ReaderOptions): V {
  return reader.suppressSmallCounts ? suppressForReader(kpi, v, reader.smallCountThreshold) : v;
}

export function smallCountLabel(threshold: number): string {
  return `< ${threshold}`;
}
