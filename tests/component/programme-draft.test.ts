import { describe, expect, it } from 'vitest';
import type { Programme } from '@domain/contract/programme';
import { ApiError } from '@/api/errors';
import {
  buildPatch,
  classifySaveError,
  toDraft,
  valuesOf,
  type Draft,
} from '@/features/admin/programme-draft';

const programme: Programme = {
  id: 'pascaline',
  name: 'Pascaline 2025',
  funder: 'ARS',
  description: '',
  startDate: '2025-05-01',
  endDate: '2027-04-30',
  smallCountThreshold: 10,
  slippageToleranceDays: 45,
  leadsSetTargets: false,
  version: 3,
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const base = valuesOf(programme);
const draft = (change: Partial<Draft>): Draft => ({ ...toDraft(base), ...change });

describe('the settings form’s patch', () => {
  it('sends only what changed, as numbers and a boolean', () => {
    expect(
      buildPatch(base, draft({ smallCountThreshold: ' 5 ', name: 'Pascaline 2025 ' })),
    ).toEqual({ kind: 'valid', patch: { smallCountThreshold: 5 } });
    expect(buildPatch(base, draft({ leadsSetTargets: true }))).toEqual({
      kind: 'valid',
      patch: { leadsSetTargets: true },
    });
    expect(buildPatch(base, draft({ funder: 'ARS  ' }))).toEqual({ kind: 'unchanged' });
  });

  it('names each bad field with the contract’s bounds', () => {
    expect(
      buildPatch(
        base,
        draft({ smallCountThreshold: '0', slippageToleranceDays: '1,5', name: ' ' }),
      ),
    ).toEqual({
      kind: 'invalid',
      errors: {
        smallCountThreshold: { key: 'range', min: 1, max: 100 },
        slippageToleranceDays: { key: 'integer' },
        name: { key: 'required' },
      },
    });
    expect(buildPatch(base, draft({ slippageToleranceDays: '' }))).toEqual({
      kind: 'invalid',
      errors: { slippageToleranceDays: { key: 'required' } },
    });
    expect(buildPatch(base, draft({ funder: 'x'.repeat(201) }))).toEqual({
      kind: 'invalid',
      errors: { funder: { key: 'tooLong', limit: 200 } },
    });
  });
});

describe('a character the contract refuses', () => {
  const http = (details: unknown) => new ApiError('http', 400, null, 'refused', details);

  it('is named as such, whether the form or the server finds it', () => {
    expect(buildPatch(base, draft({ name: 'Pascaline\u0000' }))).toEqual({
      kind: 'invalid',
      errors: { name: { key: 'invalidCharacter' } },
    });
    const issues = [{ field: 'funder', code: 'text_invalid_character', message: 'NUL' }];
    expect(classifySaveError(http({ issues }))).toEqual({
      kind: 'fields',
      errors: { funder: { key: 'invalidCharacter' } },
    });
  });
});

describe('a refused save', () => {
  const http = (status: number, details?: unknown) =>
    new ApiError('http', status, null, 'refused', details);

  it('is a conflict carrying the stored programme on 412', () => {
    const current = { ...programme, version: 4 };
    expect(classifySaveError(http(412, { current }))).toEqual({ kind: 'conflict', current });
    expect(classifySaveError(http(412))).toEqual({ kind: 'refused', reason: 'stale' });
  });

  it('puts the server’s field issues on the fields, with the contract’s bounds', () => {
    const issues = [
      { field: 'slippageToleranceDays', code: 'too_big', message: 'Too big' },
      { field: 'unknown', code: 'too_big', message: 'Too big' },
    ];
    expect(classifySaveError(http(400, { issues }))).toEqual({
      kind: 'fields',
      errors: { slippageToleranceDays: { key: 'range', min: 0, max: 365 } },
    });
    expect(classifySaveError(http(400, { issues: [issues[1]] }))).toEqual({
      kind: 'refused',
      reason: 'invalid',
    });
  });

  it('tells refusals from failures worth a retry', () => {
    expect(classifySaveError(http(403))).toEqual({ kind: 'refused', reason: 'forbidden' });
    expect(classifySaveError(http(404))).toEqual({ kind: 'refused', reason: 'notFound' });
    expect(classifySaveError(http(503))).toEqual({ kind: 'retryable', reason: 'server' });
    expect(classifySaveError(new ApiError('network', 0, null, 'offline'))).toEqual({
      kind: 'retryable',
      reason: 'network',
    });
  });
});
