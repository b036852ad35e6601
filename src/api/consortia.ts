import {
  queryOptions,
  useMutation,
  useQueryClient,
  useSuspenseQuery,
  type QueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Consortium, ConsortiumPatch } from '@domain/contract/consortium';
import type { ApiError } from './errors';
import { request } from './http';
import { portfolioKeys } from './portfolio';
import { createQueryKeys } from './query-keys';

export const consortiumKeys = createQueryKeys('consortia');

export const consortiaQueryOptions = (programmeId: string) =>
  queryOptions({
    queryKey: consortiumKeys.list({ programmeId }),
    queryFn: async ({ signal }) =>
      (await request('listConsortia', { query: { programmeId }, signal })).data,
  });

export const consortiumQueryOptions = (consortiumId: string) =>
  queryOptions({
    queryKey: consortiumKeys.detail(consortiumId),
    queryFn: async ({ signal }) =>
      (await request('getConsortium', { params: { consortiumId }, signal })).data,
  });

export function useConsortia(programmeId: string) {
  return useSuspenseQuery(consortiaQueryOptions(programmeId)).data;
}

export function useConsortium(consortiumId: string) {
  return useSuspenseQuery(consortiumQueryOptions(consortiumId)).data;
}

/**
 * A consortium's name, territory and budget also appear in the programme's lists and portfolio:
 * once it changes, every cached copy outside its detail entry is stale.
 */
function invalidateConsortiumCopies(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: consortiumKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: portfolioKeys.all }),
  ]);
}

export interface PatchConsortiumVariables {
  consortiumId: string;
  /** The version the user started editing from, sent as If-Match (412 when someone got there first). */
  version: number;
  patch: ConsortiumPatch;
}

type PatchConsortiumOptions = Omit<
  UseMutationOptions<Consortium, ApiError, PatchConsortiumVariables>,
  'mutationFn'
>;

/**
 * PATCH /consortia/:id with If-Match. The hook owns the cache work: the caller's onSuccess runs
 * after it, never instead of it.
 */
export function usePatchConsortium({ onSuccess, ...options }: PatchConsortiumOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: async ({ consortiumId, version, patch }: PatchConsortiumVariables) =>
      (
        await request('patchConsortium', {
          params: { consortiumId },
          body: patch,
          ifMatch: version,
        })
      ).data,
    onSuccess: async (...args) => {
      const [updated] = args;
      // The response is the row as stored: no need to fetch it again.
      queryClient.setQueryData(consortiumKeys.detail(updated.id), updated);
      await invalidateConsortiumCopies(queryClient);
      await onSuccess?.(...args);
    },
  });
}

/**
 * Adopts the version someone else saved (the `current` of a 412 answer), then refreshes every
 * copy, so the page shows what is really stored.
 */
export function useAdoptCurrentConsortium() {
  const queryClient = useQueryClient();
  return useCallback(
    async (current: Consortium) => {
      queryClient.setQueryData(consortiumKeys.detail(current.id), current);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: consortiumKeys.detail(current.id) }),
        invalidateConsortiumCopies(queryClient),
      ]);
    },
    [queryClient],
  );
}
