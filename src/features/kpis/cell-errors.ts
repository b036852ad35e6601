import type { FieldProblem } from '@/api/kpi-values';
import type { CellErrors, CellField } from './cell-draft';

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

const CELL_FIELDS: readonly (CellField | 'period')[] = [
  'value',
  'numerator',
  'denominator',
  'source',
  'note',
  'explanation',
  'period',
];

/**
 * A refusal naming fields (400 from the contract, 422 from a rule), placed on those fields. A
 * field the editor does not show (provisional, an unknown key) lands on the form as a whole.
 */
export function cellErrorsOf(problems: readonly FieldProblem[]): CellErrors {
  const errors: CellErrors = {};
  for (const p of problems) {
    const field = (CELL_FIELDS as readonly string[]).includes(p.field)
      ? (p.field as CellField | 'period')
      : 'period';
    errors[field] ??= p.code;
  }
  return errors;
}
