import type { HttpHandler } from 'msw';
import { authHandlers } from './handlers/auth';
import { consortiumHandlers } from './handlers/consortia';
import { kpiHandlers } from './handlers/kpis';
import { evidenceHandlers } from './handlers/milestone-evidence';
import { milestonePlanHandlers } from './handlers/milestone-plans';
import { reviewHandlers } from './handlers/milestone-reviews';
import { milestoneHandlers } from './handlers/milestones';
import { programmeHandlers } from './handlers/programmes';
import { unknownApiPath, type HandlerContext } from './http';
import type { MockStore } from './store';

/** Every contract route over `store`, then a JSON 404 for anything else under /api/v1. */
export function createHandlers(
  store: MockStore,
  options: { latencyMs?: number } = {},
): HttpHandler[] {
  const ctx: HandlerContext = { store, latencyMs: options.latencyMs ?? 0 };
  return [
    ...programmeHandlers(ctx),
    ...consortiumHandlers(ctx),
    ...milestoneHandlers(ctx),
    ...milestonePlanHandlers(ctx),
    ...evidenceHandlers(ctx),
    ...reviewHandlers(ctx),
    ...kpiHandlers(ctx),
    ...authHandlers(ctx),
    unknownApiPath(),
  ];
}
