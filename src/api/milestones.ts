import {
  infiniteQueryOptions,
  queryOptions,
  useMutation,
  useQueryClient,
  useSuspenseQueries,
  useSuspenseQuery,
  type QueryClient,
  type UseMutationOptions,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type {
  Milestone,
  MilestoneEvent,
  MilestonePatch,
  TransitionRequest,
} from '@domain/contract/milestone';
import { auditKeys } from './audit';
import type { ApiError } from './errors';
import { request } from './http';
import { portfolioKeys } from './portfolio';
import { createQueryKeys } from './query-keys';
import { reviewKeys } from './reviews';

export const milestoneKeys = {
  ...createQueryKeys('milestones'),
  events: (milestoneId: string) => [...milestoneKeys.detail(milestoneId), 'events'] as const,
  evidence: (milestoneId: string) => [...milestoneKeys.detail(milestoneId), 'evidence'] as const,
  plan: (consortiumId: string) => [...milestoneKeys.all, 'plan', consortiumId] as const,
  template: (programmeId: string) => [...milestoneKeys.all, 'template', programmeId] as const,
};

export const milestonesQueryOptions = (consortiumId: string) =>
  queryOptions({
    queryKey: milestoneKeys.list({ consortiumId }),
    queryFn: async ({ signal }) =>
      (await request('listMilestones', { params: { consortiumId }, signal })).data,
  });

export const programmeMilestonesQueryOptions = (programmeId: string) =>
  queryOptions({
    queryKey: milestoneKeys.list({ programmeId }),
    queryFn: async ({ signal }) =>
      (await request('listProgrammeMilestones', { params: { programmeId }, signal })).data,
  });

export const milestoneQueryOptions = (milestoneId: string) =>
  queryOptions({
    queryKey: milestoneKeys.detail(milestoneId),
    queryFn: async ({ signal }) =>
      (await request('getMilestone', { params: { milestoneId }, signal })).data,
  });

export const milestoneEventsQueryOptions = (milestoneId: string) =>
  queryOptions({
    queryKey: milestoneKeys.events(milestoneId),
    queryFn: async ({ signal }) =>
      (await request('listMilestoneEvents', { params: { milestoneId }, signal })).data,
  });

export const evidenceQueryOptions = (milestoneId: string) =>
  queryOptions({
    queryKey: milestoneKeys.evidence(milestoneId),
    queryFn: async ({ signal }) =>
      (await request('listEvidence', { params: { milestoneId }, signal })).data,
  });

const HISTORY_PAGE_SIZE = 25;

/** The audit entries of one milestone, newest first; filed under the audit keys it belongs to. */
export const milestoneHistoryQueryOptions = (milestoneId: string) =>
  infiniteQueryOptions({
    queryKey: [...auditKeys.details(), 'milestone', milestoneId] as const,
    queryFn: async ({ signal, pageParam }) =>
      (
        await request('milestoneHistory', {
          params: { milestoneId },
          query: { before: pageParam, limit: HISTORY_PAGE_SIZE },
          signal,
        })
      ).data,
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

export function useMilestones(consortiumId: string) {
  return useSuspenseQuery(milestonesQueryOptions(consortiumId)).data;
}

/** Milestone lists of several consortia, read in parallel (one request per consortium). */
export function useMilestonesOf(consortiumIds: readonly string[]) {
  return useSuspenseQueries({
    queries: consortiumIds.map((id) => milestonesQueryOptions(id)),
    combine: (results) => results.map((r) => r.data.items),
  });
}

export function useProgrammeMilestones(programmeId: string) {
  return useSuspenseQuery(programmeMilestonesQueryOptions(programmeId)).data;
}

export function useMilestone(milestoneId: string) {
  return useSuspenseQuery(milestoneQueryOptions(milestoneId)).data;
}

export function useMilestoneEvents(milestoneId: string) {
  return useSuspenseQuery(milestoneEventsQueryOptions(milestoneId)).data;
}

export function useEvidence(milestoneId: string) {
  return useSuspenseQuery(evidenceQueryOptions(milestoneId)).data;
}

/**
 * A milestone's status, dates and evidence count show up in its consortium's list, the programme
 * timeline, the portfolio's counts, the review queue and the audit trail: all of them are stale
 * once it changes. Its own events and evidence too.
 */
export function refreshMilestoneCopies(
  queryClient: QueryClient,
  milestoneId: string,
): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: milestoneKeys.events(milestoneId) }),
    queryClient.invalidateQueries({ queryKey: milestoneKeys.evidence(milestoneId) }),
    queryClient.invalidateQueries({ queryKey: milestoneKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: portfolioKeys.all }),
    queryClient.invalidateQueries({ queryKey: reviewKeys.all }),
    queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  ]);
}

