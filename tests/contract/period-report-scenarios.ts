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

/**
 * The steering-committee report on every target: what each role reads, and the archive a lock
 * requests (a version per lock, the earlier ones kept). Rendering the PDF is the Node server's
 * job, so these scenarios do not wait for the bytes: the server tests do.
 */
export function definePeriodReportScenarios(makeTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget | null = null;
  let demo: MilestoneDemo | null = null;
  const current = () => {
    if (!target) throw new Error('the report scenarios have no target yet');
    return target;
  };
  const ids = () => {
    if (!demo) throw new Error('the report scenarios have not discovered the demo yet');
    return demo;
  };
  const api = milestoneClient(current);
  const periodOf = (period: string) => periodByCode(api, ids().programme, period);
  const archivesOf = async (periodId: string) =>
    (await api.get('listReportArchives', `/periods/${periodId}/report/archives`)).items;

  describe('steering-committee report', () => {
    beforeAll(async () => {
      target = await makeTarget();
      await target.reset();
      await target.signIn();
      demo = await discoverMilestoneDemo(api);
    });
    afterAll(async () => {
      await target?.close();
    });

    it("reads every consortium for the manager and a lead's own only", async () => {
      const june = await periodOf('2026-06');
      const report = await api.get('getPeriodReport', `/periods/${june.id}/report`);
      expect(report.programme.id).toBe(ids().programme);
      expect(report.period.id).toBe(june.id);
      expect(report.consortia.length).toBeGreaterThan(1);
      expect(report.consortia.map((c) => c.id)).toContain(ids().a);

      await current().signIn(LEAD);
      const lead = await api.get('getPeriodReport', `/periods/${june.id}/report`);
      expect(lead.consortia.map((c) => c.id)).toEqual([ids().a]);
      await current().signIn();
    });

    it('requests an archive at each lock and keeps the earlier version', async () => {
      await current().reset();
      const may = await periodOf('2026-05');
      const path = `/periods/${may.id}`;
      expect(await archivesOf(may.id)).toEqual([]);

      const locked = api.ok(
        await api.send('POST', `${path}/lock`, { headers: ifMatch(may.version) }),
        'lockPeriod',
      );
      const [first, ...others] = await archivesOf(may.id);
      expect(others).toEqual([]);
      expect(first).toMatchObject({ periodId: may.id, version: 1, language: 'fr' });
      expect(['pending', 'ready']).toContain(first!.status);
      if (first!.status === 'pending') {
        const early = await api.send('GET', `${path}/report/archives/1`);
        expect(early.status, early.text).toBe(409);
        api.refused(
          await api.send('POST', `${path}/report/archives/1/retry`),
          422,
          'rule_violated',
          'status',
        );
      }

      const reopened = api.ok(
        await api.send('POST', `${path}/reopen`, {
          body: { reason: 'Valeur corrigée après le COPIL' },
          headers: ifMatch(locked.version),
        }),
        'reopenPeriod',
      );
      expect(await archivesOf(may.id)).toHaveLength(1);
      api.ok(
        await api.send('POST', `${path}/lock`, { headers: ifMatch(reopened.version) }),
        'lockPeriod',
      );
      const both = await archivesOf(may.id);
      expect(both.map((a) => a.version)).toEqual([1, 2]);
      expect(both[0]!.requestedAt).toBe(first!.requestedAt);
    });

    it('answers 404 for a version that was never requested', async () => {
      await current().signIn();
      const may = await periodOf('2026-05');
      const missing = await api.send('GET', `/periods/${may.id}/report/archives/9`);
      expect(missing.status, missing.text).toBe(404);
    });
  });
}
