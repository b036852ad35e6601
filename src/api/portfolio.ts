import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { request } from './http';
import { createQueryKeys } from './query-keys';

export const portfolioKeys = createQueryKeys('portfolio');

export const portfolioQueryOptions = (programmeId: string, asOf?: string) =>
  queryOptions({
    queryKey: [...portfolioKeys.detail(programmeId), { asOf }] as const,
    queryFn: async ({ signal }) =>
      (await request('getPortfolio', { params: { programmeId }, query: { asOf }, signal })).data,
  });

export function usePortfolio(programmeId: string, asOf?: string) {
  return useSuspenseQuery(portfolioQueryOptions(programmeId, asOf)).data;
}
