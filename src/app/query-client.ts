import { QueryClient, type DefaultOptions } from '@tanstack/react-query';
import { isApiError } from '@/api/errors';

const MAX_RETRIES = 2;

/** Retries only what a retry can fix: network failures and 5xx. 4xx and contract mismatches are final. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && (error.isClientError || error.kind === 'unexpected_response'))
    return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(overrides: DefaultOptions['queries'] = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Programme data changes a few times a day; 30 s keeps navigation instant without going stale.
        staleTime: 30_000,
        retry: shouldRetry,
        ...overrides,
      },
    },
  });
}
