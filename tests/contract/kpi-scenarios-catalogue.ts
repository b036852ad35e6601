import { expect, it } from 'vitest';
import type { KpiDefinitionInput } from '@domain/contract/kpi';
import { addPeriods } from '@domain/rules/periods';
import { ifMatch, type KpiScenarioContext } from './kpi-client';

/** A well-formed new indicator: "home visits" counted each month. */
export const NEW_KPI: KpiDefinitionInput = {
  code: 'VISITES',
  name: { fr: 'Visites à domicile coordonnées', en: 'Coordinated home visits' },
  definition: {
    fr: 'Visites planifiées dans l’outil et réalisées dans le mois.',
    en: 'Visits planned in the tool and carried out in the month.',
  },
  unit: 'count',
  ratePer: null,
  direction: 'higher',
  aggregation: 'flow',
  frequency: 'monthly',
  decimals: 0,
  sourceType: 'vendor_log',
  reportingLagMonths: 0,
  validFrom: '2025-01',
};

export function defineCatalogueScenarios({ api, demo, target }: KpiScenarioContext): void {
  const create = (body: unknown) =>
    api.send('POST', `/programmes/${demo().programme}/kpis`, { body });
  const patch = (id: string, body: unknown, version?: number) =>
    api.send('PATCH', `/kpis/${id}`, { body, headers: ifMatch(version) });

  it('creates an indicator (201) with its first definition version', async () => {
    await target().reset();
    const created = api.ok(await create(NEW_KPI), 'createKpi');
    expect(created).toMatchObject({
      code: 'VISITES',
      programmeId: demo().programme,
      version: 1,
      definitionVersions: [{ version: 1, validFrom: '2025-01' }],
    });
    expect(await api.get('getKpi', `/kpis/${created.id}`)).toEqual(created);
    const { items } = await api.get('listKpis', `/kpis?programmeId=${demo().programme}`);
    expect(items.map((k) => k.code)).toContain('VISITES');
  });

  it('refuses a code the programme already uses (409 naming code)', async () => {
    await target().reset();
    api.refused(await create({ ...NEW_KPI, code: 'PAT_INC' }), 409, 'conflict', 'code');
    const { items } = await api.get('listKpis', `/kpis?programmeId=${demo().programme}`);
    expect(items.filter((k) => k.code === 'PAT_INC')).toHaveLength(1);
  });

  it('refuses units, rate bases and aggregations that do not go together (400)', async () => {
    await target().reset();
    const rate = { ...NEW_KPI, unit: 'rate', aggregation: 'rate', decimals: 1 };
    api.refused(await create(rate), 400, 'validation_failed', 'ratePer');
    api.refused(await create({ ...NEW_KPI, ratePer: 100 }), 400, 'validation_failed', 'ratePer');
    api.refused(
      await create({ ...NEW_KPI, aggregation: 'rate' }),
      400,
      'validation_failed',
      'aggregation',
    );
    api.refused(await create({ ...NEW_KPI, decimals: 2 }), 400, 'validation_failed', 'decimals');
    api.refused(
      await create({ ...NEW_KPI, validFrom: '2025-Q1' }),
      400,
      'validation_failed',
      'validFrom',
    );
    api.refused(await create({ ...NEW_KPI, code: 'lower case' }), 400, 'validation_failed', 'code');
    const { items } = await api.get('listKpis', `/kpis?programmeId=${demo().programme}`);
    expect(items.map((k) => k.code)).not.toContain('VISITES');
  });

  it('edits names in place with If-Match; 428 without, 412 when stale', async () => {
    await target().reset();
    const kpi = await api.get('getKpi', `/kpis/${demo().kpi('PRO_EQ').id}`);
    const name = { fr: 'Professionnels équipés', en: 'Professionals with an account' };
    api.refused(await patch(kpi.id, { name }), 428, 'precondition_required');
    const reply = await patch(kpi.id, { name, decimals: 0 }, kpi.version);
    const edited = api.ok(reply, 'patchKpi');
    expect(edited).toMatchObject({ name, version: kpi.version + 1 });
    expect(edited.definitionVersions).toEqual(kpi.definitionVersions);
    expect(reply.etag).toBe(`"${edited.version}"`);
    api.refused(await patch(kpi.id, { decimals: 0 }, kpi.version), 412, 'precondition_failed');
    expect(await api.get('getKpi', `/kpis/${kpi.id}`)).toEqual(edited);
    // A rate keeps its base when the edit leaves it out.
    const rate = await api.get('getKpi', `/kpis/${demo().kpi('URG').id}`);
    const renamed = api.ok(
      await patch(rate.id, { reportingLagMonths: 9 }, rate.version),
      'patchKpi',
    );
    expect(renamed).toMatchObject({ ratePer: rate.ratePer, reportingLagMonths: 9 });
  });

  it('needs a new version to change what is measured (422 naming newVersion)', async () => {
    await target().reset();
    const kpi = await api.get('getKpi', `/kpis/${demo().kpi('PRO_EQ').id}`);
    const definition = {
      fr: 'Professionnels ayant ouvert un compte et suivi la formation.',
      en: 'Professionals with an account who attended the training.',
    };
    api.refused(
      await patch(kpi.id, { definition }, kpi.version),
      422,
      'rule_violated',
      'newVersion',
    );
    api.refused(
      await patch(kpi.id, { direction: 'lower' }, kpi.version),
      422,
      'rule_violated',
      'newVersion',
    );
    const first = kpi.definitionVersions[0]!.validFrom;
    api.refused(
      await patch(
        kpi.id,
        { definition, newVersion: { validFrom: first, changeNote: 'Formation requise' } },
        kpi.version,
      ),
      422,
      'rule_violated',
      'newVersion.validFrom',
    );
    api.refused(
      await patch(kpi.id, { unit: 'rate', aggregation: 'rate', decimals: 1 }, kpi.version),
      400,
      'validation_failed',
      'ratePer',
    );
    expect(await api.get('getKpi', `/kpis/${kpi.id}`)).toEqual(kpi);
  });

  it('appends a definition version from a later period', async () => {
    await target().reset();
    const kpi = await api.get('getKpi', `/kpis/${demo().kpi('PRO_EQ').id}`);
    const validFrom = addPeriods(kpi.definitionVersions.at(-1)!.validFrom, 6);
    const newVersion = { validFrom, changeNote: 'Formation désormais requise' };
    const definition = {
      fr: 'Professionnels ayant ouvert un compte et suivi la formation.',
      en: 'Professionals with an account who attended the training.',
    };
    const edited = api.ok(await patch(kpi.id, { definition, newVersion }, kpi.version), 'patchKpi');
    expect(edited.definition).toEqual(definition);
    expect(edited.definitionVersions).toEqual([
      ...kpi.definitionVersions,
      { version: kpi.definitionVersions.length + 1, ...newVersion },
    ]);
  });
}
