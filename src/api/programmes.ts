import {
  queryOptions,
  useMutation,
  useQueryClient,
  useSuspenseQuery,
  type QueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Programme, ProgrammePatch } from '@domain/contract/programme';
import type { ApiError } from './errors';
import { request } from './http';
import { portfolioKeys } from './portfolio';
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

/**
 * Shows the stored programme at once wherever the list is cached, then refetches every copy: the
 * portfolio too, since its health reads the slippage tolerance.
 */
async function storeProgramme(queryClient: QueryClient, stored: Programme): Promise<void> {
  queryClient.setQueryData(
    programmesQueryOptions().queryKey,
    (list) => list && { ...list, items: list.items.map((p) => (p.id === stored.id ? stored : p)) },
  );
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: programmeKeys.all }),
    queryClient.invalidateQueries({ queryKey: portfolioKeys.all }),
  ]);
}

export interface PatchProgrammeVariables {
  programmeId: string;
  /** The version the manager started editing from, sent as If-Match (412 when someone got there first). */
  version: number;
  patch: ProgrammePatch;
}

type PatchProgrammeOptions = Omit<
  UseMutationOptions<Programme, ApiError, PatchProgrammeVariables>,
  'mutationFn'
>;

/** PATCH /programmes/:id with If-Match; the caller's onSuccess runs after the cache work. */
export function usePatchProgramme({ onSuccess, ...options }: PatchProgrammeOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: async ({ programmeId, version, patch }: PatchProgrammeVariables) =>
      (await request('patchProgramme', { params: { programmeId }, body: patch, ifMatch: version }))
        .data,
    onSuccess: async (...args) => {
      await storeProgramme(queryClient, args[0]);
      await onSuccess?.(...args);
    },
  });
}

/** Adopts the version someone else saved (the `current` of a 412 answer). */
export function useAdoptCurrentProgramme() {
  const queryClient = useQueryClient();
  return useCallback((current: Programme) => storeProgramme(queryClient, current), [queryClient]);
}
