import { describe, expect, it } from 'vitest';
import { Programme, ProgrammePatch } from '../contract/programme';
import { AUDITED_FIELDS, auditDiff } from './audit-diff';
import { applyProgrammePatch, type MutationContext } from './mutations';

const NOW = '2026-11-22T10:00:00.000Z';
const ctx: MutationContext = {
  actor: { id: 'u-manager', name: 'Claire Martin' },
  now: NOW,
  newId: () => 'unused',
};

const programme: Programme = {
  id: 'pascaline',
  name: 'Pascaline 2025',
  funder: 'ARS',
  description: 'Parcours de soins coordonnés',
  startDate: '2025-05-01',
  endDate: '2027-04-30',
  smallCountThreshold: 10,
  slippageToleranceDays: 45,
  leadsSetTargets: false,
  version: 3,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('applyProgrammePatch', () => {
  it('changes only the patched settings, bumps the version and stamps the time', () => {
    const next = applyProgrammePatch(
      programme,
      { smallCountThreshold: 5, leadsSetTargets: true },
      ctx,
    );
    expect(next).toEqual({
      ...programme,
      smallCountThreshold: 5,
      leadsSetTargets: true,
      version: 4,
      updatedAt: NOW,
    });
    expect(Programme.parse(next)).toEqual(next);
    expect(programme.version).toBe(3);
  });

  it('audits what changed and nothing else', () => {
    const next = applyProgrammePatch(
      programme,
      { slippageToleranceDays: 60, funder: programme.funder },
      ctx,
    );
    expect(auditDiff(programme, next, AUDITED_FIELDS.programme)).toEqual({
      before: { slippageToleranceDays: 45 },
      after: { slippageToleranceDays: 60 },
    });
  });
});

describe('ProgrammePatch', () => {
  it('accepts any non-empty subset within bounds, trimming text', () => {
    expect(ProgrammePatch.parse({ funder: '  ANS  ', smallCountThreshold: 1 })).toEqual({
      funder: 'ANS',
      smallCountThreshold: 1,
    });
    expect(ProgrammePatch.parse({ slippageToleranceDays: 0 })).toEqual({
      slippageToleranceDays: 0,
    });
    expect(ProgrammePatch.parse({ slippageToleranceDays: 365, smallCountThreshold: 100 })).toEqual({
      slippageToleranceDays: 365,
      smallCountThreshold: 100,
    });
  });

  it.each<[string, unknown]>([
    ['an empty patch', {}],
    ['a threshold of 0', { smallCountThreshold: 0 }],
    ['a threshold above 100', { smallCountThreshold: 101 }],
    ['a fractional threshold', { smallCountThreshold: 2.5 }],
    ['a negative tolerance', { slippageToleranceDays: -1 }],
    ['a tolerance above a year', { slippageToleranceDays: 366 }],
    ['a non-boolean choice', { leadsSetTargets: 'yes' }],
    ['a blank name', { name: '   ' }],
    ['a fixed field (dates)', { startDate: '2025-01-01' }],
    ['a derived field (version)', { version: 9 }],
  ])('refuses %s', (_, body) => {
    expect(ProgrammePatch.safeParse(body).success).toBe(false);
  });
});
