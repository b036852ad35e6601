import type { AuditEntry, HiddenCount } from '../contract/reporting';
import type { ConsortiumKpi, KpiDefinition, KpiValue, SeriesPoint } from '../contract/kpi';
import type { Programme } from '../contract/programme';
import { kpiStatus, targetAt } from './kpi-status';
import { seesSmallCounts, type Principal, type Scope } from './permissions';
import {
  countsPeople,
  forReader,
  isSmallCount,
  mustSuppress,
  smallCountThresholdOf,
  type ReaderOptions,
} from './small-counts';

/*
 * What a reader may see of a cell and of everything around it. A suppressed cell reveals nothing
 * that bounds it more tightly than "< threshold": not its numbers, not a target or a status
 * against that target, not a small baseline, not the before and after of its audit entries.
 */

/** How this principal reads one consortium's numbers. */
export function readerOf(
  principal: Principal | null,
  scope: Scope,
  programme: Pick<Programme, 'smallCountThreshold'>,
): ReaderOptions {
  return {
    suppressSmallCounts: !seesSmallCounts(principal, scope),
    smallCountThreshold: smallCountThresholdOf(programme),
  };
}

/**
 * An export as the programme's setting says: small counts masked, whoever downloads it. Numbers
 * leave the dashboard in a file nobody controls any more.
 */
export const exportReader = (
  programme: Pick<Programme, 'smallCountThreshold'> | null | undefined,
): ReaderOptions => ({
  suppressSmallCounts: true,
  smallCountThreshold: smallCountThresholdOf(programme),
});

type KpiKind = Pick<KpiDefinition, 'unit' | 'aggregation'>;

const isSmallBaseline = (kpi: KpiKind, value: unknown, reader: ReaderOptions) =>
  reader.suppressSmallCounts &&
  countsPeople(kpi) &&
  typeof value === 'number' &&
  isSmallCount(value, reader.smallCountThreshold);

/**
 * A consortium's settings as this reader may see them: a count KPI's baseline is a measured count
 * like any other, so a small one loses its value (the target trajectory then starts at the first
 * target, since targets interpolated from the baseline would give it back).
 */
export function settingsForReader(
  kpi: KpiKind,
  settings: ConsortiumKpi,
  reader: ReaderOptions,
): ConsortiumKpi {
  const { baseline } = settings;
  if (!baseline || !isSmallBaseline(kpi, baseline.value, reader)) return settings;
  return { ...settings, baseline: { ...baseline, value: null } };
}

/**
 * A chart point as this reader may see it, against the settings as this reader sees them: a
 * suppressed point carries neither a target nor a status (with the target, the status bounds
 * the value); a visible one keeps the status of what the reader can check.
 */
export function pointForReader(
  kpi: KpiDefinition,
  seenSettings: ConsortiumKpi | null,
  point: SeriesPoint,
  reader: ReaderOptions,
): SeriesPoint {
  if (!reader.suppressSmallCounts) return point;
  const seen = forReader(kpi, point, reader);
  if (seen.suppressed) return { ...seen, target: null, status: null };
  if (!seenSettings) return seen;
  const target = targetAt(seenSettings, point.period);
  if (target === point.target) return seen;
  return {
    ...seen,
    target,
    status: kpiStatus(seen.value, target, kpi.direction, seenSettings.tolerance),
  };
}

/** A chart's line, read by someone who may see less than whoever it was built for (an export). */
export function seriesForReader<
  S extends { settings: ConsortiumKpi | null; points: readonly SeriesPoint[] },
>(kpi: KpiDefinition, series: S, reader: ReaderOptions): S {
  if (!reader.suppressSmallCounts) return series;
  const settings = series.settings && settingsForReader(kpi, series.settings, reader);
  return {
    ...series,
    settings,
    points: series.points.map((p) => pointForReader(kpi, settings, p, reader)),
  };
}

/** What an audit entry is about, when it holds numbers that may be small counts. */
export type AuditSubject =
  | {
      entityType: 'kpiValue';
      kpi: KpiKind;
      /** The revision the entry is filed under: it completes the fields a diff left out. */
      stored: Pick<KpiValue, 'value' | 'numerator' | 'denominator'>;
    }
  | { entityType: 'consortiumKpi'; kpi: KpiKind };

const COUNT_FIELDS = ['value', 'numerator', 'denominator'] as const;
type Side = Record<string, unknown> | null;

const hiddenCount = (reader: ReaderOptions): HiddenCount => ({
  hidden: 'belowThreshold',
  threshold: reader.smallCountThreshold,
});

const numberOr = (side: Side, field: string, fallback: number | null): number | null => {
  if (!side || !(field in side)) return fallback;
  const v = side[field];
  return typeof v === 'number' ? v : null;
};

function valueEntryForReader<E extends Pick<AuditEntry, 'before' | 'after'>>(
  entry: E,
  kpi: KpiKind,
  stored: Pick<KpiValue, 'value' | 'numerator' | 'denominator'>,
  reader: ReaderOptions,
): E {
  // Either side being small blanks both: the other side and the change would give it back.
  const small = [entry.before, entry.after].some((side) =>
    mustSuppress(
      kpi,
      {
        value: numberOr(side, 'value', stored.value),
        numerator: numberOr(side, 'numerator', stored.numerator),
        denominator: numberOr(side, 'denominator', stored.denominator),
      },
      reader.smallCountThreshold,
    ),
  );
  if (!small) return entry;
  // Only the fields the entry holds: a field it lacks did not change, and says nothing.
  const blank = (side: Side) =>
    side && {
      ...side,
      ...Object.fromEntries(
        COUNT_FIELDS.filter((f) => f in side).map((f) => [f, hiddenCount(reader)]),
      ),
    };
  return { ...entry, before: blank(entry.before), after: blank(entry.after) };
}

function settingsEntryForReader<E extends Pick<AuditEntry, 'before' | 'after'>>(
  entry: E,
  kpi: KpiKind,
  reader: ReaderOptions,
): E {
  const baselineOf = (side: Side) => {
    const b = side?.baseline;
    return typeof b === 'object' && b !== null ? (b as Record<string, unknown>) : null;
  };
  const small = [entry.before, entry.after].some((side) =>
    isSmallBaseline(kpi, baselineOf(side)?.value, reader),
  );
  if (!small) return entry;
  const blank = (side: Side) => {
    const b = baselineOf(side);
    return side && b ? { ...side, baseline: { ...b, value: hiddenCount(reader) } } : side;
  };
  return { ...entry, before: blank(entry.before), after: blank(entry.after) };
}

/**
 * An audit entry as this reader reads it. The trail itself keeps the real numbers; this is a
 * property of the reading, like `suppressed` on a value.
 */
export function auditEntryForReader<E extends Pick<AuditEntry, 'before' | 'after'>>(
  entry: E,
  subject: AuditSubject | null,
  reader: ReaderOptions,
): E {
  if (!reader.suppressSmallCounts || !subject) return entry;
  return subject.entityType === 'kpiValue'
    ? valueEntryForReader(entry, subject.kpi, subject.stored, reader)
    : settingsEntryForReader(entry, subject.kpi, reader);
}
