import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Phase } from '../contract/milestone';
import {
  compareConsortia,
  compareMilestoneCodes,
  compareMilestones,
  compareReportingPeriods,
} from './ordering';

const milestone = (phase: Phase, code: string, id = code) => ({ phase, code, id });

describe('compareMilestoneCodes', () => {
  it('reads the number of J-codes as a number, then puts other codes after them by text', () => {
    const codes = ['J10', 'DPIA_1', 'J2', 'J11', 'J0', 'GO-LIVE', 'J1', 'A3', 'J02'];
    expect(codes.sort(compareMilestoneCodes)).toEqual([
      'A3',
      'J0',
      'J1',
      'J02',
      'J2',
      'J10',
      'J11',
      'DPIA_1',
      'GO-LIVE',
    ]);
  });

  it('compares numbers past 2^53 by value', () => {
    expect(compareMilestoneCodes('J9007199254740993', 'J9007199254740992')).toBeGreaterThan(0);
  });
});

describe('compareMilestones', () => {
  it('orders by phase first, then by code as a number', () => {
    const list = [
      milestone('scoping', 'J10'),
      milestone('selection', 'J2'),
      milestone('scoping', 'J2'),
      milestone('selection', 'J11'),
    ];
    expect(list.sort(compareMilestones).map((m) => `${m.phase}:${m.code}`)).toEqual([
      'selection:J2',
      'selection:J11',
      'scoping:J2',
      'scoping:J10',
    ]);
  });

  const code = fc.oneof(
    fc.nat({ max: 30 }).map((n) => `J${n}`),
    fc.stringMatching(/^[A-Z0-9][A-Z0-9_-]{0,6}$/),
  );
  const arbMilestone = fc.record({
    phase: fc.constantFrom(...Phase.options),
    code,
    id: fc.stringMatching(/^[a-z0-9]{1,4}$/),
  });

  it('is a total order: antisymmetric, transitive, and zero only for the same keys', () => {
    fc.assert(
      fc.property(arbMilestone, arbMilestone, arbMilestone, (a, b, c) => {
        expect(Math.sign(compareMilestones(a, b))).toBe(-Math.sign(compareMilestones(b, a)));
        if (compareMilestones(a, b) <= 0 && compareMilestones(b, c) <= 0) {
          expect(compareMilestones(a, c)).toBeLessThanOrEqual(0);
        }
        const same = a.phase === b.phase && a.code === b.code && a.id === b.id;
        expect(compareMilestones(a, b) === 0).toBe(same);
      }),
    );
  });

  it('gives one order whatever order the list came in', () => {
    const listAndShuffle = fc
      .array(arbMilestone, { maxLength: 20 })
      .chain((list) =>
        fc.tuple(
          fc.constant(list),
          fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
        ),
      );
    fc.assert(
      fc.property(listAndShuffle, ([list, shuffled]) => {
        expect([...shuffled].sort(compareMilestones)).toEqual([...list].sort(compareMilestones));
      }),
    );
  });

  it('puts J<n> before J<m> of the same phase exactly when n < m', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Phase.options),
        fc.nat({ max: 10_000 }),
        fc.nat({ max: 10_000 }),
        (phase, n, m) => {
          const order = compareMilestones(milestone(phase, `J${n}`), milestone(phase, `J${m}`));
          expect(Math.sign(order)).toBe(Math.sign(n - m));
        },
      ),
    );
  });

  it('puts an earlier phase first whatever the codes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Phase.options),
        fc.constantFrom(...Phase.options),
        code,
        code,
        (p, q, a, b) => {
          fc.pre(p !== q);
          const order = compareMilestones(milestone(p, a), milestone(q, b));
          expect(Math.sign(order)).toBe(
            Math.sign(Phase.options.indexOf(p) - Phase.options.indexOf(q)),
          );
        },
      ),
    );
  });
});

describe('other list orders', () => {
  it('orders consortia by code by code unit, whatever the locale would say', () => {
    const list = [
      { code: 'PROB', id: '1' },
      { code: 'PRO_ACT', id: '2' },
      { code: 'B', id: '3' },
    ];
    expect(list.sort(compareConsortia).map((c) => c.code)).toEqual(['B', 'PROB', 'PRO_ACT']);
  });

  it('orders reporting periods in time', () => {
    const list = ['2026-10', '2026-09', '2027-01'].map((period) => ({ period, id: period }));
    expect(list.sort(compareReportingPeriods).map((p) => p.period)).toEqual([
      '2026-09',
      '2026-10',
      '2027-01',
    ]);
  });
});
