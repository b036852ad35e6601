import type { Period } from '../contract/common';
import type { ConsortiumKpi, Direction, KpiStatus, Tolerance, Trend } from '../contract/kpi';
import { endMonthOrdinal } from './periods';

type TrajectorySource = Pick<ConsortiumKpi, 'baseline' | 'targets'>;

/**
 * The target at a period, linearly interpolated along the trajectory baseline → interim targets.
 * Before the first point the trajectory is undefined (null); after the last target it stays flat.
 */
export function targetAt(settings: TrajectorySource, period: Period): number | null {
  if (settings.targets.length === 0) return null;
  const points = [
    // A baseline the reader may not see (a small count) is no point of their trajectory.
    ...(settings.baseline && settings.baseline.value !== null
      ? [{ period: settings.baseline.period, value: settings.baseline.value }]
      : []),
    ...settings.targets,
  ]
    .map((p) => ({ x: endMonthOrdinal(p.period), y: p.value }))
    .sort((a, b) => a.x - b.x);
  const x = endMonthOrdinal(period);
  const first = points[0]!;
  const last = points[points.length - 1]!;
  if (x < first.x) return null;
  if (x >= last.x) return last.y;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (x <= b.x) {
      if (x === b.x) return b.y;
      return a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
    }
  }
  return last.y;
}

/** How far a value is on the wrong side of its target, in the tolerance's terms. */
export function deviation(
  value: number,
  target: number,
  direction: Direction,
  mode: Tolerance['mode'],
): number {
  const raw =
    direction === 'higher'
      ? Math.max(0, target - value)
      : direction === 'lower'
        ? Math.max(0, value - target)
        : Math.abs(value - target);
  if (mode === 'absolute' || target === 0) return raw;
  return raw / Math.abs(target);
}

// Guards against binary floating-point noise at exact thresholds (e.g. 0.1 + 0.2).
const EPSILON = 1e-9;

export function kpiStatus(
  value: number | null | undefined,
  target: number | null,
  direction: Direction,
  tolerance: Tolerance,
): KpiStatus {
  if (value === null || value === undefined || target === null) return 'no_data';
  const d = deviation(value, target, direction, tolerance.mode);
  if (d <= tolerance.amber + EPSILON) return 'green';
  if (d <= Math.max(tolerance.amber, tolerance.red) + EPSILON) return 'amber';
  return 'red';
}

/** Direction of travel between the last two known values, judged against what "better" means. */
export function trend(
  values: readonly (number | null)[],
  direction: Direction,
  target: number | null,
): Trend {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return 'unknown';
  const prev = known[known.length - 2]!;
  const last = known[known.length - 1]!;
  const scale = Math.max(Math.abs(prev), Math.abs(last), 1);
  if (Math.abs(last - prev) / scale < 0.005) return 'stable';
  if (direction === 'band') {
    if (target === null) return 'unknown';
    return Math.abs(last - target) < Math.abs(prev - target) ? 'improving' : 'worsening';
  }
  const up = last > prev;
  return up === (direction === 'higher') ? 'improving' : 'worsening';
}
