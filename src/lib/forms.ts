import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { TEXT_INVALID_CHARACTER, UNSAFE_TEXT_MESSAGE } from '@domain/contract/common';
import type { FieldProblem } from '@/api/errors';
import { parseLocaleNumber } from './format';

/**
 * What the react-hook-form forms share: numbers typed the reader's way, and one reading of a
 * field's error, whether the form's schema or the server found it.
 */

/** The `type` of an error the server found: its zod code is kept in `message`. */
const SERVER = 'server';

/**
 * A number as the reader types it ("1 200", "2,5"), checked by the contract's own rule. The text
 * stays in the form, so "1 5" is shown back with its message; an empty or unreadable one is
 * refused here with the code `required` or `number`.
 */
export function localeNumber<Rule extends z.ZodType<number, number>>(rule: Rule) {
  return z
    .string()
    .transform((text, ctx) => {
      const value = parseLocaleNumber(text);
      if (typeof value === 'number') return value;
      ctx.addIssue({ code: 'custom', message: value === undefined ? 'required' : 'number' });
      return z.NEVER;
    })
    .pipe(rule);
}

export interface BrokenRule {
  /** The server names only the rule, not its bounds: forms may word it more generally. */
  fromServer: boolean;
  /** zod's issue code (`too_big`, `invalid_type`…) or the form's own (`required`, `number`). */
  code: string;
}

export function brokenRule(error: FieldError | undefined): BrokenRule | null {
  if (!error) return null;
  const message = error.message ?? '';
  if (error.type === SERVER) return { fromServer: true, code: message };
  // The contract's text rule is a `custom` issue too; zodResolver keeps only its message.
  if (error.type === 'custom' && message === UNSAFE_TEXT_MESSAGE) {
    return { fromServer: false, code: TEXT_INVALID_CHARACTER };
  }
  // A check of the form's own (a `custom` issue) names its rule in the message.
  return { fromServer: false, code: error.type === 'custom' ? message : String(error.type) };
}

/**
 * Puts the server's refusals on their fields. With `focus`, the first in the form's order takes
 * focus, as it does after the form's own check.
 */
export function showServerProblems<Values extends FieldValues>(
  setError: UseFormSetError<Values>,
  problems: readonly FieldProblem<Path<Values>>[],
  order: readonly Path<Values>[],
  focus: boolean,
): void {
  const first = order.find((field) => problems.some((p) => p.field === field));
  for (const { field, code } of problems) {
    setError(field, { type: SERVER, message: code }, { shouldFocus: focus && field === first });
  }
}