export type MutationOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, ApiError, TVariables>,
  'mutationFn'
>;

/**
 * A mutation whose cache work belongs to the hook: `refresh` runs first, the caller's onSuccess
 * after it, never instead of it.
 */
export function useRefreshingMutation<TData, TVariables>(
  mutationFn: (variables: TVariables) => Promise<TData>,
  refresh: (queryClient: QueryClient, data: TData, variables: TVariables) => Promise<unknown>,
  { onSuccess, ...options }: MutationOptions<TData, TVariables>,
) {
  const queryClient = useQueryClient();
  return useMutation<TData, ApiError, TVariables>({
    ...options,
    mutationFn,
    onSuccess: async (...args) => {
      await refresh(queryClient, args[0], args[1]);
      await onSuccess?.(...args);
    },
  });
}

/** The response is the milestone as stored: set it, then refresh everything that shows it. */
function storeMilestone(queryClient: QueryClient, updated: Milestone): Promise<unknown> {
  queryClient.setQueryData(milestoneKeys.detail(updated.id), updated);
  return refreshMilestoneCopies(queryClient, updated.id);
}

export interface PatchMilestoneVariables {
  milestoneId: string;
  /** The version the user started editing from, sent as If-Match. */
  version: number;
  patch: MilestonePatch;
}

export function usePatchMilestone(
  options: MutationOptions<Milestone, PatchMilestoneVariables> = {},
) {
  return useRefreshingMutation(
    async ({ milestoneId, version, patch }: PatchMilestoneVariables) =>
      (await request('patchMilestone', { params: { milestoneId }, body: patch, ifMatch: version }))
        .data,
    storeMilestone,
    options,
  );
}

export interface TransitionVariables {
  milestoneId: string;
  version: number;
  transition: TransitionRequest;
}

export function useTransitionMilestone(
  options: MutationOptions<Milestone, TransitionVariables> = {},
) {
  return useRefreshingMutation(
    async ({ milestoneId, version, transition }: TransitionVariables) =>
      (
        await request('transitionMilestone', {
          params: { milestoneId },
          body: transition,
          ifMatch: version,
        })
      ).data,
    storeMilestone,
    options,
  );
}

export interface CommentVariables {
  milestoneId: string;
  comment: string;
}

export function useAddMilestoneComment(
  options: MutationOptions<MilestoneEvent, CommentVariables> = {},
) {
  return useRefreshingMutation(
    async ({ milestoneId, comment }: CommentVariables) =>
      (await request('addMilestoneComment', { params: { milestoneId }, body: { comment } })).data,
    (queryClient, event) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: milestoneKeys.events(event.milestoneId) }),
        queryClient.invalidateQueries({ queryKey: auditKeys.all }),
      ]),
    options,
  );
}

/**
 * Adopts the version someone else saved (the `current` of a 412 answer), then refreshes every
 * copy, so the page shows what is really stored.
 */
export function useAdoptCurrentMilestone() {
  const queryClient = useQueryClient();
  return useCallback((current: Milestone) => storeMilestone(queryClient, current), [queryClient]);
}
