import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discoverMilestoneDemo,
  LEAD,
  milestoneClient,
  OBSERVER,
  type MilestoneDemo,
} from './milestone-client';
import type { ContractTarget } from './target';

/**
 * The portfolio heatmap on every target: every cell is the consortium's current value of that
 * period, a lead sees only their row, and a small count hidden from the reader bounds nothing.
 */
export function defineHeatmapScenarios(makeTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget | null = null;
  let demo: MilestoneDemo | null = null;
  const current = () => {
    if (!target) throw new Error('the heatmap scenarios have no target yet');
    return target;
  };
  const ids = () => {
    if (!demo) throw new Error('the heatmap scenarios have not discovered the demo yet');
    return demo;
  };
  const api = milestoneClient(current);
  const heatmap = (period: string) =>
    api.get('getHeatmap', `/programmes/${ids().programme}/heatmap?period=${period}`);

  describe('portfolio heatmap', () => {
    beforeAll(async () => {
      target = await makeTarget();
      await target.reset();
      await target.signIn();
      demo = await discoverMilestoneDemo(api);
    });
    afterAll(async () => {
      await target?.close();
    });

    it("shows each consortium's own value of the period for every KPI it tracks", async () => {
      await current().signIn();
      const map = await heatmap('2026-05');
      expect(map.consortia.length).toBeGreaterThan(1);
      const { items: values } = await api.get('listKpiValues', `/consortia/${ids().a}/kpi-values`);
      const { items: tracked } = await api.get('listConsortiumKpis', `/consortia/${ids().a}/kpis`);
      const row = map.cells.filter((c) => c.consortiumId === ids().a);
      expect(row.map((c) => c.kpiId).sort()).toEqual(tracked.map((t) => t.kpi.id).sort());
      for (const cell of row) {
        const entered = values.filter((v) => v.kpiId === cell.kpiId && v.period === cell.period);
        const latest = entered.sort((x, y) => y.revision - x.revision)[0];
        expect(cell.value, cell.kpiId).toBe(latest?.value ?? null);
        expect(cell.status === 'no_data', cell.kpiId).toBe(!latest || cell.target === null);
      }
      expect(
        row.some((c) => c.status === 'green' || c.status === 'red' || c.status === 'amber'),
      ).toBe(true);
    });

    it('gives a lead their row only, and hides small counts from the observer', async () => {
      await current().signIn(LEAD);
      const lead = await heatmap('2026-05');
      expect(lead.consortia.map((c) => c.id)).toEqual([ids().a]);
      expect(new Set(lead.cells.map((c) => c.consortiumId))).toEqual(new Set([ids().a]));

      await current().signIn(OBSERVER);
      const months = [
        '2025-10',
        '2025-11',
        '2025-12',
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
      ];
      const seen = await Promise.all(months.map(heatmap));
      const hidden = seen.flatMap((m) => m.cells.filter((c) => c.suppressed));
      expect(hidden.length).toBeGreaterThan(0);
      for (const cell of hidden) {
        expect(cell).toMatchObject({ value: null, target: null, status: null });
      }
      await current().signIn();
      const raw = (await Promise.all(months.map(heatmap))).flatMap((m) => m.cells);
      for (const cell of hidden) {
        const same = (c: typeof cell) =>
          c.consortiumId === cell.consortiumId &&
          c.kpiId === cell.kpiId &&
          c.period === cell.period;
        expect(raw.find(same)?.suppressed).toBe(false);
      }
    });

    it('refuses a malformed period by name', async () => {
      await current().signIn();
      const path = `/programmes/${ids().programme}/heatmap`;
      api.refused(
        await api.send('GET', `${path}?period=2026-13`),
        400,
        'validation_failed',
        'period',
      );
      api.refused(await api.send('GET', path), 400, 'validation_failed', 'period');
    });
  });
}
