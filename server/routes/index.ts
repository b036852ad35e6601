import { activityHandlers } from './activity';
import { authHandlers } from './auth';
import { consortiumHandlers } from './consortia';
import { kpiHandlers } from './kpis';
import { milestoneHandlers } from './milestones';
import { programmeHandlers } from './programmes';
import type { Handlers } from './types';
import { userHandlers } from './users';

/** One handler per route of the contract; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...programmeHandlers,
  ...consortiumHandlers,
  ...milestoneHandlers,
  ...kpiHandlers,
  ...authHandlers,
  ...userHandlers,
  ...activityHandlers,
};
