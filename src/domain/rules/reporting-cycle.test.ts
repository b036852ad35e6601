import { describe, expect, it } from 'vitest';
import type { ReportingPeriod } from '../contract/reporting';
import { Problem } from '../problems';
import {
  applyPeriodPatch,
  checkPeriodCreation,
  lockedTargetsMoved,
  lockPeriod,
  openPeriod,
  reopenPeriod,
} from './reporting-cycle';

const ctx = {
  actor: { id: 'u1', name: 'Claire Martin' },
  now: '2026-06-20T10:00:00.000Z',
  newId: () => 'p1',
};
const programme = { startDate: '2025-01-01', endDate: '2026-12-31' };

/** The field a refusal names, or null when the call went through. */
function refusedField(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    const issues = (error.details as { issues: { field: string }[] }).issues;
    return issues[0]!.field;
  }
}

describe('opening a period', () => {
  it('takes a month or quarter of the programme, once, due no earlier than its first day', () => {
    const existing = [{ period: '2026-05' }];
    const check = (period: string, deadline: string) => () =>
      checkPeriodCreation({ period, deadline }, programme, existing);
    expect(refusedField(check('2026-Q2', '2026-07-15'))).toBeNull();
    expect(refusedField(check('2026-06', '2026-06-01'))).toBeNull();
    expect(refusedField(check('2026-05', '2026-06-15'))).toBe('period');
    expect(refusedField(check('2027-01', '2027-02-15'))).toBe('period');
    expect(refusedField(check('2024-12', '2025-01-15'))).toBe('period');
    expect(refusedField(check('2026-06', '2026-05-31'))).toBe('deadline');
  });
});

describe('locking and reopening', () => {
  const open: ReportingPeriod = openPeriod(
    { period: '2026-05', deadline: '2026-06-15' },
    'pascaline',
    ctx,
  );

  it('locks an open period once, and reopens a locked one with its reason', () => {
    const locked = lockPeriod(open, ctx);
    expect(locked).toMatchObject({ status: 'locked', lockedAt: ctx.now, version: 2 });
    expect(refusedField(() => lockPeriod(locked, ctx))).toBe('status');
    const reopened = reopenPeriod(locked, 'Correction', ctx);
    expect(reopened).toMatchObject({
      status: 'open',
      lockedAt: null,
      reopenedAt: ctx.now,
      reopenReason: 'Correction',
      version: 3,
    });
    expect(refusedField(() => reopenPeriod(reopened, 'Encore', ctx))).toBe('status');
  });

  it('changes deadline and commentary only while open', () => {
    expect(applyPeriodPatch(open, { commentary: 'Vu.' })).toMatchObject({ commentary: 'Vu.' });
    expect(refusedField(() => applyPeriodPatch(open, { deadline: '2026-04-30' }))).toBe('deadline');
    expect(refusedField(() => applyPeriodPatch(lockPeriod(open, ctx), { commentary: 'x' }))).toBe(
      'status',
    );
  });
});

describe('targets of locked periods', () => {
  const monthly = { frequency: 'monthly' as const };
  const before = {
    baseline: { period: '2025-01', value: 10, source: 'Registre' },
    targets: [{ period: '2025-12', value: 120 }],
  };
  const periods = [
    { period: '2025-03', status: 'locked' as const },
    { period: '2025-06', status: 'open' as const },
    { period: '2025-Q1', status: 'locked' as const },
  ];

  it('names the locked months of the KPI rhythm whose target a change moves', () => {
    const later = { ...before, targets: [{ period: '2025-12', value: 150 }] };
    expect(lockedTargetsMoved(monthly, before, later, periods)).toEqual(['2025-03']);
    expect(lockedTargetsMoved({ frequency: 'quarterly' }, before, later, periods)).toEqual([
      '2025-Q1',
    ]);
  });

  it('lets a change that keeps them, and a first trajectory, through', () => {
    expect(lockedTargetsMoved(monthly, before, { ...before }, periods)).toEqual([]);
    expect(lockedTargetsMoved(monthly, null, before, periods)).toEqual([]);
  });
});
