import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { request } from './http';
import { createQueryKeys } from './query-keys';

export const kpiKeys = {
  ...createQueryKeys('kpis'),
  /** Per-consortium summaries live under the KPI root so a catalogue change refreshes them too. */
  ofConsortium: (consortiumId: string) => [...kpiKeys.all, 'consortium', consortiumId] as const,
};

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

export function useKpiCatalogue(programmeId: string) {
  return useSuspenseQuery(kpiCatalogueQueryOptions(programmeId)).data;
}

export function useConsortiumKpis(consortiumId: string) {
  return useSuspenseQuery(consortiumKpisQueryOptions(consortiumId)).data;
}
