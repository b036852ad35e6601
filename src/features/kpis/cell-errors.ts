import type { CellField } from './cell-draft';

/** The rule and contract codes the editor has a message for; anything else reads "invalid". */
export const KNOWN_CODES = [
  'not_a_number',
  'source_required',
  'value_required',
  'fraction_required',
  'fraction_not_allowed',
  'negative',
  'not_integer',
  'above_100',
  'zero_denominator',
  'numerator_above_denominator',
  'wrong_frequency',
  'outside_consortium',
  'explanation_required',
  'period_locked',
  'too_big',
  'too_small',
  'text_invalid_character',
] as const;
export type KnownCode = (typeof KNOWN_CODES)[number] | 'invalid';

export function messageCode(code: string | undefined): KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code ?? '') ? (code as KnownCode) : 'invalid';
}

const CELL_FIELDS: readonly CellField[] = [
  'value',
  'numerator',
  'denominator',
  'source',
  'note',
  'explanation',
];

/**
 * Where a field the server names is shown (for `classifyApiError`): on that field, or on the
 * form as a whole for one the editor does not show (period, provisional, an unknown key).
 */
export function cellFieldOf(serverField: string): CellField | 'root' {
  return (CELL_FIELDS as readonly string[]).includes(serverField)
    ? (serverField as CellField)
    : 'root';
}
