import { queryOptions, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type {
  Milestone,
  MilestoneCreate,
  MilestonePlan,
  MilestoneTemplate,
  MilestoneTemplateInput,
} from '@domain/contract/milestone';
import type { z } from 'zod';
import { auditKeys } from './audit';
import { request } from './http';
import { milestoneKeys, refreshMilestoneCopies, useRefreshingMutation } from './milestones';
import { portfolioKeys } from './portfolio';

/** A programme's milestone template and a consortium's plan: the manager's side of milestones. */

export const milestoneTemplateQueryOptions = (programmeId: string) =>
  queryOptions({
    queryKey: milestoneKeys.template(programmeId),
    queryFn: async ({ signal }) =>
      (await request('getMilestoneTemplate', { params: { programmeId }, signal })).data,
  });

export const milestonePlanQueryOptions = (consortiumId: string) =>
  queryOptions({
    queryKey: milestoneKeys.plan(consortiumId),
    queryFn: async ({ signal }) =>
      (await request('getMilestonePlan', { params: { consortiumId }, signal })).data,
  });

export function useMilestoneTemplate(programmeId: string) {
  return useSuspenseQuery(milestoneTemplateQueryOptions(programmeId)).data;
}

export function useMilestonePlan(consortiumId: string) {
  return useSuspenseQuery(milestonePlanQueryOptions(consortiumId)).data;
}

/** A plan change creates, dates or freezes milestones: the plan, every list and the portfolio move. */
function refreshPlan(queryClient: QueryClient, consortiumId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: milestoneKeys.plan(consortiumId) }),
    queryClient.invalidateQueries({ queryKey: milestoneKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: milestoneKeys.details() }),
    queryClient.invalidateQueries({ queryKey: portfolioKeys.all }),
    queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  ]);
}

function storePlan(queryClient: QueryClient, plan: MilestonePlan): Promise<unknown> {
  queryClient.setQueryData(milestoneKeys.plan(plan.consortiumId), plan);
  return refreshPlan(queryClient, plan.consortiumId);
}

export interface PutTemplateVariables {
  programmeId: string;
  version: number;
  template: MilestoneTemplateInput;
}

export function usePutMilestoneTemplate() {
  return useRefreshingMutation(
    async ({ programmeId, version, template }: PutTemplateVariables) =>
      (
        await request('putMilestoneTemplate', {
          params: { programmeId },
          body: template,
          ifMatch: version,
        })
      ).data,
    async (queryClient, saved: MilestoneTemplate) => {
      queryClient.setQueryData(milestoneKeys.template(saved.programmeId), saved);
      await queryClient.invalidateQueries({ queryKey: auditKeys.all });
    },
    {},
  );
}

/** Takes the template someone else saved (a 412's `current`) as the one shown. */
export function adoptTemplate(queryClient: QueryClient, current: MilestoneTemplate): void {
  queryClient.setQueryData(milestoneKeys.template(current.programmeId), current);
}

export function useApplyMilestoneTemplate() {
  return useRefreshingMutation(
    async ({ consortiumId }: { consortiumId: string }) =>
      (await request('applyMilestoneTemplate', { params: { consortiumId } })).data,
    storePlan,
    {},
  );
}

export function useApproveMilestonePlan() {
  return useRefreshingMutation(
    async ({ consortiumId, version }: { consortiumId: string; version: number }) =>
      (await request('approveMilestonePlan', { params: { consortiumId }, ifMatch: version })).data,
    storePlan,
    {},
  );
}

export interface CreateMilestoneVariables {
  consortiumId: string;
  milestone: z.input<typeof MilestoneCreate>;
}

export function useCreateMilestone() {
  return useRefreshingMutation(
    async ({ consortiumId, milestone }: CreateMilestoneVariables) =>
      (await request('createMilestone', { params: { consortiumId }, body: milestone })).data,
    (queryClient, created: Milestone) => refreshPlan(queryClient, created.consortiumId),
    {},
  );
}

export function useDeleteMilestone() {
  return useRefreshingMutation(
    async ({ milestone }: { milestone: Milestone }) =>
      (
        await request('deleteMilestone', {
          params: { milestoneId: milestone.id },
          ifMatch: milestone.version,
        })
      ).data,
    async (queryClient, _ok, { milestone }) => {
      queryClient.removeQueries({ queryKey: milestoneKeys.detail(milestone.id) });
      await Promise.all([
        refreshPlan(queryClient, milestone.consortiumId),
        refreshMilestoneCopies(queryClient, milestone.id),
      ]);
    },
    {},
  );
}
