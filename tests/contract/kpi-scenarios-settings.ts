import { expect, it } from 'vitest';
import type { ConsortiumKpiInput } from '@domain/contract/kpi';
import { addPeriods } from '@domain/rules/periods';
import { ifMatch, type KpiScenarioContext } from './kpi-client';

export function defineSettingsScenarios({ api, demo, target, as }: KpiScenarioContext): void {
  const path = (c: string, k: string) => `/consortia/${c}/kpis/${k}`;
  const put = (c: string, k: string, body: unknown, version?: number) =>
    api.send('PUT', path(c, k), { body, headers: ifMatch(version) });
  /** A KPI of the catalogue that Coord@Dom does not track yet, and Coord@Dom's dates. */
  const untracked = async () => {
    const { items } = await api.get('listConsortiumKpis', `/consortia/${demo().a}/kpis`);
    const tracked = new Set(items.map((s) => s.kpi.id));
    const kpi = demo().kpis.find((k) => !tracked.has(k.id) && k.frequency === 'monthly')!;
    const consortium = await api.get('getConsortium', `/consortia/${demo().a}`);
    return { kpi, consortium };
  };
  const settingsFor = (start: string): ConsortiumKpiInput => {
    const first = start.slice(0, 7);
    return {
      baseline: { value: 10, period: addPeriods(first, -1), source: 'Relevé avant le lancement' },
      targets: [
        { period: addPeriods(first, 12), value: 40 },
        { period: addPeriods(first, 6), value: 25 },
      ],
      tolerance: { mode: 'absolute', amber: 5, red: 10 },
    };
  };

  it('creates settings without If-Match, then updates them only with the current version', async () => {
    await target().reset();
    const { kpi, consortium } = await untracked();
    const body = settingsFor(consortium.startDate);
    const created = api.ok(await put(consortium.id, kpi.id, body), 'putConsortiumKpi');
    expect(created).toMatchObject({
      consortiumId: consortium.id,
      kpiId: kpi.id,
      baseline: body.baseline,
      tolerance: body.tolerance,
      version: 1,
    });
    // Kept in period order, whatever order they were sent in.
    expect(created.targets.map((t) => t.value)).toEqual([25, 40]);
    const { items } = await api.get('listConsortiumKpis', `/consortia/${consortium.id}/kpis`);
    expect(items.find((s) => s.kpi.id === kpi.id)?.settings).toEqual(created);

    const changed = { ...body, tolerance: { mode: 'relative', amber: 0.1, red: 0.2 } };
    api.refused(await put(consortium.id, kpi.id, changed), 428, 'precondition_required');
    api.refused(
      await put(consortium.id, kpi.id, changed, created.version + 3),
      412,
      'precondition_failed',
    );
    const reply = await put(consortium.id, kpi.id, changed, created.version);
    const updated = api.ok(reply, 'putConsortiumKpi');
    expect(updated).toMatchObject({ id: created.id, tolerance: changed.tolerance, version: 2 });
    expect(reply.etag).toBe('"2"');
  });

  it('refuses targets and bands that do not fit the KPI or the consortium (400)', async () => {
    await target().reset();
    const { kpi, consortium } = await untracked();
    const good = settingsFor(consortium.startDate);
    const quarter = `${consortium.startDate.slice(0, 4)}-Q3`;
    const cases: [unknown, string][] = [
      [{ ...good, targets: [{ period: quarter, value: 20 }] }, 'targets.0.period'],
      [{ ...good, targets: [{ period: '2090-01', value: 20 }] }, 'targets.0.period'],
      [{ ...good, targets: [{ period: good.baseline!.period, value: 20 }] }, 'targets.0.period'],
      [{ ...good, tolerance: { mode: 'absolute', amber: 10, red: 5 } }, 'tolerance.red'],
      [{ ...good, baseline: { ...good.baseline, period: '2025' } }, 'baseline.period'],
      [{ ...good, tolerance: { mode: 'absolute', amber: -1, red: 5 } }, 'tolerance.amber'],
    ];
    for (const [body, field] of cases)
      api.refused(await put(consortium.id, kpi.id, body), 400, 'validation_failed', field);
    const count = demo().kpi('PAT_INC');
    const { items } = await api.get('listConsortiumKpis', `/consortia/${consortium.id}/kpis`);
    const patInc = items.find((s) => s.kpi.id === count.id)!.settings;
    api.refused(
      await put(
        consortium.id,
        count.id,
        { ...good, targets: [{ period: good.targets[0]!.period, value: 12.5 }] },
        patInc.version,
      ),
      400,
      'validation_failed',
      'targets.0.value',
    );
    const after = await api.get('listConsortiumKpis', `/consortia/${consortium.id}/kpis`);
    expect(after.items).toEqual(items);
  });

  it('lets a lead set targets only where the programme allows it (403 here)', async () => {
    await target().reset();
    const { items } = await api.get('listConsortiumKpis', `/consortia/${demo().a}/kpis`);
    const own = items[0]!;
    await as('lead@jalon.test');
    try {
      const body = {
        baseline: own.settings.baseline,
        targets: own.settings.targets,
        tolerance: own.settings.tolerance,
      };
      api.refused(await put(demo().a, own.kpi.id, body, own.settings.version), 403, 'forbidden');
      api.refused(await put(demo().b, own.kpi.id, body, 1), 404, 'not_found');
    } finally {
      await as();
    }
    const after = await api.get('listConsortiumKpis', `/consortia/${demo().a}/kpis`);
    expect(after.items[0]!.settings).toEqual(own.settings);
  });
}
