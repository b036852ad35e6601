import { queryOptions } from '@tanstack/react-query';
import type { Me } from '@domain/contract/auth';

/*
 * The signed-in person, kept free of the zod contract: the app shell reads it on every screen,
 * so the fetcher (and zod with it) is imported only when the query first runs.
 */

export const authKeys = {
  all: ['auth'] as const,
  me: ['auth', 'me'] as const,
};

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me,
    queryFn: async ({ signal }): Promise<Me> => (await import('./auth')).fetchMe(signal),
    // A 401 is an answer ("signed out"), not a failure a retry could fix.
    retry: false,
    staleTime: 5 * 60_000,
  });
