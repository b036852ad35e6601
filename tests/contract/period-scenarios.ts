import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discoverMilestoneDemo,
  ifMatch,
  LEAD,
  milestoneClient,
  periodByCode,
  type MilestoneDemo,
} from './milestone-client';
import type { ContractTarget } from './target';

const VALUE = { provisional: false, source: 'Registre', explanation: 'Saisie de contrôle' };

/**
 * The reporting cycle on every target: a manager opens a period, reads what each consortium still
 * owes, locks it (writes then refused), and reopens it only with a reason the trail keeps.
 */
export function definePeriodScenarios(makeTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget | null = null;
  let demo: MilestoneDemo | null = null;
  const current = () => {
    if (!target) throw new Error('the period scenarios have no target yet');
    return target;
  };
  const ids = () => {
    if (!demo) throw new Error('the period scenarios have not discovered the demo yet');
    return demo;
  };
  const api = milestoneClient(current);
  const periods = async () =>
    (await api.get('listPeriods', `/programmes/${ids().programme}/periods`)).items;
  const periodOf = (period: string) => periodByCode(api, ids().programme, period);
  const open = (body: unknown) =>
    api.send('POST', `/programmes/${ids().programme}/periods`, { body });

  describe('reporting periods', () => {
    beforeAll(async () => {
      target = await makeTarget();
      await target.reset();
      await target.signIn();
      demo = await discoverMilestoneDemo(api);
    });
    afterAll(async () => {
      await target?.close();
    });

    it('opens a quarter beside its months, and refuses a bad period by name', async () => {
      await current().reset();
      const created = api.ok(
        await open({ period: '2026-Q2', deadline: '2026-07-15' }),
        'createPeriod',
      );
      expect(created).toMatchObject({ period: '2026-Q2', status: 'open', version: 1 });
      expect(await periodOf('2026-Q2')).toEqual(created);
      const count = (await periods()).length;
      api.refused(
        await open({ period: '2026-Q2', deadline: '2026-07-20' }),
        422,
        'rule_violated',
        'period',
      );
      api.refused(
        await open({ period: '2026-Q3', deadline: '2026-06-30' }),
        422,
        'rule_violated',
        'deadline',
      );
      api.refused(
        await open({ period: '2090-01', deadline: '2090-02-15' }),
        422,
        'rule_violated',
        'period',
      );
      api.refused(
        await open({ period: '2026-13', deadline: '2027-01-15' }),
        400,
        'validation_failed',
        'period',
      );
      api.refused(await open({ period: '2026-Q3' }), 400, 'validation_failed', 'deadline');
      expect((await periods()).length).toBe(count);
    });

    it("lists what each consortium still owes, and a lead reads only their consortium's", async () => {
      await current().reset();
      const june = await periodOf('2026-06');
      const checklist = await api.get('getPeriodChecklist', `/periods/${june.id}/checklist`);
      const a = checklist.consortia.find((c) => c.consortium.id === ids().a)!;
      expect(checklist.consortia.length).toBeGreaterThan(1);
      const owed = a.kpiValues.find((v) => v.state === 'missing') ?? a.kpiValues[0];
      if (!owed) throw new Error('the demo owes nothing for 2026-06');
      const cell = `/consortia/${ids().a}/kpis/${owed.kpiId}/values/2026-06`;
      const { items: history } = await api.get('listKpiValueHistory', `${cell}/history`);
      const { items: tracked } = await api.get('listConsortiumKpis', `/consortia/${ids().a}/kpis`);
      const rate = tracked.find((t) => t.kpi.id === owed.kpiId)!.kpi.aggregation === 'rate';
      const body = rate ? { ...VALUE, numerator: 30, denominator: 60 } : { ...VALUE, value: 40 };
      api.ok(
        await api.send('PUT', cell, { body, headers: ifMatch(history[0]?.version) }),
        'putKpiValue',
      );
      const after = await api.get('getPeriodChecklist', `/periods/${june.id}/checklist`);
      const aAfter = after.consortia.find((c) => c.consortium.id === ids().a)!;
      expect(aAfter.kpiValues.map((v) => v.kpiId)).not.toContain(owed.kpiId);

      await current().signIn(LEAD);
      const lead = await api.get('getPeriodChecklist', `/periods/${june.id}/checklist`);
      expect(lead.consortia.map((c) => c.consortium.id)).toEqual([ids().a]);
      await current().signIn();
    });

    it('locks once; a locked cell and its target are refused; reopening needs a reason', async () => {
      await current().reset();
      const may = await periodOf('2026-05');
      const path = `/periods/${may.id}`;
      api.refused(await api.send('POST', `${path}/lock`), 428, 'precondition_required');
      const locked = api.ok(
        await api.send('POST', `${path}/lock`, { headers: ifMatch(may.version) }),
        'lockPeriod',
      );
      expect(locked).toMatchObject({ status: 'locked', version: may.version + 1 });
      expect(locked.lockedAt).not.toBeNull();
      api.refused(
        await api.send('POST', `${path}/lock`, { headers: ifMatch(locked.version) }),
        422,
        'rule_violated',
        'status',
      );
      api.refused(
        await api.send('PATCH', path, {
          body: { commentary: 'Trop tard' },
          headers: ifMatch(locked.version),
        }),
        422,
        'rule_violated',
        'status',
      );

      const { items } = await api.get('listConsortiumKpis', `/consortia/${ids().a}/kpis`);
      const monthly = items.find((s) => s.kpi.frequency === 'monthly' && s.kpi.unit === 'count')!;
      const cell = `/consortia/${ids().a}/kpis/${monthly.kpi.id}/values/2026-05`;
      const { items: history } = await api.get('listKpiValueHistory', `${cell}/history`);
      api.refused(
        await api.send('PUT', cell, {
          body: { ...VALUE, value: 41 },
          headers: ifMatch(history[0]?.version),
        }),
        422,
        'rule_violated',
        'period',
      );
      const { baseline, targets, tolerance, version } = monthly.settings;
      api.refused(
        await api.send('PUT', `/consortia/${ids().a}/kpis/${monthly.kpi.id}`, {
          body: {
            baseline,
            targets: targets.map((t) => ({ ...t, value: t.value + 5 })),
            tolerance,
          },
          headers: ifMatch(version),
        }),
        422,
        'rule_violated',
        'targets',
      );

      api.refused(
        await api.send('POST', `${path}/reopen`, { body: {}, headers: ifMatch(locked.version) }),
        400,
        'validation_failed',
        'reason',
      );
      api.refused(
        await api.send('POST', `${path}/reopen`, {
          body: { reason: '   ' },
          headers: ifMatch(locked.version),
        }),
        400,
        'validation_failed',
        'reason',
      );
      const reason = 'Le financeur demande une correction de PAT_INC';
      const reopened = api.ok(
        await api.send('POST', `${path}/reopen`, {
          body: { reason },
          headers: ifMatch(locked.version),
        }),
        'reopenPeriod',
      );
      expect(reopened).toMatchObject({ status: 'open', lockedAt: null, reopenReason: reason });
      api.refused(
        await api.send('POST', `${path}/reopen`, {
          body: { reason },
          headers: ifMatch(reopened.version),
        }),
        422,
        'rule_violated',
        'status',
      );
      api.ok(
        await api.send('PUT', cell, {
          body: { ...VALUE, value: 41 },
          headers: ifMatch(history[0]?.version),
        }),
        'putKpiValue',
      );
      const { items: trail } = await api.get(
        'listActivity',
        `/programmes/${ids().programme}/audit?entityType=period`,
      );
      expect(trail.map((e) => e.action).slice(0, 2)).toEqual(['period.reopen', 'period.lock']);
      expect(trail[0]!.after).toMatchObject({ reopenReason: reason, period: '2026-05' });
    });

    it('moves the deadline and keeps the commentary while open', async () => {
      await current().reset();
      const june = await periodOf('2026-06');
      const path = `/periods/${june.id}`;
      const patched = api.ok(
        await api.send('PATCH', path, {
          body: { deadline: '2026-07-20', commentary: 'Bonne dynamique sur Coord@Dom.' },
          headers: ifMatch(june.version),
        }),
        'patchPeriod',
      );
      expect(patched).toMatchObject({ deadline: '2026-07-20', version: june.version + 1 });
      expect(await api.get('getPeriod', path)).toEqual(patched);
      api.refused(
        await api.send('PATCH', path, {
          body: { deadline: '2026-05-31' },
          headers: ifMatch(patched.version),
        }),
        422,
        'rule_violated',
        'deadline',
      );
      api.refused(
        await api.send('PATCH', path, { body: {}, headers: ifMatch(patched.version) }),
        400,
        'validation_failed',
      );
    });
  });
}
