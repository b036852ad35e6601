import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AcceptRequest, LoginRequest, Me } from '@domain/contract/auth';
import { request } from './http';
import { authKeys } from './session';

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  return (await request('getMe', { signal })).data;
}

/**
 * Someone else's data must never show after a change of person: every cached read goes, except
 * the auth entries the sign-in or accept screen itself is showing (its link's details).
 */
function startSession(queryClient: QueryClient, me: Me): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.all[0] });
  queryClient.setQueryData(authKeys.me, me);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...authKeys.all, 'login'],
    mutationFn: async (body: LoginRequest) => (await request('login', { body })).data,
    onSuccess: (me) => startSession(queryClient, me),
  });
}

/**
 * `leave` moves to the sign-in page; the cache is emptied only once the signed-in screens are
 * gone, or they would re-read their data (and get 401s) on their way out.
 */
export function useLogout({ leave }: { leave: () => Promise<void> }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...authKeys.all, 'logout'],
    mutationFn: async () => (await request('logout')).data,
    onSuccess: async () => {
      await leave();
      queryClient.clear();
    },
  });
}

export const tokenQueryOptions = (token: string) =>
  queryOptions({
    queryKey: [...authKeys.all, 'token', token] as const,
    queryFn: async ({ signal }) => (await request('getToken', { params: { token }, signal })).data,
    retry: false,
    // A link is single-use: once accepted, asking again would say "used".
    staleTime: Infinity,
  });

export function useAcceptToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...authKeys.all, 'accept'],
    mutationFn: async (body: AcceptRequest) => (await request('acceptToken', { body })).data,
    onSuccess: (me) => startSession(queryClient, me),
  });
}
