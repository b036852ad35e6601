import { expect, it } from 'vitest';
import { addPeriods, comparePeriods } from '@domain/rules/periods';
import { ifMatch, type KpiScenarioContext } from './kpi-client';
import { NEW_KPI } from './kpi-scenarios-catalogue';

const ENTRY = { provisional: false, source: 'Scénario de contrat', explanation: 'Écart connu' };

export function defineValueScenarios({ api, demo, target }: KpiScenarioContext): void {
  const cell = (c: string, k: string, period: string) =>
    `/consortia/${c}/kpis/${k}/values/${period}`;
  const put = (c: string, k: string, period: string, body: unknown, version?: number) =>
    api.send('PUT', cell(c, k, period), { body, headers: ifMatch(version) });
  const consortiumValues = (c: string, query = '') =>
    api.get('listConsortiumKpiValues', `/consortia/${c}/kpi-values${query}`);
  const history = (c: string, k: string, period: string) =>
    api.get('listKpiValueHistory', `${cell(c, k, period)}/history`);

  it("lists a consortium's current values of every KPI, within from/to", async () => {
    await target().reset();
    const { items } = await consortiumValues(demo().a);
    expect(items.length).toBeGreaterThan(20);
    expect(new Set(items.map((v) => v.consortiumId))).toEqual(new Set([demo().a]));
    expect(new Set(items.map((v) => v.kpiId)).size).toBeGreaterThan(3);
    const cells = items.map((v) => `${v.kpiId}|${v.period}`);
    expect(new Set(cells).size).toBe(cells.length);
    const one = await api.get(
      'listKpiValues',
      `/consortia/${demo().a}/kpis/${demo().kpi('PAT_INC').id}/values`,
    );
    expect(items.filter((v) => v.kpiId === demo().kpi('PAT_INC').id)).toEqual(
      expect.arrayContaining(one.items),
    );
    const from = one.items[2]!.period;
    const to = one.items[4]!.period;
    const window = await consortiumValues(demo().a, `?from=${from}&to=${to}`);
    expect(window.items.length).toBeGreaterThan(0);
    for (const v of window.items) {
      expect(comparePeriods(v.period, from)).toBeGreaterThanOrEqual(0);
      expect(comparePeriods(v.period, to)).toBeLessThanOrEqual(0);
    }
    api.refused(
      await api.send('GET', `/consortia/${demo().a}/kpi-values?from=soon`),
      400,
      'validation_failed',
      'from',
    );
    api.refused(
      await api.send('GET', '/consortia/no-such-consortium/kpi-values'),
      404,
      'not_found',
    );
  });

  it('keeps the superseded value: the history lists both, newest first', async () => {
    await target().reset();
    const kpi = demo().kpi('PAT_INC');
    const { items } = await api.get(
      'listKpiValues',
      `/consortia/${demo().a}/kpis/${kpi.id}/values`,
    );
    const latest = items.at(-1)!;
    const corrected = api.ok(
      await put(
        demo().a,
        kpi.id,
        latest.period,
        { ...ENTRY, value: latest.value! + 4 },
        latest.version,
      ),
      'putKpiValue',
    );
    const revisions = (await history(demo().a, kpi.id, latest.period)).items;
    expect(revisions).toHaveLength(latest.revision + 1);
    expect(revisions[0]).toEqual(corrected);
    expect(revisions[1]).toEqual(latest);
    expect(revisions.map((v) => v.revision)).toEqual(
      [...revisions.map((v) => v.revision)].sort((a, b) => b - a),
    );
    const never = addPeriods(latest.period, 1);
    expect((await history(demo().a, kpi.id, never)).items).toEqual([]);
    api.refused(
      await api.send('GET', `${cell(demo().a, 'no-such-kpi', latest.period)}/history`),
      404,
      'not_found',
    );
  });

  it('refuses every bad input of the issue by name, and saves nothing', async () => {
    await target().reset();
    const a = demo().a;
    const patInc = demo().kpi('PAT_INC').id;
    const pps = demo().kpi('PPS').id;
    // A percentage entered as such (not from a fraction), for the "above 100" case.
    const share = api.ok(
      await api.send('POST', `/programmes/${demo().programme}/kpis`, {
        body: { ...NEW_KPI, code: 'PART_PPS', unit: 'percent', aggregation: 'stock', decimals: 1 },
      }),
      'createKpi',
    );
    const consortium = await api.get('getConsortium', `/consortia/${a}`);
    const start = consortium.startDate.slice(0, 7);
    api.ok(
      await api.send('PUT', `/consortia/${a}/kpis/${share.id}`, {
        body: {
          baseline: null,
          targets: [{ period: addPeriods(start, 12), value: 70 }],
          tolerance: { mode: 'absolute', amber: 5, red: 10 },
        },
      }),
      'putConsortiumKpi',
    );
    const before = await consortiumValues(a);
    const latest = before.items
      .filter((v) => v.kpiId === patInc)
      .sort((x, y) => comparePeriods(x.period, y.period))
      .at(-1)!;
    const next = addPeriods(latest.period, 1);
    const { items: periods } = await api.get(
      'listPeriods',
      `/programmes/${demo().programme}/periods`,
    );
    const locked = periods.find((p) => p.status === 'locked')!.period;
    const lockedValue = before.items.find((v) => v.kpiId === patInc && v.period === locked);

    const cases: [string, string, unknown, string, number?][] = [
      [patInc, next, { ...ENTRY, value: -3 }, 'value'],
      [patInc, next, { ...ENTRY, value: 10.5 }, 'value'],
      [share.id, next, { ...ENTRY, value: 120 }, 'value'],
      [pps, next, { ...ENTRY, numerator: 5, denominator: 0 }, 'denominator'],
      [pps, next, { ...ENTRY, numerator: 120, denominator: 100 }, 'numerator'],
      [pps, next, { ...ENTRY, numerator: 4.5, denominator: 100 }, 'numerator'],
      [pps, next, { ...ENTRY, value: 40 }, 'value'],
      [patInc, addPeriods(start, -2), { ...ENTRY, value: 10 }, 'period'],
      [patInc, `${next.slice(0, 4)}-Q2`, { ...ENTRY, value: 10 }, 'period'],
      [patInc, locked, { ...ENTRY, value: 10 }, 'period', lockedValue?.version],
      [patInc, next, { ...ENTRY, value: 0, explanation: '' }, 'explanation'],
    ];
    for (const [kpiId, period, body, field, version] of cases) {
      const reply = await put(a, kpiId, period, body, version);
      api.refused(reply, 422, 'rule_violated', field);
    }
    api.refused(
      await put(a, patInc, next, { ...ENTRY, value: 10, numerator: 3 }),
      422,
      'rule_violated',
      'numerator',
    );
    expect(await consortiumValues(a)).toEqual(before);
  });

  it('answers 412 with the current value to the second of two writers', async () => {
    await target().reset();
    const kpi = demo().kpi('PAT_INC');
    const { items } = await api.get(
      'listKpiValues',
      `/consortia/${demo().a}/kpis/${kpi.id}/values`,
    );
    const latest = items.at(-1)!;
    const first = api.ok(
      await put(
        demo().a,
        kpi.id,
        latest.period,
        { ...ENTRY, value: latest.value! + 1 },
        latest.version,
      ),
      'putKpiValue',
    );
    const second = await put(
      demo().a,
      kpi.id,
      latest.period,
      { ...ENTRY, value: latest.value! + 2 },
      latest.version,
    );
    api.refused(second, 412, 'precondition_failed');
    expect(
      (second.body as { error: { details: { current: unknown } } }).error.details.current,
    ).toEqual(first);
  });
}
