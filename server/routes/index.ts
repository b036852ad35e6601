import { activityHandlers } from './activity';
import { authHandlers } from './auth';
import { consortiumHandlers } from './consortia';
import { evidenceHandlers } from './evidence';
import { kpiCatalogueHandlers } from './kpi-catalogue';
import { kpiReadingHandlers } from './kpi-readings';
import { kpiHandlers } from './kpis';
import { milestonePlanHandlers } from './milestone-plans';
import { milestoneHandlers } from './milestones';
import { periodExportHandlers } from './period-exports';
import { periodHandlers } from './periods';
import { periodReportHandlers } from './period-report';
import { programmeHandlers } from './programmes';
import { reviewHandlers } from './reviews';
import type { Handlers } from './types';
import { userHandlers } from './users';

/** One handler per route of the contract; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...programmeHandlers,
  ...consortiumHandlers,
  ...milestoneHandlers,
  ...milestonePlanHandlers,
  ...evidenceHandlers,
  ...reviewHandlers,
  ...kpiHandlers,
  ...kpiCatalogueHandlers,
  ...kpiReadingHandlers,
  ...periodHandlers,
  ...periodExportHandlers,
  ...periodReportHandlers,
  ...authHandlers,
  ...userHandlers,
  ...activityHandlers,
};
