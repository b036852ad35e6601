import { describe, expect, it } from 'vitest';
import type { Programme } from '@domain/contract/programme';
import { ApiError, classifyApiError } from '@/api/errors';
import {
  changesOf,
  errorFor,
  inputOf,
  isSettingField,
  SettingsForm,
  valuesOf,
  type SettingsInput,
} from '@/features/admin/programme-schema';
import { brokenRule } from '@/lib/forms';

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
const typed = (change: Partial<SettingsInput>): SettingsInput => ({ ...inputOf(base), ...change });

/** What the form shows for each refused field, as the resolver hands zod's issues over. */
function errorsOf(input: SettingsInput) {
  const parsed = SettingsForm.safeParse(input);
  if (parsed.success) return {};
  const errors: Record<string, unknown> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    const rule = brokenRule({ type: issue.code, message: issue.message });
    if (isSettingField(field) && rule) errors[field] ??= errorFor(field, rule.code);
  }
  return errors;
}

const changes = (input: SettingsInput) => changesOf(base, SettingsForm.parse(input));

describe('the settings form’s schema', () => {
  it('sends only what changed, as numbers and a boolean', () => {
    expect(changes(typed({ smallCountThreshold: ' 5 ', name: 'Pascaline 2025 ' }))).toEqual({
      smallCountThreshold: 5,
    });
    expect(changes(typed({ leadsSetTargets: true }))).toEqual({ leadsSetTargets: true });
    expect(changes(typed({ funder: 'ARS  ' }))).toBeNull();
  });

  it('names each bad field with the contract’s bounds', () => {
    expect(
      errorsOf(typed({ smallCountThreshold: '0', slippageToleranceDays: '1,5', name: ' ' })),
    ).toEqual({
      smallCountThreshold: { key: 'range', min: 1, max: 100 },
      slippageToleranceDays: { key: 'integer' },
      name: { key: 'required' },
    });
    expect(errorsOf(typed({ slippageToleranceDays: '' }))).toEqual({
      slippageToleranceDays: { key: 'required' },
    });
    expect(errorsOf(typed({ slippageToleranceDays: 'deux' }))).toEqual({
      slippageToleranceDays: { key: 'integer' },
    });
    expect(errorsOf(typed({ funder: 'x'.repeat(201) }))).toEqual({
      funder: { key: 'tooLong', limit: 200 },
    });
  });
});

describe('a refused save', () => {
  const http = (status: number, details?: unknown) =>
    new ApiError('http', status, null, 'refused', details);
  const classify = (error: unknown) =>
    classifyApiError(error, {
      current: { safeParse: (v: unknown) => ({ success: true as const, data: v as Programme }) },
      fieldOf: (field) => (isSettingField(field) ? field : null),
    });

  it('puts the server’s field issues on the fields, with the contract’s bounds', () => {
    const issues = [
      { field: 'slippageToleranceDays', code: 'too_big', message: 'Too big' },
      { field: 'unknown', code: 'too_big', message: 'Too big' },
    ];
    const problem = classify(http(400, { issues }));
    expect(problem).toEqual({
      kind: 'fields',
      fields: [{ field: 'slippageToleranceDays', code: 'too_big' }],
    });
    expect(errorFor('slippageToleranceDays', 'too_big')).toEqual({
      key: 'range',
      min: 0,
      max: 365,
    });
    expect(classify(http(400, { issues: [issues[1]] }))).toMatchObject({
      kind: 'general',
      reason: 'invalid',
    });
  });
});

describe('a character the contract refuses', () => {
  it('is named as such, whether the form or the server finds it', () => {
    expect(errorsOf(typed({ name: 'Pascaline\u0000' }))).toEqual({
      name: { key: 'invalidCharacter' },
    });
    const fromServer = brokenRule({ type: 'server', message: 'text_invalid_character' });
    expect(errorFor('funder', fromServer?.code ?? '')).toEqual({ key: 'invalidCharacter' });
  });
});
