import { queryOptions, useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { InvitationRequest, UserSummary } from '@domain/contract/auth';
import { auditKeys } from './audit';
import { request } from './http';
import { createQueryKeys } from './query-keys';

export const userKeys = createQueryKeys('users');

export const usersQueryOptions = (programmeId: string) =>
  queryOptions({
    queryKey: userKeys.list({ programmeId }),
    queryFn: async ({ signal }) =>
      (await request('listUsers', { params: { programmeId }, signal })).data,
  });

export function useUsers(programmeId: string) {
  return useSuspenseQuery(usersQueryOptions(programmeId)).data;
}

/** Every account change is audited: the users list and the activity trail both refresh. */
function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: userKeys.all }),
      queryClient.invalidateQueries({ queryKey: auditKeys.all }),
    ]);
}

export function useInvite(programmeId: string) {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: async (body: Omit<InvitationRequest, 'programmeId'>) =>
      (
        await request('createInvitation', {
          params: { programmeId },
          body: { ...body, programmeId },
        })
      ).data,
    onSuccess: refresh,
  });
}

export function useSetUserDisabled(programmeId: string) {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: async ({ user, disabled }: { user: UserSummary; disabled: boolean }) =>
      (
        await request('patchUser', {
          params: { programmeId, userId: user.id },
          body: { disabled },
          ifMatch: user.version,
        })
      ).data,
    onSettled: refresh,
  });
}

export function useCreatePasswordReset(programmeId: string) {
  const refresh = useRefreshUsers();
  return useMutation({
    mutationFn: async (userId: string) =>
      (await request('createPasswordReset', { params: { programmeId, userId } })).data,
    onSuccess: refresh,
  });
}
