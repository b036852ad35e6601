import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Programme } from '@domain/contract/programme';
import { discoverKpiDemo, ifMatch, kpiClient, type KpiClient, type KpiDemo } from './kpi-client';
import type { ContractTarget, RequestOptions } from './target';

/**
 * Changing the programme's settings from Administration (PATCH /programmes/:id), run unchanged
 * against the mocks, PGlite and PostgreSQL: If-Match, refusals naming the field, the audit entry,
 * who may do it, and that a new rule applies from the next request.
 */
export function defineProgrammeScenarios(makeTarget: () => Promise<ContractTarget>): void {
  let target: ContractTarget | null = null;
  let demo: KpiDemo | null = null;
  const current = () => {
    if (!target) throw new Error('the programme scenarios have no target yet');
    return target;
  };
  const ids = () => {
    if (!demo) throw new Error('the programme scenarios have not discovered the demo yet');
    return demo;
  };
  const api: KpiClient = kpiClient(current);
  const as = (email?: string) => current().signIn(email);
  const path = () => `/programmes/${ids().programme}`;
  const read = () => api.get('getProgramme', path());
  const patch = (options: RequestOptions) => api.send('PATCH', path(), options);

  describe('Programme settings (issue 6)', () => {
    beforeAll(async () => {
      target = await makeTarget();
      await target.reset();
      await target.signIn();
      demo = await discoverKpiDemo(api);
    });
    afterAll(async () => {
      await target?.close();
    });

    it('updates the settings with If-Match, bumps the ETag and records only what changed', async () => {
      await current().reset();
      const before = await read();
      const changes = {
        smallCountThreshold: before.smallCountThreshold + 5,
        slippageToleranceDays: before.slippageToleranceDays + 15,
        leadsSetTargets: !before.leadsSetTargets,
        funder: '  Agence du numérique en santé  ',
      };
      const reply = await patch({ body: changes, headers: ifMatch(before.version) });
      const after = api.ok(reply, 'patchProgramme');
      expect(after).toEqual<Programme>({
        ...before,
        ...changes,
        funder: 'Agence du numérique en santé',
        version: before.version + 1,
        updatedAt: after.updatedAt,
      });
      expect(reply.etag).toBe(`"${after.version}"`);
      expect(await read()).toEqual(after);

      const trail = await api.get(
        'listActivity',
        `${path()}/audit?action=programme.update&entityType=programme`,
      );
      expect(trail.items).toHaveLength(1);
      expect(trail.items[0]).toMatchObject({
        action: 'programme.update',
        entityType: 'programme',
        entityId: before.id,
        consortiumId: null,
        before: {
          smallCountThreshold: before.smallCountThreshold,
          slippageToleranceDays: before.slippageToleranceDays,
          leadsSetTargets: before.leadsSetTargets,
          funder: before.funder,
        },
        after: {
          smallCountThreshold: changes.smallCountThreshold,
          slippageToleranceDays: changes.slippageToleranceDays,
          leadsSetTargets: changes.leadsSetTargets,
          funder: 'Agence du numérique en santé',
        },
      });
      expect(Object.keys(trail.items[0]!.after ?? {})).not.toContain('name');
    });

    it('filters the trail only by an action the server records (400 naming action)', async () => {
      const reply = await api.send('GET', `${path()}/audit?action=programme.delete`);
      api.refused(reply, 400, 'validation_failed', 'action');
    });

    it('answers a stale If-Match with 412 and the stored programme; 428 without it', async () => {
      await current().reset();
      const before = await read();
      const first = api.ok(
        await patch({ body: { slippageToleranceDays: 60 }, headers: ifMatch(before.version) }),
        'patchProgramme',
      );
      const stale = await patch({
        body: { slippageToleranceDays: 5 },
        headers: ifMatch(before.version),
      });
      api.refused(stale, 412, 'precondition_failed');
      const details = (stale.body as { error: { details: { current: unknown } } }).error.details;
      expect(details.current).toEqual(first);
      api.refused(
        await patch({ body: { slippageToleranceDays: 5 } }),
        428,
        'precondition_required',
      );
      expect(await read()).toEqual(first);
    });

    it('refuses values outside the contract, naming the field, and changes nothing', async () => {
      await current().reset();
      const before = await read();
      const headers = ifMatch(before.version);
      const bad: [Record<string, unknown>, string][] = [
        [{ smallCountThreshold: 0 }, 'smallCountThreshold'],
        [{ smallCountThreshold: 101 }, 'smallCountThreshold'],
        [{ smallCountThreshold: 2.5 }, 'smallCountThreshold'],
        [{ slippageToleranceDays: -1 }, 'slippageToleranceDays'],
        [{ slippageToleranceDays: 366 }, 'slippageToleranceDays'],
        [{ leadsSetTargets: 'yes' }, 'leadsSetTargets'],
        [{ name: '   ' }, 'name'],
        [{ startDate: '2025-01-01' }, 'startDate'],
        [{ version: 99 }, 'version'],
      ];
      for (const [body, field] of bad) {
        api.refused(await patch({ body, headers }), 400, 'validation_failed', field);
      }
      api.refused(await patch({ body: {}, headers }), 400, 'validation_failed');
      expect(await read()).toEqual(before);
    });

    it('lets only managers change the settings: 403 for the others, 404 for an unknown id', async () => {
      await current().reset();
      const before = await read();
      const body = { smallCountThreshold: 1 };
      try {
        for (const email of ['observer@jalon.test', 'lead@jalon.test', 'member@jalon.test']) {
          await as(email);
          api.refused(await patch({ body, headers: ifMatch(before.version) }), 403, 'forbidden');
        }
      } finally {
        await as();
      }
      api.refused(
        await api.send('PATCH', '/programmes/no-such-programme', { body, headers: ifMatch(1) }),
        404,
        'not_found',
      );
      expect(await read()).toEqual(before);
    });

    it('applies a new rule from the next request: leads may then set their own targets', async () => {
      await current().reset();
      const before = await read();
      expect(before.leadsSetTargets).toBe(false);
      const { items } = await api.get('listConsortiumKpis', `/consortia/${ids().a}/kpis`);
      const own = items[0]!;
      const settings = {
        baseline: own.settings.baseline,
        targets: own.settings.targets,
        tolerance: { mode: 'absolute', amber: 2, red: 4 },
      };
      const put = () =>
        api.send('PUT', `/consortia/${ids().a}/kpis/${own.kpi.id}`, {
          body: settings,
          headers: ifMatch(own.settings.version),
        });
      try {
        await as('lead@jalon.test');
        api.refused(await put(), 403, 'forbidden');
        await as();
        api.ok(
          await patch({ body: { leadsSetTargets: true }, headers: ifMatch(before.version) }),
          'patchProgramme',
        );
        await as('lead@jalon.test');
        const saved = api.ok(await put(), 'putConsortiumKpi');
        expect(saved.tolerance).toEqual(settings.tolerance);
      } finally {
        await as();
      }
    });
  });
}
