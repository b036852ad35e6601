import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsortiumKpi, Direction, KpiStatus, Tolerance } from '../contract/kpi';
import { deviation, kpiStatus, targetAt, trend } from './kpi-status';
import { addPeriods } from './periods';

type Trajectory = Pick<ConsortiumKpi, 'baseline' | 'targets'>;

const trajectory: Trajectory = {
  baseline: { value: 0, period: '2025-01', source: 'vendor log' },
  targets: [
    { period: '2025-12', value: 100 },
    { period: '2025-07', value: 60 },
  ],
};
const RANK: Record<KpiStatus, number> = { green: 0, amber: 1, red: 2, no_data: -1 };
const abs = (amber: number, red: number): Tolerance => ({ mode: 'absolute', amber, red });
const rel = (amber: number, red: number): Tolerance => ({ mode: 'relative', amber, red });

const toleranceArb = fc
  .record({
    mode: fc.constantFrom<Tolerance['mode']>('absolute', 'relative'),
    amber: fc.double({ min: 0, max: 50, noNaN: true }),
    extra: fc.double({ min: 0, max: 50, noNaN: true }),
  })
  .map(({ mode, amber, extra }): Tolerance => ({ mode, amber, red: amber + extra }));
const num = fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((v) => v + 0); // no -0
const RUNS = { numRuns: 1000 };

describe('targetAt', () => {
  it('is exact at the baseline and target points', () => {
    expect(targetAt(trajectory, '2025-01')).toBe(0);
    expect(targetAt(trajectory, '2025-07')).toBe(60);
    expect(targetAt(trajectory, '2025-12')).toBe(100);
  });

  it('returns an interim target exactly, without floating-point drift', () => {
    const t: Trajectory = {
      baseline: { value: 2.5, period: '2025-01', source: 'survey' },
      targets: [
        { period: '2025-06', value: 0.3 },
        { period: '2025-12', value: 0.1 },
      ],
    };
    expect(targetAt(t, '2025-06')).toBe(0.3);
  });

  it('interpolates linearly between points', () => {
    expect(targetAt(trajectory, '2025-04')).toBe(30);
    expect(targetAt(trajectory, '2025-02')).toBe(10);
    expect(targetAt(trajectory, '2025-09')).toBe(76);
  });

  it('stays flat after the last target and is undefined before the first point', () => {
    expect(targetAt(trajectory, '2026-06')).toBe(100);
    expect(targetAt(trajectory, '2030-01')).toBe(100);
    expect(targetAt(trajectory, '2024-12')).toBeNull();
  });

  it('is null without targets, even with a baseline', () => {
    expect(targetAt({ baseline: trajectory.baseline, targets: [] }, '2025-06')).toBeNull();
    expect(targetAt({ baseline: null, targets: [] }, '2025-06')).toBeNull();
  });

  it('starts at the first target when there is no baseline', () => {
    const t: Trajectory = { baseline: null, targets: [{ period: '2025-06', value: 40 }] };
    expect(targetAt(t, '2025-05')).toBeNull();
    expect(targetAt(t, '2025-06')).toBe(40);
    expect(targetAt(t, '2026-06')).toBe(40);
  });

  it('works across monthly, quarterly and yearly points (by end month)', () => {
    const t: Trajectory = {
      baseline: { value: 10, period: '2025-Q1', source: 'SNDS' },
      targets: [
        { period: '2025-Q3', value: 70 },
        { period: '2026', value: 160 },
      ],
    };
    expect(targetAt(t, '2025-03')).toBe(10);
    expect(targetAt(t, '2025-06')).toBe(40);
    expect(targetAt(t, '2025-Q2')).toBe(40);
    expect(targetAt(t, '2025-Q3')).toBe(70);
    expect(targetAt(t, '2025-12')).toBe(88);
    expect(targetAt(t, '2026-Q4')).toBe(160);
    expect(targetAt(t, '2025-02')).toBeNull();
  });

  it('property: exact at points, between neighbours, flat after the last', () => {
    const pointsArb = fc
      .uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 6 })
      .chain((offsets) =>
        fc.tuple(
          fc.constant(offsets),
          fc.array(num, { minLength: offsets.length, maxLength: offsets.length }),
        ),
      );
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: -5, max: 80 }), ([offsets, values], probe) => {
        const targets = offsets.map((o, i) => ({
          period: addPeriods('2025-01', o),
          value: values[i]!,
        }));
        const t: Trajectory = { baseline: null, targets };
        for (const p of targets) expect(targetAt(t, p.period)).toBe(p.value);
        const sorted = [...offsets.map((o, i) => ({ o, v: values[i]! }))].sort((a, b) => a.o - b.o);
        const got = targetAt(t, addPeriods('2025-01', probe));
        const first = sorted[0]!;
        const last = sorted[sorted.length - 1]!;
        if (probe < first.o) {
          expect(got).toBeNull();
          return;
        }
        if (probe >= last.o) {
          expect(got).toBe(last.v);
          return;
        }
        const hi = sorted.findIndex((s) => s.o >= probe);
        const a = sorted[hi - 1] ?? sorted[hi]!;
        const b = sorted[hi]!;
        const expected = b.o === a.o ? b.v : a.v + ((b.v - a.v) * (probe - a.o)) / (b.o - a.o);
        expect(got).toBeCloseTo(expected, 6);
        expect(got!).toBeGreaterThanOrEqual(Math.min(a.v, b.v) - 1e-9);
        expect(got!).toBeLessThanOrEqual(Math.max(a.v, b.v) + 1e-9);
      }),
      RUNS,
    );
  });
});

