import { useMutation, useQueryClient } from '@tanstack/react-query';
import { KpiValue, type KpiDefinition, type KpiValueInput } from '@domain/contract/kpi';
import { computeValue } from '@domain/rules/kpi-values';
import { isApiError, type ApiError } from './errors';
import { request } from './http';
import { invalidateKpiReaders, kpiKeys } from './kpis';

export interface PutKpiValueVariables {
  consortiumId: string;
  kpi: KpiDefinition;
  period: string;
  input: KpiValueInput;
  /** The cell's version as the user read it (If-Match); null when the cell is empty. */
  version: number | null;
  /** Shown as the author of the optimistic value until the server's answer replaces it. */
  enteredBy: string;
}

type ValueList = { items: KpiValue[] };

/** The value the cell shows while the save is on its way: the rule's computation, not a guess. */
function optimisticValue(v: PutKpiValueVariables, previous: KpiValue | undefined): KpiValue {
  return {
    id: previous?.id ?? `pending-${v.kpi.id}-${v.period}`,
    consortiumId: v.consortiumId,
    kpiId: v.kpi.id,
    period: v.period,
    value: computeValue(v.kpi, v.input),
    numerator: v.input.numerator ?? null,
    denominator: v.input.denominator ?? null,
    suppressed: false,
    provisional: v.input.provisional,
    source: v.input.source,
    note: v.input.note,
    explanation: v.input.explanation,
    definitionVersion: previous?.definitionVersion ?? 1,
    revision: (previous?.revision ?? 0) + 1,
    enteredBy: v.enteredBy,
    enteredAt: new Date().toISOString(),
    version: previous?.version ?? 1,
  };
}

function withCell(list: ValueList | undefined, next: KpiValue): ValueList | undefined {
  if (!list) return list;
  const others = list.items.filter((x) => !(x.kpiId === next.kpiId && x.period === next.period));
  return { items: [...others, next] };
}

/**
 * PUT one cell of the entry grid, optimistically: the grid shows the new value at once, and the
 * snapshot comes back if the server refuses (the caller says why). If-Match is the version read.
 */
export function usePutKpiValue() {
  const queryClient = useQueryClient();
  return useMutation<KpiValue, ApiError, PutKpiValueVariables, { previous?: ValueList }>({
    mutationFn: async ({ consortiumId, kpi, period, input, version }) =>
      (
        await request('putKpiValue', {
          params: { consortiumId, kpiId: kpi.id, period },
          body: input,
          ifMatch: version ?? undefined,
        })
      ).data,
    onMutate: async (variables) => {
      const key = kpiKeys.values(variables.consortiumId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ValueList>(key);
      const cell = previous?.items.find(
        (x) => x.kpiId === variables.kpi.id && x.period === variables.period,
      );
      queryClient.setQueryData<ValueList>(key, (list) =>
        withCell(list, optimisticValue(variables, cell)),
      );
      return { previous };
    },
    onError: (_error, variables, context) => {
      if (context?.previous)
        queryClient.setQueryData(kpiKeys.values(variables.consortiumId), context.previous);
    },
    onSuccess: (saved, variables) => {
      queryClient.setQueryData<ValueList>(kpiKeys.values(variables.consortiumId), (list) =>
        withCell(list, saved),
      );
    },
    onSettled: async (_data, _error, variables) => {
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: kpiKeys.history(variables.consortiumId, variables.kpi.id, variables.period),
        }),
        invalidateKpiReaders(queryClient, variables.kpi.id),
      ]);
    },
  });
}

/** The value someone else saved first, from a 412 answer; null when the answer carries none. */
export function conflictingValue(error: unknown): KpiValue | null {
  if (!isApiError(error) || error.status !== 412) return null;
  const details = error.details as { current?: unknown } | undefined;
  const parsed = KpiValue.safeParse(details?.current);
  return parsed.success ? parsed.data : null;
}

export interface FieldProblem {
  field: string;
  code: string;
}

/**
 * The fields a refusal names (400 from the contract, 409 for a taken code, 422 from a rule), with
 * the rule's code, for messages in the user's language.
 */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!isApiError(error) || ![400, 409, 422].includes(error.status)) return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.flatMap((i: unknown) => {
    if (typeof i !== 'object' || i === null) return [];
    const { field, code } = i as { field?: unknown; code?: unknown };
    return typeof field === 'string' && typeof code === 'string' ? [{ field, code }] : [];
  });
}
