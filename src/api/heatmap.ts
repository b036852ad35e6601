import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { request } from './http';
import { portfolioKeys } from './portfolio';

export const heatmapQueryOptions = (programmeId: string, period: string) =>
  queryOptions({
    queryKey: [...portfolioKeys.detail(programmeId), 'heatmap', period] as const,
    queryFn: async ({ signal }) =>
      (await request('getHeatmap', { params: { programmeId }, query: { period }, signal })).data,
  });

export function useHeatmap(programmeId: string, period: string) {
  return useSuspenseQuery(heatmapQueryOptions(programmeId, period)).data;
}
