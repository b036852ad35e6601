import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lttb } from './lttb';

interface P {
  i: number;
  y: number | null;
}
const opts = { x: (p: P) => p.i, y: (p: P) => p.y };
const series = (ys: readonly (number | null)[]): P[] => ys.map((y, i) => ({ i, y }));
const RUNS = { numRuns: 500 };

/** Steinarsson's reference LTTB (2013, listing 4.2), written independently as an oracle. */
function reference(ys: readonly number[], threshold: number): number[] {
  const n = ys.length;
  if (threshold >= n) return ys.map((_, i) => i);
  const every = (n - 2) / (threshold - 2);
  const out = [0];
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const avgStart = Math.floor((i + 1) * every) + 1;
    const avgEnd = Math.min(Math.floor((i + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = avgStart; j < avgEnd; j++) {
      avgX += j;
      avgY += ys[j]!;
    }
    avgX /= avgEnd - avgStart;
    avgY /= avgEnd - avgStart;
    let best = -1;
    let max = -1;
    for (let j = Math.floor(i * every) + 1; j < Math.floor((i + 1) * every) + 1; j++) {
      const area = Math.abs((a - avgX) * (ys[j]! - ys[a]!) - (a - j) * (avgY - ys[a]!));
      if (area > max) {
        max = area;
        best = j;
      }
    }
    out.push(best);
    a = best;
  }
  out.push(n - 1);
  return out;
}

const ysArb = fc.array(fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { freq: 8 }), {
  maxLength: 400,
});

describe('lttb', () => {
  it('returns a short series whole (a copy)', () => {
    const s = series([1, 2, 3]);
    const out = lttb(s, 3, opts);
    expect(out).toEqual(s);
    expect(out).not.toBe(s);
    expect(lttb([], 3, opts)).toEqual([]);
    expect(lttb(series([5]), 3, opts)).toEqual(series([5]));
  });

  it('keeps the peak of a spike and the ends of the line', () => {
    const ys = Array.from({ length: 100 }, (_, i) => (i === 40 ? 1000 : i % 2));
    const out = lttb(series(ys), 10, opts);
    expect(out).toHaveLength(10);
    expect(out[0]!.i).toBe(0);
    expect(out.at(-1)!.i).toBe(99);
    expect(out.map((p) => p.i)).toContain(40);
  });

  it('matches the reference algorithm on a known series', () => {
    // Reference: Steinarsson's LTTB, threshold 5, on this ten-point series.
    const ys = [0, 10, 2, 8, 3, 12, 1, 6, 4, 5];
    expect(lttb(series(ys), 5, opts).map((p) => p.i)).toEqual([0, 1, 5, 6, 9]);
  });

  it('property: without kept indices, it is the reference algorithm', () => {
    const ys = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 300 });
    fc.assert(
      fc.property(ys, fc.integer({ min: 3, max: 80 }), (values, maxPoints) => {
        const got = lttb(series(values), maxPoints, opts).map((p) => p.i);
        expect(got).toEqual(reference(values, maxPoints));
      }),
      RUNS,
    );
  });

  it('keeps the requested indices (version breaks) while they fit', () => {
    const s = series(Array.from({ length: 50 }, (_, i) => i));
    const out = lttb(s, 4, { ...opts, keep: [17, 30] });
    expect(out.map((p) => p.i)).toEqual([0, 17, 30, 49]);
    expect(lttb(s, 3, { ...opts, keep: [17, 30] }).map((p) => p.i)).toEqual([0, 17, 49]);
    // Out-of-range and repeated indices are ignored.
    expect(lttb(s, 3, { ...opts, keep: [0, 49, 99, -1, 2.5] }).map((p) => p.i)).toHaveLength(3);
  });

  it('places points without a number at the last known height', () => {
    const ys = [0, null, null, 50, null, 0, 0, null, 0, 0];
    const out = lttb(series(ys), 4, opts);
    expect(out.map((p) => p.i)).toContain(3);
  });

  it('property: never longer than maxPoints, first and last kept, an ordered subsequence', () => {
    fc.assert(
      fc.property(ysArb, fc.integer({ min: 3, max: 60 }), (ys, maxPoints) => {
        const s = series(ys);
        const out = lttb(s, maxPoints, opts);
        expect(out.length).toBeLessThanOrEqual(Math.max(maxPoints, 0));
        if (s.length === 0) {
          expect(out).toEqual([]);
          return;
        }
        expect(out[0]).toBe(s[0]);
        expect(out.at(-1)).toBe(s.at(-1));
        const idx = out.map((p) => p.i);
        for (let k = 1; k < idx.length; k++) expect(idx[k]!).toBeGreaterThan(idx[k - 1]!);
        for (const p of out) expect(s[p.i]).toBe(p);
        if (s.length > maxPoints) expect(out).toHaveLength(maxPoints);
      }),
      RUNS,
    );
  });

  it('property: exact (identity) when the series is short enough', () => {
    fc.assert(
      fc.property(ysArb, fc.integer({ min: 0, max: 100 }), (ys, extra) => {
        const s = series(ys);
        expect(lttb(s, s.length + extra, opts)).toEqual(s);
      }),
      RUNS,
    );
  });

  it('property: kept indices survive whenever first, last and they fit', () => {
    const arb = fc
      .integer({ min: 3, max: 300 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.uniqueArray(fc.integer({ min: 1, max: n - 2 }), { maxLength: 5 }),
          fc.integer({ min: 3, max: 40 }),
        ),
      );
    fc.assert(
      fc.property(arb, ([n, keep, maxPoints]) => {
        const s = series(Array.from({ length: n }, (_, i) => Math.sin(i / 7) * 100));
        const out = lttb(s, maxPoints, { ...opts, keep }).map((p) => p.i);
        expect(out.length).toBeLessThanOrEqual(Math.max(maxPoints, n <= maxPoints ? n : 0));
        if (keep.length + 2 <= maxPoints || n <= maxPoints)
          for (const k of keep) expect(out).toContain(k);
      }),
      RUNS,
    );
  });
});
