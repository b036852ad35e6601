import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { request } from './http';
import { createQueryKeys } from './query-keys';

export const consortiumKeys = createQueryKeys('consortia');

export const consortiaQueryOptions = (programmeId: string) =>
  queryOptions({
    queryKey: consortiumKeys.list({ programmeId }),
    queryFn: async ({ signal }) =>
      (await request('listConsortia', { query: { programmeId }, signal })).data,
  });

export const consortiumQueryOptions = (consortiumId: string) =>
  queryOptions({
    queryKey: consortiumKeys.detail(consortiumId),
    queryFn: async ({ signal }) =>
      (await request('getConsortium', { params: { consortiumId }, signal })).data,
  });

export function useConsortia(programmeId: string) {
  return useSuspenseQuery(consortiaQueryOptions(programmeId)).data;
}

export function useConsortium(consortiumId: string) {
  return useSuspenseQuery(consortiumQueryOptions(consortiumId)).data;
}
