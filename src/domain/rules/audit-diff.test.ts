import { describe, expect, it } from 'vitest';
import { auditDiff } from './audit-diff';

describe('auditDiff', () => {
  it('keeps only the listed fields that changed, before and after', () => {
    const before = { name: 'A', budgetEur: 10, territory: 'X', version: 1 };
    const after = { name: 'B', budgetEur: 10, territory: 'Y', version: 2 };
    expect(auditDiff(before, after, ['name', 'budgetEur', 'territory'])).toEqual({
      before: { name: 'A', territory: 'X' },
      after: { name: 'B', territory: 'Y' },
    });
  });

  it('compares structured values by content and records nothing for an unchanged row', () => {
    const row = { targets: [{ period: '2025-06', value: 3 }], note: '' };
    const copy = { targets: [{ period: '2025-06', value: 3 }], note: '' };
    expect(auditDiff(row, copy, ['targets', 'note'])).toEqual({ before: {}, after: {} });
    expect(auditDiff(row, { ...copy, note: null as unknown as string }, ['note'])).toEqual({
      before: { note: '' },
      after: { note: null },
    });
  });
});
