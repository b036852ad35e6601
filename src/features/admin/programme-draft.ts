import { issueCode, TEXT_INVALID_CHARACTER } from '@domain/contract/common';
import { Programme, ProgrammePatch } from '@domain/contract/programme';
import type { ApiError } from '@/api/errors';
import { parseLocaleNumber } from '@/lib/format';

/**
 * The settings form's side of editing a programme, kept free of React: what the manager typed,
 * which fields changed, and what the contract (or the server) says about them. The limits are
 * read from the contract's schema, never repeated here.
 */

export const TEXT_FIELDS = ['name', 'funder', 'description'] as const;
export const NUMBER_FIELDS = ['smallCountThreshold', 'slippageToleranceDays'] as const;
export const SETTING_FIELDS = [...TEXT_FIELDS, ...NUMBER_FIELDS, 'leadsSetTargets'] as const;

export type TextField = (typeof TEXT_FIELDS)[number];
export type NumberField = (typeof NUMBER_FIELDS)[number];
export type SettingField = (typeof SETTING_FIELDS)[number];

/** Numbers stay as typed until saved, so "1 5" or "" can be shown back with a message. */
export type Draft = Record<TextField | NumberField, string> & { leadsSetTargets: boolean };
export type SettingValues = Pick<Programme, SettingField>;

/** One message for a field, as a translation key under admin.errors plus its values. */
export type FieldError =
  | { key: 'required' | 'integer' | 'invalidCharacter' | 'invalid' }
  | { key: 'tooLong'; limit: number }
  | { key: 'range'; min: number; max: number };

export type FieldErrors = Partial<Record<SettingField, FieldError>>;

/** Bounds of each number setting, as the contract states them. */
export function rangeOf(field: NumberField): { min: number; max: number } {
  const schema = Programme.shape[field];
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
}

const maxLengthOf = (field: TextField): number =>
  Programme.shape[field].maxLength ?? Number.MAX_SAFE_INTEGER;

export const isSettingField = (field: string): field is SettingField =>
  (SETTING_FIELDS as readonly string[]).includes(field);

const isNumberField = (field: SettingField): field is NumberField =>
  (NUMBER_FIELDS as readonly string[]).includes(field);

export function toDraft(values: SettingValues): Draft {
  return {
    name: values.name,
    funder: values.funder,
    description: values.description,
    smallCountThreshold: String(values.smallCountThreshold),
    slippageToleranceDays: String(values.slippageToleranceDays),
    leadsSetTargets: values.leadsSetTargets,
  };
}

export function valuesOf(p: Programme): SettingValues {
  return {
    name: p.name,
    funder: p.funder,
    description: p.description,
    smallCountThreshold: p.smallCountThreshold,
    slippageToleranceDays: p.slippageToleranceDays,
    leadsSetTargets: p.leadsSetTargets,
  };
}

/**
 * What a refusal on a field means, whether zod found it here or the server did: the server names
 * the field and zod's code, and the bounds come from the contract, so both read the same.
 */
export function errorFor(field: SettingField, code: string): FieldError {
  if (isNumberField(field)) {
    if (code === 'too_small' || code === 'too_big') return { key: 'range', ...rangeOf(field) };
    if (code === 'invalid_type') return { key: 'integer' };
    return { key: 'invalid' };
  }
  if (field === 'leadsSetTargets') return { key: 'invalid' };
  if (code === TEXT_INVALID_CHARACTER) return { key: 'invalidCharacter' };
  if (code === 'too_small') return { key: 'required' };
  if (code === 'too_big') return { key: 'tooLong', limit: maxLengthOf(field) };
  return { key: 'invalid' };
}

/** Whole numbers only: "1,5" reads as a number but is refused as not whole. */
function parseWhole(text: string): number | null {
  const value = parseLocaleNumber(text);
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

export type DraftResult =
  | { kind: 'unchanged' }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'valid'; patch: ProgrammePatch };

/** Only the fields the manager changed are validated and sent: the rest stays as stored. */
export function buildPatch(base: SettingValues, draft: Draft): DraftResult {
  const changed: Record<string, string | number | boolean> = {};
  const errors: FieldErrors = {};
  for (const field of TEXT_FIELDS) {
    if (draft[field].trim() !== base[field].trim()) changed[field] = draft[field];
  }
  for (const field of NUMBER_FIELDS) {
    const value = parseWhole(draft[field]);
    if (draft[field].trim() === '') errors[field] = { key: 'required' };
    else if (value === null) errors[field] = { key: 'integer' };
    else if (value !== base[field]) changed[field] = value;
  }
  if (draft.leadsSetTargets !== base.leadsSetTargets) {
    changed.leadsSetTargets = draft.leadsSetTargets;
  }
  if (Object.keys(changed).length === 0 && Object.keys(errors).length === 0) {
    return { kind: 'unchanged' };
  }
  const parsed = ProgrammePatch.safeParse(changed);
  if (parsed.success && Object.keys(errors).length === 0) {
    return { kind: 'valid', patch: parsed.data };
  }
  const contractErrors: FieldErrors = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (isSettingField(field)) contractErrors[field] ??= errorFor(field, issueCode(issue));
  }
  // A number that is not a number at all says so, rather than what the contract would add.
  return { kind: 'invalid', errors: { ...contractErrors, ...errors } };
}

/** What went wrong with a save, in the terms the form shows it. */
export type SaveProblem =
  | { kind: 'conflict'; current: Programme }
  | { kind: 'fields'; errors: FieldErrors }
  | { kind: 'refused'; reason: 'forbidden' | 'notFound' | 'stale' | 'invalid' }
  | { kind: 'retryable'; reason: 'network' | 'server' };

function serverIssues(details: unknown): { field: string; code: string }[] {
  const issues = (details as { issues?: unknown } | null | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    const { field, code } = (i ?? {}) as { field?: unknown; code?: unknown };
    return typeof field === 'string' && typeof code === 'string' ? [{ field, code }] : [];
  });
}

export function classifySaveError(error: ApiError): SaveProblem {
  if (error.kind === 'network') return { kind: 'retryable', reason: 'network' };
  if (error.status === 412) {
    const current = Programme.safeParse(
      (error.details as { current?: unknown } | undefined)?.current,
    );
    // A 412 without a readable current row still means "stale": the page is reloaded instead.
    return current.success
      ? { kind: 'conflict', current: current.data }
      : { kind: 'refused', reason: 'stale' };
  }
  if (error.status === 403) return { kind: 'refused', reason: 'forbidden' };
  if (error.status === 404) return { kind: 'refused', reason: 'notFound' };
  if (error.status === 400 || error.status === 422) {
    const errors: FieldErrors = {};
    for (const { field, code } of serverIssues(error.details)) {
      if (isSettingField(field)) errors[field] ??= errorFor(field, code);
    }
    return Object.keys(errors).length > 0
      ? { kind: 'fields', errors }
      : { kind: 'refused', reason: 'invalid' };
  }
  if (error.kind === 'http' && error.status < 500) return { kind: 'refused', reason: 'invalid' };
  return { kind: 'retryable', reason: 'server' };
}
