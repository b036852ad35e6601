import { defineKpiScenarios } from './kpi-scenarios';
import { defineMilestoneScenarios } from './milestone-scenarios';
import { defineOrderScenarios } from './order-scenarios';
import { defineHeatmapScenarios } from './heatmap-scenarios';
import { definePeriodExportScenarios } from './period-export-scenarios';
import { definePeriodReportScenarios } from './period-report-scenarios';
import { definePeriodScenarios } from './period-scenarios';
import { defineProgrammeScenarios } from './programme-scenarios';
import { mockTarget } from './mock-target';
import { defineContractScenarios } from './scenarios';

/** The contract scenarios against the dev mocks: MSW in Node handing each request to the app. */
defineContractScenarios(mockTarget);
defineKpiScenarios(mockTarget);
defineMilestoneScenarios(mockTarget);
defineProgrammeScenarios(mockTarget);
defineOrderScenarios(mockTarget);
definePeriodScenarios(mockTarget);
definePeriodExportScenarios(mockTarget);
definePeriodReportScenarios(mockTarget);
defineHeatmapScenarios(mockTarget);
