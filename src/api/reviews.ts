import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { request } from './http';
import { createQueryKeys } from './query-keys';

export const reviewKeys = createQueryKeys('reviews');

/** Submissions waiting for a manager, oldest first as the server sorts them. */
export const reviewsQueryOptions = (programmeId: string) =>
  queryOptions({
    queryKey: reviewKeys.list({ programmeId }),
    queryFn: async ({ signal }) =>
      (await request('listReviews', { query: { programmeId }, signal })).data,
  });

export function useReviews(programmeId: string) {
  return useSuspenseQuery(reviewsQueryOptions(programmeId)).data;
}
