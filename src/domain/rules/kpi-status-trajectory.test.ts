import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConsortiumKpi, Direction, Tolerance } from '../contract/kpi';
import { deviation, kpiStatus, targetAt } from './kpi-status';
import { addPeriods } from './periods';

/** The status function of issue 6 along a trajectory: direction × band × interpolation × missing data. */
type Trajectory = Pick<ConsortiumKpi, 'baseline' | 'targets'>;

const abs = (amber: number, red: number): Tolerance => ({ mode: 'absolute', amber, red });
const toleranceArb = fc
  .record({
    mode: fc.constantFrom<Tolerance['mode']>('absolute', 'relative'),
    amber: fc.double({ min: 0, max: 50, noNaN: true }),
    extra: fc.double({ min: 0, max: 50, noNaN: true }),
  })
  .map(({ mode, amber, extra }): Tolerance => ({ mode, amber, red: amber + extra }));
const num = fc.double({ min: -1e4, max: 1e4, noNaN: true }).map((v) => v + 0); // no -0
const RUNS = { numRuns: 1000 };

describe('status along a trajectory (targetAt × kpiStatus)', () => {
  const dir = fc.constantFrom<Direction>('higher', 'lower', 'band');
  const offsets = fc.uniqueArray(fc.integer({ min: 0, max: 48 }), { minLength: 1, maxLength: 5 });

  it('property: no target, or a period before the trajectory starts, gives no_data', () => {
    fc.assert(
      fc.property(offsets, num, dir, toleranceArb, (os, v, d, tol) => {
        const targets = os.map((o) => ({ period: addPeriods('2025-01', o), value: v }));
        const before = addPeriods('2025-01', Math.min(...os) - 1);
        expect(kpiStatus(v, targetAt({ baseline: null, targets }, before), d, tol)).toBe('no_data');
        const noTargets = { baseline: { value: v, period: '2025-01', source: 's' }, targets: [] };
        expect(kpiStatus(v, targetAt(noTargets, addPeriods('2025-01', os[0]!)), d, tol)).toBe(
          'no_data',
        );
      }),
      RUNS,
    );
  });

  it('property: a value on the interpolated target is green at every period', () => {
    fc.assert(
      fc.property(
        offsets,
        fc.array(num, { minLength: 5, maxLength: 5 }),
        dir,
        toleranceArb,
        (os, vs, d, tol) => {
          const t: Trajectory = {
            baseline: { value: vs[4]!, period: '2024-12', source: 's' },
            targets: os.map((o, i) => ({ period: addPeriods('2025-01', o), value: vs[i]! })),
          };
          for (let probe = 0; probe <= 50; probe += 7) {
            const target = targetAt(t, addPeriods('2025-01', probe));
            expect(target).not.toBeNull();
            expect(kpiStatus(target, target, d, tol)).toBe('green');
          }
        },
      ),
      RUNS,
    );
  });

  it('property: relative bands scale with the target', () => {
    const positive = fc.double({ min: 0.01, max: 1e4, noNaN: true });
    const k = fc.double({ min: 0.1, max: 100, noNaN: true });
    const relative = toleranceArb.map((t) => ({ ...t, mode: 'relative' as const }));
    fc.assert(
      fc.property(positive, positive, k, dir, relative, (v, target, factor, d, tol) => {
        const scaled = kpiStatus(v * factor, target * factor, d, tol);
        const plain = kpiStatus(v, target, d, tol);
        // Equal up to the rounding tolerance at the exact thresholds.
        const dev = deviation(v, target, d, 'relative');
        const atEdge = [tol.amber, tol.red].some((edge) => Math.abs(dev - edge) < 1e-6);
        if (!atEdge) expect(scaled).toBe(plain);
      }),
      RUNS,
    );
  });

  it('follows the trajectory: the same value turns from green to red as the target rises', () => {
    const t: Trajectory = {
      baseline: { value: 0, period: '2025-01', source: 's' },
      targets: [{ period: '2025-11', value: 100 }],
    };
    const tol = abs(5, 15);
    const at = (period: string) => kpiStatus(48, targetAt(t, period), 'higher', tol);
    expect(at('2025-06')).toBe('green');
    expect(at('2025-07')).toBe('amber');
    expect(at('2025-08')).toBe('red');
    expect(kpiStatus(48, targetAt(t, '2025-08'), 'lower', tol)).toBe('green');
    expect(kpiStatus(48, targetAt(t, '2025-08'), 'band', tol)).toBe('red');
  });
});
