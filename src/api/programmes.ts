import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { Programme } from '@domain/contract/programme';
import { request } from './http';
import { createQueryKeys } from './query-keys';

export const programmeKeys = {
  ...createQueryKeys('programmes'),
  periods: (programmeId: string) => [...programmeKeys.detail(programmeId), 'periods'] as const,
};

export const programmesQueryOptions = () =>
  queryOptions({
    queryKey: programmeKeys.lists(),
    queryFn: async ({ signal }) => (await request('listProgrammes', { signal })).data,
  });

export const periodsQueryOptions = (programmeId: string) =>
  queryOptions({
    queryKey: programmeKeys.periods(programmeId),
    queryFn: async ({ signal }) =>
      (await request('listPeriods', { params: { programmeId }, signal })).data,
  });

/**
 * The programme the screens show. Jalon serves one programme per installation today (the demo
 * seeds one); the first one listed is the current one, or null when none exists yet.
 */
export function currentProgramme(list: { items: Programme[] }): Programme | null {
  return list.items[0] ?? null;
}

export function useProgrammes() {
  return useSuspenseQuery(programmesQueryOptions()).data;
}

export function useCurrentProgramme(): Programme | null {
  return currentProgramme(useProgrammes());
}

export function usePeriods(programmeId: string) {
  return useSuspenseQuery(periodsQueryOptions(programmeId)).data;
}

/** For loaders: warms the programme list and returns the current programme. */
export async function ensureCurrentProgramme(queryClient: QueryClient): Promise<Programme | null> {
  return currentProgramme(await queryClient.ensureQueryData(programmesQueryOptions()));
}
