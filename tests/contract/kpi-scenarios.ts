import { afterAll, beforeAll, describe } from 'vitest';
import { discoverKpiDemo, kpiClient, type KpiDemo, type KpiScenarioContext } from './kpi-client';
import { defineCatalogueScenarios } from './kpi-scenarios-catalogue';
import { defineSettingsScenarios } from './kpi-scenarios-settings';
import { defineSeriesScenarios } from './kpi-scenarios-series';
import { defineValueScenarios } from './kpi-scenarios-values';
import type { ContractTarget } from './target';

/**
 * The KPI routes of issue 6 as behaviour, run unchanged against the mocks, PGlite and
 * PostgreSQL: the catalogue, per-consortium targets, value lists and history, the chart series,
 * and every bad input of the issue on value entry. Scenarios that write reset the target first
 * and end signed in as the demo manager.
 */
export function defineKpiScenarios(makeTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget | null = null;
  let demo: KpiDemo | null = null;
  const ctx: KpiScenarioContext = {
    target: () => {
      if (!target) throw new Error('the KPI scenarios have no target yet');
      return target;
    },
    api: kpiClient(() => ctx.target()),
    demo: () => {
      if (!demo) throw new Error('the KPI scenarios have not discovered the demo yet');
      return demo;
    },
    as: (email) => ctx.target().signIn(email),
  };

  describe('KPI routes (issue 6)', () => {
    beforeAll(async () => {
      target = await makeTarget();
      await target.reset();
      await target.signIn();
      demo = await discoverKpiDemo(ctx.api);
    });
    afterAll(async () => {
      await target?.close();
    });

    describe('KPI catalogue', () => defineCatalogueScenarios(ctx));
    describe('KPI targets per consortium', () => defineSettingsScenarios(ctx));
    describe('KPI values and history', () => defineValueScenarios(ctx));
    describe('KPI series', () => defineSeriesScenarios(ctx));
  });
}
