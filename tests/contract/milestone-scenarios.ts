import { afterAll, beforeAll, describe } from 'vitest';
import {
  discoverMilestoneDemo,
  milestoneClient,
  type MilestoneDemo,
  type MilestoneScenarioContext,
} from './milestone-client';
import { defineEvidenceScenarios } from './milestone-scenarios-evidence';
import { defineLifecycleScenarios } from './milestone-scenarios-lifecycle';
import { definePlanScenarios } from './milestone-scenarios-plans';
import type { ContractTarget } from './target';

/**
 * The milestone routes of issue 5 as behaviour, run unchanged against the mocks, PGlite and
 * PostgreSQL: templates and plans, the lifecycle and its refusals, comments, evidence (links,
 * uploads, downloads) and the review queue. Scenarios that write reset the target first and
 * end signed in as the demo manager.
 */
export function defineMilestoneScenarios(makeTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget | null = null;
  let demo: MilestoneDemo | null = null;
  const ctx: MilestoneScenarioContext = {
    target: () => {
      if (!target) throw new Error('the milestone scenarios have no target yet');
      return target;
    },
    api: milestoneClient(() => ctx.target()),
    demo: () => {
      if (!demo) throw new Error('the milestone scenarios have not discovered the demo yet');
      return demo;
    },
    as: (email) => ctx.target().signIn(email),
    milestone: (id) => ctx.api.get('getMilestone', `/milestones/${id}`),
  };

  describe('milestone routes (issue 5)', () => {
    beforeAll(async () => {
      target = await makeTarget();
      await target.reset();
      await target.signIn();
      demo = await discoverMilestoneDemo(ctx.api);
    });
    afterAll(async () => {
      await target?.close();
    });

    describe('templates, plans and programme milestones', () => definePlanScenarios(ctx));
    describe('lifecycle, comments and reviews', () => defineLifecycleScenarios(ctx));
    describe('evidence', () => defineEvidenceScenarios(ctx));
  });
}
