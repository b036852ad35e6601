import { z } from 'zod';
import type { IsoDate, Period } from '@domain/contract/common';
import {
  KpiValueInput,
  type ConsortiumKpi,
  type KpiDefinition,
  type KpiStatus,
  type KpiValue,
} from '@domain/contract/kpi';
import { kpiStatus, targetAt } from '@domain/rules/kpi-status';
import { computeValue, validateKpiValue } from '@domain/rules/kpi-values';
import { parseLocaleNumber } from '@/lib/format';

/** What the cell editor holds: text as typed, so "12,5" and a half-typed number survive. */
const CellValues = z.object({
  value: z.string(),
  numerator: z.string(),
  denominator: z.string(),
  source: z.string(),
  note: z.string(),
  explanation: z.string(),
  provisional: KpiValueInput.shape.provisional,
});
export type CellDraft = z.infer<typeof CellValues>;

export type CellField = 'value' | 'numerator' | 'denominator' | 'source' | 'note' | 'explanation';

/** Field → the code of what is wrong with it (a rule code or a contract code). */
export type CellErrors = Partial<Record<CellField | 'period', string>>;

export function draftOf(current: KpiValue | null, defaultSource: string): CellDraft {
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
  return {
    value: current && current.numerator === null ? text(current.value) : '',
    numerator: text(current?.numerator),
    denominator: text(current?.denominator),
    source: current?.source ?? defaultSource,
    note: current?.note ?? '',
    explanation: current?.explanation ?? '',
    provisional: current?.provisional ?? false,
  };
}

export interface CellContext {
  kpi: KpiDefinition;
  settings: ConsortiumKpi;
  period: Period;
  consortium: { startDate: IsoDate; endDate: IsoDate };
}

export type DraftResult =
  | { ok: true; input: KpiValueInput; status: KpiStatus }
  | { ok: false; errors: CellErrors; status: KpiStatus };

/** The value the draft would store and its computed status, while the person types. */
export function previewOf(
  draft: CellDraft,
  ctx: CellContext,
): { value: number | null; status: KpiStatus } {
  const numbers = numbersOf(draft, ctx.kpi);
  const value = numbers.ok ? computeValue(ctx.kpi, numbers.input) : null;
  const status = kpiStatus(
    value,
    targetAt(ctx.settings, ctx.period),
    ctx.kpi.direction,
    ctx.settings.tolerance,
  );
  return { value, status };
}

type Numbers = Pick<KpiValueInput, 'value' | 'numerator' | 'denominator'>;

function numbersOf(
  draft: CellDraft,
  kpi: KpiDefinition,
): { ok: true; input: Numbers } | { ok: false; errors: CellErrors } {
  const fields: ('value' | 'numerator' | 'denominator')[] =
    kpi.aggregation === 'rate' ? ['numerator', 'denominator'] : ['value'];
  const input: Numbers = {};
  const errors: CellErrors = {};
  for (const f of fields) {
    const n = parseLocaleNumber(draft[f]);
    if (n === 'invalid') errors[f] = 'not_a_number';
    else if (n !== undefined) input[f] = n;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, input };
}

/**
 * Checks the draft with the same rules the server applies (the shared rulebook), so a refusal is
 * shown before the round trip; the server still decides.
 */
export function checkDraft(draft: CellDraft, ctx: CellContext): DraftResult {
  const { status } = previewOf(draft, ctx);
  const numbers = numbersOf(draft, ctx.kpi);
  if (!numbers.ok) return { ok: false, errors: numbers.errors, status };
  const input: KpiValueInput = {
    ...numbers.input,
    provisional: draft.provisional,
    source: draft.source.trim(),
    note: draft.note.trim(),
    explanation: draft.explanation.trim(),
  };
  const errors: CellErrors = {};
  if (!input.source) errors.source = 'source_required';
  for (const issue of validateKpiValue(
    ctx.kpi,
    input,
    ctx.period,
    ctx.consortium,
    status === 'red',
  ))
    errors[issue.field] ??= issue.code;
  return Object.keys(errors).length ? { ok: false, errors, status } : { ok: true, input, status };
}

/**
 * The editor's resolver: what was typed goes through `checkDraft` and comes out as the contract's
 * input. A refusal that names no field the editor shows (the period) is the form's as a whole.
 */
export function cellSchema(ctx: CellContext) {
  return CellValues.transform((draft, issues) => {
    const result = checkDraft(draft, ctx);
    if (result.ok) return result.input;
    for (const [field, code] of Object.entries(result.errors))
      issues.addIssue({
        code: 'custom',
        path: [field === 'period' ? 'root' : field],
        message: code,
      });
    return z.NEVER;
  });
}