describe('kpiStatus', () => {
  it('higher is better, absolute tolerance; boundaries are inclusive', () => {
    const t = abs(5, 10);
    expect(kpiStatus(150, 100, 'higher', t)).toBe('green');
    expect(kpiStatus(100, 100, 'higher', t)).toBe('green');
    expect(kpiStatus(95, 100, 'higher', t)).toBe('green');
    expect(kpiStatus(94.9, 100, 'higher', t)).toBe('amber');
    expect(kpiStatus(90, 100, 'higher', t)).toBe('amber');
    expect(kpiStatus(89.99, 100, 'higher', t)).toBe('red');
  });

  it('lower is better, absolute tolerance', () => {
    const t = abs(5, 10);
    expect(kpiStatus(0, 100, 'lower', t)).toBe('green');
    expect(kpiStatus(105, 100, 'lower', t)).toBe('green');
    expect(kpiStatus(105.01, 100, 'lower', t)).toBe('amber');
    expect(kpiStatus(110, 100, 'lower', t)).toBe('amber');
    expect(kpiStatus(110.5, 100, 'lower', t)).toBe('red');
  });

  it('band: both sides count', () => {
    const t = abs(5, 10);
    expect(kpiStatus(95, 100, 'band', t)).toBe('green');
    expect(kpiStatus(105, 100, 'band', t)).toBe('green');
    expect(kpiStatus(92, 100, 'band', t)).toBe('amber');
    expect(kpiStatus(108, 100, 'band', t)).toBe('amber');
    expect(kpiStatus(89, 100, 'band', t)).toBe('red');
    expect(kpiStatus(111, 100, 'band', t)).toBe('red');
  });

  it('relative tolerance is a fraction of the target', () => {
    const t = rel(0.1, 0.2);
    expect(kpiStatus(45, 50, 'higher', t)).toBe('green');
    expect(kpiStatus(44, 50, 'higher', t)).toBe('amber');
    expect(kpiStatus(40, 50, 'higher', t)).toBe('amber');
    expect(kpiStatus(39.9, 50, 'higher', t)).toBe('red');
    expect(kpiStatus(16.5, 15, 'lower', t)).toBe('green');
    expect(kpiStatus(18, 15, 'lower', t)).toBe('amber');
    expect(kpiStatus(18.1, 15, 'lower', t)).toBe('red');
    // BUDGET: 90–110 % of plan.
    expect(kpiStatus(110, 100, 'band', rel(0.1, 0.2))).toBe('green');
    expect(kpiStatus(79, 100, 'band', rel(0.1, 0.2))).toBe('red');
  });

  it('relative tolerance against a zero target falls back to absolute', () => {
    expect(deviation(3, 0, 'lower', 'relative')).toBe(3);
    expect(kpiStatus(0.05, 0, 'lower', rel(0.1, 0.2))).toBe('green');
    expect(kpiStatus(0.5, 0, 'lower', rel(0.1, 0.2))).toBe('red');
  });

  it('does not tip over at exact boundaries because of floating-point noise', () => {
    expect(kpiStatus(0.1 + 0.2, 0.3, 'band', abs(0, 1))).toBe('green');
    expect(kpiStatus(0.7, 0.8, 'higher', abs(0.1, 0.2))).toBe('green');
    expect(kpiStatus(1.1, 1, 'lower', rel(0.1, 0.3))).toBe('green');
  });

  it('returns no_data without a value or a target', () => {
    expect(kpiStatus(null, 10, 'higher', abs(1, 2))).toBe('no_data');
    expect(kpiStatus(undefined, 10, 'higher', abs(1, 2))).toBe('no_data');
    expect(kpiStatus(10, null, 'higher', abs(1, 2))).toBe('no_data');
    expect(kpiStatus(0, 0, 'higher', abs(1, 2))).toBe('green');
  });

  it('treats a red threshold below amber as red straight after amber', () => {
    expect(kpiStatus(95, 100, 'higher', abs(10, 2))).toBe('green');
    expect(kpiStatus(89, 100, 'higher', abs(10, 2))).toBe('red');
  });

  it('property: for higher, a larger value never worsens the status', () => {
    fc.assert(
      fc.property(num, num, num, toleranceArb, (a, b, target, tol) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(RANK[kpiStatus(hi, target, 'higher', tol)]).toBeLessThanOrEqual(
          RANK[kpiStatus(lo, target, 'higher', tol)],
        );
      }),
      RUNS,
    );
  });

  it('property: for lower, a smaller value never worsens the status', () => {
    fc.assert(
      fc.property(num, num, num, toleranceArb, (a, b, target, tol) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(RANK[kpiStatus(lo, target, 'lower', tol)]).toBeLessThanOrEqual(
          RANK[kpiStatus(hi, target, 'lower', tol)],
        );
      }),
      RUNS,
    );
  });

  it('property: for band, status depends only on |value − target| and grows with it', () => {
    const small = fc.integer({ min: -1000, max: 1000 });
    const dist = fc.integer({ min: 0, max: 500 });
    fc.assert(
      fc.property(small, dist, dist, toleranceArb, (target, d1, d2, tol) => {
        const above = kpiStatus(target + d1, target, 'band', tol);
        expect(kpiStatus(target - d1, target, 'band', tol)).toBe(above);
        const [near, far] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(RANK[kpiStatus(target + near, target, 'band', tol)]).toBeLessThanOrEqual(
          RANK[kpiStatus(target - far, target, 'band', tol)],
        );
      }),
      RUNS,
    );
  });

  it('property: on target is always green, and deviation is never negative', () => {
    const dir = fc.constantFrom<Direction>('higher', 'lower', 'band');
    fc.assert(
      fc.property(num, num, dir, toleranceArb, (v, target, d, tol) => {
        expect(kpiStatus(target, target, d, tol)).toBe('green');
        expect(deviation(v, target, d, tol.mode)).toBeGreaterThanOrEqual(0);
        expect(kpiStatus(v, target, d, tol)).not.toBe('no_data');
      }),
      RUNS,
    );
  });
});

