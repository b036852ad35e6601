import {
  queryOptions,
  useMutation,
  useQueryClient,
  useSuspenseQuery,
  type QueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query';
import type {
  ConsortiumKpi,
  ConsortiumKpiInput,
  KpiDefinition,
  KpiDefinitionInput,
  KpiDefinitionPatch,
} from '@domain/contract/kpi';
import type { ApiError } from './errors';
import { request } from './http';
import { portfolioKeys } from './portfolio';
import { createQueryKeys } from './query-keys';

export const kpiKeys = {
  ...createQueryKeys('kpis'),
  /** Per-consortium summaries live under the KPI root so a catalogue change refreshes them too. */
  ofConsortium: (consortiumId: string) => [...kpiKeys.all, 'consortium', consortiumId] as const,
  /** Every current value of a consortium, all KPIs: what the entry grid reads. */
  values: (consortiumId: string) => [...kpiKeys.ofConsortium(consortiumId), 'values'] as const,
  history: (consortiumId: string, kpiId: string, period: string) =>
    [...kpiKeys.ofConsortium(consortiumId), 'history', kpiId, period] as const,
  seriesOf: (kpiId: string) => [...kpiKeys.all, 'series', kpiId] as const,
  series: (kpiId: string, filters: SeriesFilters) => [...kpiKeys.seriesOf(kpiId), filters] as const,
};

export interface SeriesFilters {
  /** One consortium's series; all the reader may see when absent. */
  consortiumId?: string;
  maxPoints?: number;
}

export const kpiCatalogueQueryOptions = (programmeId: string) =>
  queryOptions({
    queryKey: kpiKeys.list({ programmeId }),
    queryFn: async ({ signal }) =>
      (await request('listKpis', { query: { programmeId }, signal })).data,
  });

export const consortiumKpisQueryOptions = (consortiumId: string) =>
  queryOptions({
    queryKey: kpiKeys.ofConsortium(consortiumId),
    queryFn: async ({ signal }) =>
      (await request('listConsortiumKpis', { params: { consortiumId }, signal })).data,
  });

export const consortiumKpiValuesQueryOptions = (consortiumId: string) =>
  queryOptions({
    queryKey: kpiKeys.values(consortiumId),
    queryFn: async ({ signal }) =>
      (await request('listConsortiumKpiValues', { params: { consortiumId }, query: {}, signal }))
        .data,
  });

export const kpiValueHistoryQueryOptions = (consortiumId: string, kpiId: string, period: string) =>
  queryOptions({
    queryKey: kpiKeys.history(consortiumId, kpiId, period),
    queryFn: async ({ signal }) =>
      (
        await request('listKpiValueHistory', {
          params: { consortiumId, kpiId, period },
          signal,
        })
      ).data,
  });

export const kpiSeriesQueryOptions = (kpiId: string, filters: SeriesFilters = {}) =>
  queryOptions({
    queryKey: kpiKeys.series(kpiId, filters),
    queryFn: async ({ signal }) =>
      (
        await request('getKpiSeries', {
          params: { kpiId },
          query: {
            consortia: filters.consortiumId,
            maxPoints: filters.maxPoints === undefined ? undefined : String(filters.maxPoints),
          },
          signal,
        })
      ).data,
  });

export function useKpiCatalogue(programmeId: string) {
  return useSuspenseQuery(kpiCatalogueQueryOptions(programmeId)).data;
}

export function useConsortiumKpis(consortiumId: string) {
  return useSuspenseQuery(consortiumKpisQueryOptions(consortiumId)).data;
}

export function useConsortiumKpiValues(consortiumId: string) {
  return useSuspenseQuery(consortiumKpiValuesQueryOptions(consortiumId)).data;
}

export function useKpiSeries(kpiId: string, filters: SeriesFilters = {}) {
  return useSuspenseQuery(kpiSeriesQueryOptions(kpiId, filters)).data;
}

/** What a KPI's numbers feed: summaries, series, the portfolio's status counts. */
export function invalidateKpiReaders(queryClient: QueryClient, kpiId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: [...kpiKeys.all, 'consortium'] }),
    queryClient.invalidateQueries({ queryKey: kpiKeys.seriesOf(kpiId) }),
    queryClient.invalidateQueries({ queryKey: portfolioKeys.all }),
  ]);
}

type MutationOptions<T, V> = Omit<UseMutationOptions<T, ApiError, V>, 'mutationFn'>;

/** POST a new indicator to the programme's catalogue. */
export function useCreateKpi({
  onSuccess,
  ...options
}: MutationOptions<KpiDefinition, { programmeId: string; input: KpiDefinitionInput }> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: async ({ programmeId, input }) =>
      (await request('createKpi', { params: { programmeId }, body: input })).data,
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({ queryKey: kpiKeys.lists() });
      await onSuccess?.(...args);
    },
  });
}

export interface PatchKpiVariables {
  kpiId: string;
  /** The version the manager started editing from (If-Match). */
  version: number;
  patch: KpiDefinitionPatch;
}

/** PATCH a catalogue entry; a change of meaning carries `newVersion`. */
export function usePatchKpi({
  onSuccess,
  onError,
  ...options
}: MutationOptions<KpiDefinition, PatchKpiVariables> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: async ({ kpiId, version, patch }) =>
      (await request('patchKpi', { params: { kpiId }, body: patch, ifMatch: version })).data,
    onSuccess: async (...args) => {
      // Names, units and versions show wherever the KPI does: refresh everything under the root.
      await queryClient.invalidateQueries({ queryKey: kpiKeys.all });
      await onSuccess?.(...args);
    },
    onError: async (...args) => {
      // Someone saved first: reload the catalogue so the next save is made against their version.
      if (args[0].status === 412)
        await queryClient.invalidateQueries({ queryKey: kpiKeys.lists() });
      await onError?.(...args);
    },
  });
}

export interface PutConsortiumKpiVariables {
  consortiumId: string;
  kpiId: string;
  /** The settings' version when they exist (If-Match); null for a first setting. */
  version: number | null;
  input: ConsortiumKpiInput;
}

/** Baseline, target trajectory and tolerance bands of one KPI for one consortium. */
export function usePutConsortiumKpi({
  onSuccess,
  onError,
  ...options
}: MutationOptions<ConsortiumKpi, PutConsortiumKpiVariables> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: async ({ consortiumId, kpiId, version, input }) =>
      (
        await request('putConsortiumKpi', {
          params: { consortiumId, kpiId },
          body: input,
          ifMatch: version ?? undefined,
        })
      ).data,
    onSuccess: async (...args) => {
      await invalidateKpiReaders(queryClient, args[1].kpiId);
      await onSuccess?.(...args);
    },
    onError: async (...args) => {
      // Someone saved first: show what is stored now, so a second save is made against it.
      if (args[0].status === 412 || args[0].status === 428)
        await invalidateKpiReaders(queryClient, args[1].kpiId);
      await onError?.(...args);
    },
  });
}
