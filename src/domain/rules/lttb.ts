/**
 * Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps at most `maxPoints` points of a
 * series chosen so that the line still looks the same, always with its first and last points.
 * A series short enough comes back whole.
 */
export interface LttbOptions<T> {
  /** Position along the x axis (for KPI series: the month ordinal of the period). */
  x: (point: T) => number;
  /** Height, or null where the reader sees no number (a gap or a suppressed small count). */
  y: (point: T) => number | null;
  /**
   * Indices that must survive, e.g. the first point of each definition version so that a chart
   * can still mark the break. Kept in order of index while they fit within `maxPoints`.
   */
  keep?: readonly number[];
}

/** The result is a subsequence of `points`, in order, of length ≤ max(maxPoints, 2). */
export function lttb<T>(points: readonly T[], maxPoints: number, options: LttbOptions<T>): T[] {
  const n = points.length;
  if (n <= maxPoints || n <= 2) return [...points];
  const limit = Math.max(2, Math.floor(maxPoints));
  const xs = points.map(options.x);
  const ys = heights(points.map(options.y));
  const forced = forcedIndices(n, limit, options.keep ?? []);
  const budgets = shareBudget(forced, limit - forced.length);
  const chosen: number[] = [forced[0]!];
  for (let s = 0; s < forced.length - 1; s++) {
    const from = forced[s]!;
    const to = forced[s + 1]!;
    chosen.push(...bucketPicks(xs, ys, from, to, budgets[s]!), to);
  }
  return chosen.map((i) => points[i]!);
}

/**
 * A point without a number still has to be placed: it takes the last known height before it
 * (or the first one after it), so it neither draws a spike nor hides one that is really there.
 */
function heights(raw: readonly (number | null)[]): number[] {
  const firstKnown = raw.find((v): v is number => v !== null) ?? 0;
  let last = firstKnown;
  return raw.map((v) => (v === null ? last : (last = v)));
}

/** First, last, then the requested indices in order while there is room. */
function forcedIndices(n: number, limit: number, keep: readonly number[]): number[] {
  const inner = [...new Set(keep)]
    .filter((i) => Number.isInteger(i) && i > 0 && i < n - 1)
    .sort((a, b) => a - b)
    .slice(0, limit - 2);
  return [0, ...inner, n - 1];
}

/** Splits the free points between the stretches between forced points, by their length. */
function shareBudget(forced: readonly number[], free: number): number[] {
  const inner = forced.slice(1).map((to, s) => to - forced[s]! - 1);
  const total = inner.reduce((a, b) => a + b, 0);
  if (total === 0) return inner.map(() => 0);
  const exact = inner.map((len) => (free * len) / total);
  const budgets = exact.map((e, s) => Math.min(inner[s]!, Math.floor(e)));
  let left = free - budgets.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, s) => ({ s, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.s - b.s);
  for (const { s } of byRemainder) {
    if (left === 0) break;
    if (budgets[s]! < inner[s]!) {
      budgets[s] = budgets[s]! + 1;
      left -= 1;
    }
  }
  return budgets;
}

/**
 * Classic LTTB strictly between two kept points: `count` buckets, one point each, the one
 * forming the largest triangle with the point kept before it and the average of the next bucket.
 */
function bucketPicks(
  xs: readonly number[],
  ys: readonly number[],
  from: number,
  to: number,
  count: number,
): number[] {
  const inner = to - from - 1;
  if (count <= 0) return [];
  if (count >= inner) return Array.from({ length: inner }, (_, k) => from + 1 + k);
  const size = inner / count;
  const start = (b: number) => from + 1 + Math.floor(b * size);
  const picks: number[] = [];
  let a = from;
  for (let b = 0; b < count; b++) {
    const lo = start(b);
    const hi = start(b + 1);
    // The next bucket's centre of mass; after the last bucket, the kept point that closes the stretch.
    const nextLo = hi;
    const nextHi = b + 1 < count ? start(b + 2) : to + 1;
    let avgX = 0;
    let avgY = 0;
    for (let j = nextLo; j < nextHi; j++) {
      avgX += xs[j]!;
      avgY += ys[j]!;
    }
    avgX /= nextHi - nextLo;
    avgY /= nextHi - nextLo;
    let best = lo;
    let bestArea = -1;
    for (let j = lo; j < hi; j++) {
      const area = Math.abs(
        (xs[a]! - avgX) * (ys[j]! - ys[a]!) - (xs[a]! - xs[j]!) * (avgY - ys[a]!),
      );
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    picks.push(best);
    a = best;
  }
  return picks;
}
