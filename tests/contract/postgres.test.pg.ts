import { createTestServer } from '@server/node/testing';
import { defineKpiScenarios } from './kpi-scenarios';
import { defineMilestoneScenarios } from './milestone-scenarios';
import { defineOrderScenarios } from './order-scenarios';
import { defineHeatmapScenarios } from './heatmap-scenarios';
import { definePeriodExportScenarios } from './period-export-scenarios';
import { definePeriodReportScenarios } from './period-report-scenarios';
import { definePeriodScenarios } from './period-scenarios';
import { defineProgrammeScenarios } from './programme-scenarios';
import { defineContractScenarios } from './scenarios';

/** The contract scenarios against the real server on PostgreSQL (DATABASE_URL, own schema). */
defineContractScenarios(() => createTestServer({ database: 'postgres' }));
defineKpiScenarios(() => createTestServer({ database: 'postgres' }));
defineMilestoneScenarios(() => createTestServer({ database: 'postgres' }));
defineProgrammeScenarios(() => createTestServer({ database: 'postgres' }));
defineOrderScenarios(() => createTestServer({ database: 'postgres' }));
definePeriodScenarios(() => createTestServer({ database: 'postgres' }));
definePeriodExportScenarios(() => createTestServer({ database: 'postgres' }));
definePeriodReportScenarios(() => createTestServer({ database: 'postgres' }));
defineHeatmapScenarios(() => createTestServer({ database: 'postgres' }));
