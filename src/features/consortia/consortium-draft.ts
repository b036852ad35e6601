import type { z } from 'zod';
import { issueCode, TEXT_INVALID_CHARACTER } from '@domain/contract/common';
import { Consortium, ConsortiumPatch } from '@domain/contract/consortium';
import type { ApiError } from '@/api/errors';
import { parseLocaleNumber } from '@/lib/format';

/**
 * The form's side of editing a consortium, kept free of React: what the user typed (strings),
 * which fields changed, and what the contract says about them. The limits live in the contract's
 * ConsortiumPatch only; this file reads them from zod's issues instead of repeating them.
 */

export const EDITABLE_FIELDS = [
  'name',
  'solution',
  'description',
  'territory',
  'budgetEur',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export type Draft = Record<EditableField, string>;
export type EditableValues = Pick<Consortium, EditableField>;

/** One message for a field, as a translation key under consortiumEditor.errors plus its values. */
export interface FieldError {
  key:
    | 'required'
    | 'tooLong'
    | 'tooShort'
    | 'min'
    | 'max'
    | 'integer'
    | 'number'
    | 'tooSmall'
    | 'tooBig'
    | 'invalidCharacter'
    | 'invalid';
  limit?: number;
}

export type FieldErrors = Partial<Record<EditableField, FieldError>>;

export function toDraft(values: EditableValues): Draft {
  return {
    name: values.name,
    solution: values.solution,
    description: values.description,
    territory: values.territory,
    budgetEur: String(values.budgetEur),
  };
}

export function isEditableField(field: string): field is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(field);
}

export type DraftResult =
  | { kind: 'unchanged' }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'valid'; patch: ConsortiumPatch };

/** Only the fields the user changed are validated and sent: the rest stays as the server has it. */
export function buildPatch(base: EditableValues, draft: Draft): DraftResult {
  const changed: Record<string, string | number> = {};
  const errors: FieldErrors = {};
  for (const field of EDITABLE_FIELDS) {
    if (field === 'budgetEur') {
      // "1,5" reads as a number here; the contract then refuses it as not whole.
      const amount = parseLocaleNumber(draft.budgetEur);
      if (amount === undefined) errors.budgetEur = { key: 'required' };
      else if (amount === 'invalid') errors.budgetEur = { key: 'number' };
      else if (amount !== base.budgetEur) changed.budgetEur = amount;
    } else if (draft[field].trim() !== base[field].trim()) {
      changed[field] = draft[field];
    }
  }
  if (Object.keys(changed).length === 0 && Object.keys(errors).length === 0) {
    return { kind: 'unchanged' };
  }
  const parsed = ConsortiumPatch.safeParse(changed);
  if (parsed.success && Object.keys(errors).length === 0) {
    return { kind: 'valid', patch: parsed.data };
  }
  // The amount's own message (not a number at all) wins over the contract's.
  const contractErrors = parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
  return { kind: 'invalid', errors: { ...contractErrors, ...errors } };
}

function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (isEditableField(field) && !errors[field]) errors[field] = messageOf(issue);
  }
  return errors;
}

function messageOf(issue: z.core.$ZodIssue): FieldError {
  if (issueCode(issue) === TEXT_INVALID_CHARACTER) return { key: 'invalidCharacter' };
  switch (issue.code) {
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string')
        return limit <= 1 ? { key: 'required' } : { key: 'tooShort', limit };
      return { key: 'min', limit };
    }
    case 'too_big':
      return { key: issue.origin === 'string' ? 'tooLong' : 'max', limit: Number(issue.maximum) };
    case 'invalid_type':
      return { key: issue.expected === 'int' ? 'integer' : 'invalid' };
    default:
      return { key: 'invalid' };
  }
}

/** What went wrong with a save, in the terms the form shows it. */
export type SaveProblem =
  | { kind: 'conflict'; current: Consortium }
  | { kind: 'fields'; errors: FieldErrors }
  | { kind: 'refused'; reason: 'forbidden' | 'notFound' | 'stale' | 'invalid' }
  | { kind: 'retryable'; reason: 'network' | 'server' };

interface ServerIssue {
  field: string;
  code: string;
}

function serverIssues(details: unknown): ServerIssue[] {
  if (typeof details !== 'object' || details === null) return [];
  const issues = (details as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is ServerIssue =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as ServerIssue).field === 'string' &&
      typeof (i as ServerIssue).code === 'string',
  );
}

/** The server names the field and zod's code, not the limit: say what kind of problem it is. */
const SERVER_CODE: Record<string, FieldError['key']> = {
  too_small: 'tooSmall',
  too_big: 'tooBig',
  invalid_type: 'invalid',
  [TEXT_INVALID_CHARACTER]: 'invalidCharacter',
};

export function classifySaveError(error: ApiError): SaveProblem {
  if (error.kind === 'network') return { kind: 'retryable', reason: 'network' };
  if (error.kind === 'http' && error.status === 412) {
    const current = Consortium.safeParse(
      (error.details as { current?: unknown } | undefined)?.current,
    );
    // A 412 without a readable current row still means "stale": the caller reloads instead.
    if (current.success) return { kind: 'conflict', current: current.data };
    return { kind: 'refused', reason: 'stale' };
  }
  if (error.status === 403) return { kind: 'refused', reason: 'forbidden' };
  if (error.status === 404) return { kind: 'refused', reason: 'notFound' };
  if (error.status === 400 || error.status === 422) {
    const errors: FieldErrors = {};
    for (const issue of serverIssues(error.details)) {
      if (isEditableField(issue.field) && !errors[issue.field]) {
        errors[issue.field] = { key: SERVER_CODE[issue.code] ?? 'invalid' };
      }
    }
    return Object.keys(errors).length > 0
      ? { kind: 'fields', errors }
      : { kind: 'refused', reason: 'invalid' };
  }
  if (error.kind === 'http' && error.status < 500) return { kind: 'refused', reason: 'invalid' };
  return { kind: 'retryable', reason: 'server' };
}
