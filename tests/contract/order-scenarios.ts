import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareConsortia,
  compareKpis,
  compareMilestones,
  compareReportingPeriods,
  compareText,
} from '@domain/rules/ordering';
import { NEW_KPI } from './kpi-scenarios-catalogue';
import { discoverMilestoneDemo, milestoneClient, type MilestoneDemo } from './milestone-client';
import type { ContractTarget } from './target';

const sorted = <T>(items: readonly T[], compare: (a: T, b: T) => number): T[] =>
  [...items].sort(compare);

/**
 * Lists come back in the order the rules document (src/domain/rules/ordering.ts), on every target:
 * the server sorts with the same compare functions as the UI, never by the database's collation.
 */
export function defineOrderScenarios(makeTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget | null = null;
  let demo: MilestoneDemo | null = null;
  const current = () => {
    if (!target) throw new Error('the order scenarios have no target yet');
    return target;
  };
  const ids = () => {
    if (!demo) throw new Error('the order scenarios have not discovered the demo yet');
    return demo;
  };
  const api = milestoneClient(current);

  describe('list order', () => {
    beforeAll(async () => {
      target = await makeTarget();
      await target.reset();
      await target.signIn();
      demo = await discoverMilestoneDemo(api);
    });
    afterAll(async () => {
      await target?.close();
    });

    it("lists a consortium's milestones in plan order, J2 before J10", async () => {
      const { items } = await api.get('listMilestones', `/consortia/${ids().a}/milestones`);
      expect(items.map((m) => m.code)).toEqual(Array.from({ length: 12 }, (_, i) => `J${i}`));
      expect(items).toEqual(sorted(items, compareMilestones));
    });

    it("lists a programme's milestones by consortium code, then in plan order", async () => {
      const { items: consortia } = await api.get(
        'listConsortia',
        `/consortia?programmeId=${ids().programme}`,
      );
      const code = new Map(consortia.map((c) => [c.id, c.code]));
      const { items } = await api.get(
        'listProgrammeMilestones',
        `/programmes/${ids().programme}/milestones`,
      );
      expect(items.length).toBeGreaterThan(12);
      expect(items).toEqual(
        sorted(
          items,
          (a, b) =>
            compareText(code.get(a.consortiumId) ?? '', code.get(b.consortiumId) ?? '') ||
            compareMilestones(a, b),
        ),
      );
    });

    it('lists consortia by code', async () => {
      const { items } = await api.get('listConsortia', '/consortia');
      expect(items.length).toBeGreaterThan(1);
      expect(items).toEqual(sorted(items, compareConsortia));
    });

    it('lists KPIs by code, character by character whatever the collation', async () => {
      await current().reset();
      const programme = ids().programme;
      // PROB before PRO_ACT by code unit; a locale-aware collation ignores the _ and swaps them.
      api.ok(
        await api.send('POST', `/programmes/${programme}/kpis`, {
          body: { ...NEW_KPI, code: 'PROB' },
        }),
        'createKpi',
      );
      const { items } = await api.get('listKpis', `/kpis?programmeId=${programme}`);
      const codes = items.map((k) => k.code);
      expect(codes.indexOf('PROB')).toBeLessThan(codes.indexOf('PRO_ACT'));
      expect(items).toEqual(sorted(items, compareKpis));
    });

    it('lists reporting periods oldest first', async () => {
      const { items } = await api.get('listPeriods', `/programmes/${ids().programme}/periods`);
      expect(items.length).toBeGreaterThan(1);
      expect(items).toEqual(sorted(items, compareReportingPeriods));
    });
  });
}
