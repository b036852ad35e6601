import { queryOptions, useSuspenseQueries, useSuspenseQuery } from '@tanstack/react-query';
import { request } from './http';
import { createQueryKeys } from './query-keys';

export const milestoneKeys = createQueryKeys('milestones');

export const milestonesQueryOptions = (consortiumId: string) =>
  queryOptions({
    queryKey: milestoneKeys.list({ consortiumId }),
    queryFn: async ({ signal }) =>
      (await request('listMilestones', { params: { consortiumId }, signal })).data,
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
