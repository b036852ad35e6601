import { MutationCache, QueryCache, QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isApiError } from '@/api/errors';
import { authKeys } from '@/api/session';

const MAX_RETRIES = 2;

/** Retries only what a retry can fix: network failures and 5xx. 4xx and contract mismatches are final. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && (error.isClientError || error.kind === 'unexpected_response'))
    return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(overrides: DefaultOptions['queries'] = {}): QueryClient {
  // A 401 from any request means the session ended (expired, signed out elsewhere, account
  // disabled): re-reading "me" makes the signed-in layout notice and send the person to sign in.
  const onError = (error: unknown, key?: readonly unknown[]) => {
    if (!isApiError(error) || !error.isUnauthenticated) return;
    if (key?.[0] === authKeys.all[0]) return;
    void client.invalidateQueries({ queryKey: authKeys.me });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => onError(error, mutation.options.mutationKey),
    }),
    defaultOptions: {
      queries: {
        // Programme data changes a few times a day; 30 s keeps navigation instant without going stale.
        staleTime: 30_000,
        retry: shouldRetry,
        ...overrides,
      },
    },
  });
  return client;
}
