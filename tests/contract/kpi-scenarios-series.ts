import { expect, it } from 'vitest';
import type { KpiSeriesResponse } from '@domain/contract/kpi';
import { type KpiScenarioContext } from './kpi-client';

/** Positive counts under the demo programme's threshold (10) are hidden from observers. */
const isSmall = (n: number | null) => n !== null && n > 0 && n < 10;

export function defineSeriesScenarios({ api, demo, target, as }: KpiScenarioContext): void {
  const series = (kpiId: string, query = '') =>
    api.get('getKpiSeries', `/kpis/${kpiId}/series${query}`);

  it('draws one line per consortium tracking the KPI, with targets and statuses', async () => {
    await target().reset();
    const kpi = demo().kpi('RH30');
    const all = await series(kpi.id);
    expect(all.kpi).toEqual(await api.get('getKpi', `/kpis/${kpi.id}`));
    expect(all.series.length).toBeGreaterThanOrEqual(2);
    for (const line of all.series) {
      expect(line.settings?.kpiId).toBe(kpi.id);
      expect(line.downsampled).toBe(false);
      expect(line.totalPoints).toBe(line.points.length);
      const { items } = await api.get(
        'listKpiValues',
        `/consortia/${line.consortium.id}/kpis/${kpi.id}/values`,
      );
      expect(line.points.map((p) => [p.period, p.value])).toEqual(
        items.map((v) => [v.period, v.value]),
      );
      expect(line.points.some((p) => p.target !== null && p.status !== 'no_data')).toBe(true);
    }
    const one = await series(kpi.id, `?consortia=${all.series[0]!.consortium.id}`);
    expect(one.series).toEqual([all.series[0]]);
    // Asking for some consortia gives exactly their lines of the whole answer, in its order,
    // whatever the order asked in; unknown ids add nothing.
    const ids = all.series.map((line) => line.consortium.id);
    const some = await series(kpi.id, `?consortia=${[...ids].reverse().join(',')},nope`);
    expect(some).toEqual(all);
    expect((await series(kpi.id, '?consortia=nope')).series).toEqual([]);
  });

  it('downsamples to maxPoints, keeping the first and last points and the version break', async () => {
    await target().reset();
    const kpi = demo().kpi('PAT_INC');
    const full = (await series(kpi.id, `?consortia=${demo().a}`)).series[0]!;
    expect(full.points.length).toBeGreaterThan(6);
    const versions = [...new Set(full.points.map((p) => p.definitionVersion))];
    expect(versions).toEqual([1, 2]);
    const firstOfV2 = full.points.find((p) => p.definitionVersion === 2)!;
    for (const maxPoints of [3, 5]) {
      const line = (await series(kpi.id, `?consortia=${demo().a}&maxPoints=${maxPoints}`))
        .series[0]!;
      expect(line.points.length).toBeLessThanOrEqual(maxPoints);
      expect(line).toMatchObject({ totalPoints: full.points.length, downsampled: true });
      expect(line.points[0]).toEqual(full.points[0]);
      expect(line.points.at(-1)).toEqual(full.points.at(-1));
      expect(line.points).toContainEqual(firstOfV2);
      const periods = full.points.map((p) => p.period);
      const kept = line.points.map((p) => periods.indexOf(p.period));
      expect(kept).toEqual([...kept].sort((x, y) => x - y));
      expect(kept).not.toContain(-1);
    }
    const windowed = (
      await series(
        kpi.id,
        `?consortia=${demo().a}&from=${full.points[1]!.period}&to=${full.points[3]!.period}`,
      )
    ).series[0]!;
    expect(windowed.points).toEqual(full.points.slice(1, 4));
    for (const bad of ['maxPoints=2', 'maxPoints=lots', 'consortia=a b', 'from=tomorrow']) {
      api.refused(await api.send('GET', `/kpis/${kpi.id}/series?${bad}`), 400, 'validation_failed');
    }
    api.refused(await api.send('GET', '/kpis/no-such-kpi/series'), 404, 'not_found');
  });

  it('shows observers "< threshold" instead of small counts, with no target or status', async () => {
    await target().reset();
    const kpi = demo().kpi('TRANSF_URG');
    const query = `?consortia=${demo().c}`;
    const seen = (await series(kpi.id, query)).series[0]!;
    const small = seen.points.filter((p) => isSmall(p.numerator));
    expect(small.length).toBeGreaterThan(0);
    let observed: KpiSeriesResponse;
    await as('observer@jalon.test');
    try {
      observed = await series(kpi.id, query);
    } finally {
      await as();
    }
    const hidden = observed.series[0]!.points;
    expect(hidden.map((p) => p.period)).toEqual(seen.points.map((p) => p.period));
    for (const [i, p] of hidden.entries()) {
      const real = seen.points[i]!;
      if (isSmall(real.numerator) || isSmall(real.denominator)) {
        expect(p).toMatchObject({
          suppressed: true,
          value: null,
          numerator: null,
          denominator: null,
          target: null,
          status: null,
        });
      } else {
        expect(p).toEqual(real);
      }
    }
  });

  it("gives a lead only their own consortium's line", async () => {
    await target().reset();
    const kpi = demo().kpi('RH30');
    await as('lead@jalon.test');
    try {
      const mine = await series(kpi.id);
      expect(mine.series.map((s) => s.consortium.id)).toEqual([demo().a]);
      const asked = await series(kpi.id, `?consortia=${demo().b},${demo().a}`);
      expect(asked.series.map((s) => s.consortium.id)).toEqual([demo().a]);
      expect((await series(kpi.id, `?consortia=${demo().b}`)).series).toEqual([]);
    } finally {
      await as();
    }
  });
}
