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

/** The contract scenarios against the real server on an in-memory PGlite. */
defineContractScenarios(() => createTestServer({ database: 'pglite' }));
defineKpiScenarios(() => createTestServer({ database: 'pglite' }));
defineMilestoneScenarios(() => createTestServer({ database: 'pglite' }));
defineProgrammeScenarios(() => createTestServer({ database: 'pglite' }));
defineOrderScenarios(() => createTestServer({ database: 'pglite' }));
definePeriodScenarios(() => createTestServer({ database: 'pglite' }));
definePeriodExportScenarios(() => createTestServer({ database: 'pglite' }));
definePeriodReportScenarios(() => createTestServer({ database: 'pglite' }));
defineHeatmapScenarios(() => createTestServer({ database: 'pglite' }));
