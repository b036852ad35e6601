import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Consortium } from '@domain/contract/consortium';
import { ConsortiumKpi, KpiSeriesResponse, KpiValue } from '@domain/contract/kpi';
import { generateDemo } from '@domain/demo/generate';
import { BENCH_CONSORTIUM_ID, BENCH_KPI_CODE, buildBenchSeries } from '@domain/demo/kpi-bench';
import { validateKpiValue } from '@domain/rules/kpi-values';
import { insertKpiSeries } from '@server/db/store';
import { createTestServer, type TestServer } from '@server/node/testing';
import { DEMO_TODAY } from '@tests/contract/target';

const NOW = `${DEMO_TODAY}T08:00:00.000Z`;

describe('the benchmark long series', () => {
  const demo = generateDemo({ today: DEMO_TODAY });
  const kpi = demo.kpis.find((k) => k.code === BENCH_KPI_CODE)!;

  it('is 10,000 monthly values that every rule accepts, ending last month', () => {
    const bench = buildBenchSeries(demo.programmes[0]!, kpi, 10_000, DEMO_TODAY, NOW);
    Consortium.parse(bench.consortium);
    ConsortiumKpi.parse(bench.settings);
    expect(bench.values).toHaveLength(10_000);
    expect(bench.values.at(-1)!.period).toBe('2026-05');
    expect(new Set(bench.values.map((v) => v.period)).size).toBe(10_000);
    for (const v of bench.values) {
      KpiValue.parse(v);
      const input = { value: v.value!, explanation: v.explanation };
      expect(validateKpiValue(kpi, input, v.period, bench.consortium, true)).toEqual([]);
    }
    expect(new Set(bench.values.map((v) => v.definitionVersion))).toEqual(new Set([1, 2]));
    expect(() => buildBenchSeries(demo.programmes[0]!, kpi, 0, DEMO_TODAY, NOW)).toThrow(
      RangeError,
    );
  });

  describe('loaded into the server (seed --kpi-series)', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await createTestServer({ database: 'pglite' });
      await server.signIn();
    });
    afterAll(async () => {
      await server?.close();
    });

    it('reaches a chart through the series endpoint downsampled to 500 points', async () => {
      const at = { today: DEMO_TODAY, now: NOW };
      // 2,000 rather than 10,000 keeps this file fast; the shape is the same.
      await insertKpiSeries(server.database.db, 2_000, at);
      await expect(insertKpiSeries(server.database.db, 10, at)).rejects.toThrow(/already loaded/);
      const res = await server.request(
        'GET',
        `/api/v1/kpis/${kpi.id}/series?consortia=${BENCH_CONSORTIUM_ID}`,
      );
      expect(res.status).toBe(200);
      const { series } = KpiSeriesResponse.parse(await res.json());
      expect(series).toHaveLength(1);
      expect(series[0]).toMatchObject({ totalPoints: 2_000, downsampled: true });
      expect(series[0]!.points).toHaveLength(500);
    });
  });
});
