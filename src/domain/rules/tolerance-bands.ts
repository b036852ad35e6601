import type { Direction, Tolerance } from '../contract/kpi';

export type Range = [low: number, high: number];

export interface ToleranceBands {
  /** Within the amber threshold of the target: still green. */
  green: Range;
  /** Between the amber and red thresholds, below the target (higher-is-better and band KPIs). */
  amberBelow: Range | null;
  /** Between the amber and red thresholds, above the target (lower-is-better and band KPIs). */
  amberAbove: Range | null;
}

/**
 * Where the status changes around a target, drawn as shaded bands. This is the geometric inverse
 * of `deviation` in the rulebook (same absolute/relative reading of the thresholds); the test
 * next to it checks every edge against `kpiStatus`, so the picture cannot drift from the rule.
 */
export function toleranceBands(
  target: number,
  direction: Direction,
  tolerance: Tolerance,
): ToleranceBands {
  const scale = tolerance.mode === 'relative' && target !== 0 ? Math.abs(target) : 1;
  const amber = tolerance.amber * scale;
  const red = Math.max(tolerance.amber, tolerance.red) * scale;
  switch (direction) {
    case 'higher':
      return {
        green: [target - amber, target],
        amberBelow: [target - red, target - amber],
        amberAbove: null,
      };
    case 'lower':
      return {
        green: [target, target + amber],
        amberBelow: null,
        amberAbove: [target + amber, target + red],
      };
    case 'band':
      return {
        green: [target - amber, target + amber],
        amberBelow: [target - red, target - amber],
        amberAbove: [target + amber, target + red],
      };
  }
}
