import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Direction, Tolerance } from '../contract/kpi';
import { kpiStatus } from './kpi-status';
import { toleranceBands } from './tolerance-bands';

const direction = fc.constantFrom<Direction>('higher', 'lower', 'band');
const tolerance = fc
  .record({
    mode: fc.constantFrom<Tolerance['mode']>('absolute', 'relative'),
    amber: fc.double({ min: 0.01, max: 50, noNaN: true }),
    extra: fc.double({ min: 0.01, max: 50, noNaN: true }),
  })
  .map(({ mode, amber, extra }) => ({ mode, amber, red: amber + extra }));
const target = fc.double({ min: -1000, max: 1000, noNaN: true }).filter((t) => Math.abs(t) > 1e-3);

describe('tolerance bands (what the charts shade)', () => {
  it('agree with the status rule just inside and just outside every edge', () => {
    fc.assert(
      fc.property(target, direction, tolerance, (t, dir, tol) => {
        const bands = toleranceBands(t, dir, tol);
        const eps = 1e-6 * Math.max(1, Math.abs(t));
        const status = (v: number) => kpiStatus(v, t, dir, tol);
        const [gLow, gHigh] = bands.green;
        expect(status(gLow + eps)).toBe('green');
        expect(status(gHigh - eps)).toBe('green');
        for (const amber of [bands.amberBelow, bands.amberAbove]) {
          if (!amber) continue;
          const [low, high] = amber;
          expect(status((low + high) / 2)).toBe('amber');
        }
        if (bands.amberBelow) expect(status(bands.amberBelow[0] - eps)).toBe('red');
        else expect(status(gLow - 1e3 * Math.max(1, Math.abs(t)))).toBe('green');
        if (bands.amberAbove) expect(status(bands.amberAbove[1] + eps)).toBe('red');
        else expect(status(gHigh + 1e3 * Math.max(1, Math.abs(t)))).toBe('green');
      }),
      { numRuns: 500 },
    );
  });
});