describe('trend', () => {
  it('needs two known values', () => {
    expect(trend([], 'higher', null)).toBe('unknown');
    expect(trend([5], 'higher', null)).toBe('unknown');
    expect(trend([null, 5, null], 'higher', null)).toBe('unknown');
  });

  it('judges the last two known values by direction', () => {
    expect(trend([10, 20], 'higher', null)).toBe('improving');
    expect(trend([10, 20], 'lower', null)).toBe('worsening');
    expect(trend([20, 10], 'lower', null)).toBe('improving');
    expect(trend([50, 10, null, 20], 'higher', null)).toBe('improving');
    expect(trend([10, 30, 20], 'higher', null)).toBe('worsening');
  });

  it('calls changes under 0.5 % stable', () => {
    expect(trend([100, 100.4], 'higher', null)).toBe('stable');
    expect(trend([100, 101], 'higher', null)).toBe('improving');
    expect(trend([0, 0.004], 'higher', null)).toBe('stable');
    expect(trend([0, 0.006], 'higher', null)).toBe('improving');
  });

  it('band: closer to the target is improving', () => {
    expect(trend([40, 45], 'band', 50)).toBe('improving');
    expect(trend([45, 60], 'band', 50)).toBe('worsening');
    expect(trend([60, 52], 'band', 50)).toBe('improving');
    expect(trend([40, 45], 'band', null)).toBe('unknown');
  });
});
