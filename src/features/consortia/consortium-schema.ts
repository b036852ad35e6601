import { z } from 'zod';
import { TEXT_INVALID_CHARACTER } from '@domain/contract/common';
import { ConsortiumPatch, type Consortium } from '@domain/contract/consortium';
import { localeNumber, type BrokenRule } from '@/lib/forms';

/**
 * The details form's schema and the pure helpers around it. Every rule is the contract's
 * ConsortiumPatch; only the amount is read from the text the user typed.
 */

export const EDITABLE_FIELDS = [
  'name',
  'solution',
  'description',
  'territory',
  'budgetEur',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
type TextField = Exclude<EditableField, 'budgetEur'>;
export type EditableValues = Pick<Consortium, EditableField>;

const rule = ConsortiumPatch.shape;

export const DetailsForm = z.object({
  name: rule.name.unwrap(),
  solution: rule.solution.unwrap(),
  description: rule.description.unwrap(),
  territory: rule.territory.unwrap(),
  budgetEur: localeNumber(rule.budgetEur.unwrap()),
});
/** As typed: the amount stays text, so "1 2OO" can be shown back with its message. */
export type DetailsInput = z.input<typeof DetailsForm>;
export type DetailsOutput = z.output<typeof DetailsForm>;

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

export function isEditableField(field: string): field is EditableField {
  return (EDITABLE_FIELDS as readonly string[]).includes(field);
}

/** The server names zod's code, not the limit: say what kind of problem it is. */
const SERVER_CODE: Record<string, FieldError['key']> = {
  too_small: 'tooSmall',
  too_big: 'tooBig',
  [TEXT_INVALID_CHARACTER]: 'invalidCharacter',
};

function textError(field: TextField, code: string): FieldError {
  const schema = rule[field].unwrap();
  if (code === 'too_small') {
    const limit = schema.minLength ?? 1;
    return limit <= 1 ? { key: 'required' } : { key: 'tooShort', limit };
  }
  if (code === 'too_big') return { key: 'tooLong', limit: schema.maxLength ?? 0 };
  return { key: 'invalid' };
}

function amountError(code: string): FieldError {
  const schema = rule.budgetEur.unwrap();
  switch (code) {
    case 'required':
    case 'number':
      return { key: code };
    case 'too_small':
      return { key: 'min', limit: schema.minValue ?? 0 };
    case 'too_big':
      return { key: 'max', limit: schema.maxValue ?? 0 };
    // The amount is read as a number first, so a wrong type only means "not whole".
    case 'invalid_type':
      return { key: 'integer' };
  }
  return { key: 'invalid' };
}

/** What a broken rule means on a field, with the contract's limits where the form knows them. */
export function errorFor(field: EditableField, { fromServer, code }: BrokenRule): FieldError {
  if (fromServer) return { key: SERVER_CODE[code] ?? 'invalid' };
  if (code === TEXT_INVALID_CHARACTER) return { key: 'invalidCharacter' };
  return field === 'budgetEur' ? amountError(code) : textError(field, code);
}

export function valuesOf(c: EditableValues): EditableValues {
  return {
    name: c.name,
    solution: c.solution,
    description: c.description,
    territory: c.territory,
    budgetEur: c.budgetEur,
  };
}

export const inputOf = (values: EditableValues): DetailsInput => ({
  ...valuesOf(values),
  budgetEur: String(values.budgetEur),
});

/** Only what the user changed is sent; text is compared trimmed, as the contract stores it. */
export function changesOf(base: EditableValues, checked: DetailsOutput): ConsortiumPatch | null {
  const changed = EDITABLE_FIELDS.filter((f) => {
    const before = base[f];
    return checked[f] !== (typeof before === 'string' ? before.trim() : before);
  });
  if (changed.length === 0) return null;
  return Object.fromEntries(changed.map((f) => [f, checked[f]]));
}
