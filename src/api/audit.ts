import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage, AuditQuery } from '@domain/contract/auth';
import { request } from './http';
import { createQueryKeys } from './query-keys';

export const auditKeys = createQueryKeys('audit');

/** The filters a reader sets on the Activity page; paging is the query's own business. */
export type ActivityFilters = Pick<
  AuditQuery,
  'consortiumId' | 'actorId' | 'action' | 'from' | 'to'
>;

const PAGE_SIZE = 25;

/** Newest first; each page's `nextBefore` opens the older one, until it is null. */
const paging = {
  initialPageParam: undefined as number | undefined,
  getNextPageParam: (last: AuditPage) => last.nextBefore ?? undefined,
};

export const activityQueryOptions = (programmeId: string, filters: ActivityFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list({ programmeId, ...filters }),
    queryFn: async ({ signal, pageParam }) =>
      (
        await request('listActivity', {
          params: { programmeId },
          query: { ...filters, before: pageParam, limit: PAGE_SIZE },
          signal,
        })
      ).data,
    ...paging,
  });

export const consortiumHistoryQueryOptions = (consortiumId: string) =>
  infiniteQueryOptions({
    queryKey: [...auditKeys.details(), 'consortium', consortiumId] as const,
    queryFn: async ({ signal, pageParam }) =>
      (
        await request('consortiumHistory', {
          params: { consortiumId },
          query: { before: pageParam, limit: PAGE_SIZE },
          signal,
        })
      ).data,
    ...paging,
  });

export function useActivity(programmeId: string, filters: ActivityFilters) {
  return useSuspenseInfiniteQuery(activityQueryOptions(programmeId, filters));
}

export function useConsortiumHistory(consortiumId: string) {
  return useSuspenseInfiniteQuery(consortiumHistoryQueryOptions(consortiumId));
}
