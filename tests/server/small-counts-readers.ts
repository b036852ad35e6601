import type { TFunction } from 'i18next';
import { expect } from 'vitest';
import type {
  AuditEntry,
  ConsortiumKpiSummary,
  KpiDefinition,
  KpiSeriesResponse,
  KpiValue,
  Portfolio,
} from '@domain/contract';
import { isSmallCount } from '@domain/rules/small-counts';
import type { Client } from '@server/node/testing';
import { crossCsv } from '@/features/charts/chart-csv';

/* What a reader who may not see small counts reads, checked field by field on every read route. */

export const CONSORTIUM = 'ehpad-connect';

type Kind = Pick<KpiDefinition, 'unit' | 'aggregation'>;
type Numbers = { value?: unknown; numerator?: unknown; denominator?: unknown } | null;

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const countsPeople = (kind: Kind) => kind.aggregation !== 'rate' && kind.unit === 'count';

/** No count a reader may not see, in a value-shaped object. */
export function expectNoSmallCount(kind: Kind, side: Numbers, threshold: number, where: string) {
  if (!side) return;
  // Written out here rather than taken from the rule, so that a weakened rule fails this check.
  const counts =
    kind.aggregation === 'rate'
      ? [num(side.numerator), num(side.denominator)]
      : countsPeople(kind)
        ? [num(side.value)]
        : [];
  for (const n of counts) expect(isSmallCount(n, threshold), `${where}: ${n}`).toBe(false);
}

export async function getJson<T>(client: Client, path: string): Promise<T> {
  const res = await client.request('GET', `/api/v1${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** Every read route that returns this consortium's KPI numbers, checked for one reader. */
export async function expectNothingSmall(client: Client, kpis: KpiDefinition[], threshold: number) {
  const kind = new Map(kpis.map((k) => [k.id, k]));
  const values = await getJson<{ items: KpiValue[] }>(
    client,
    `/consortia/${CONSORTIUM}/kpi-values`,
  );
  for (const v of values.items) expectNoSmallCount(kind.get(v.kpiId)!, v, threshold, 'kpi-values');

  const summaries = await getJson<{ items: ConsortiumKpiSummary[] }>(
    client,
    `/consortia/${CONSORTIUM}/kpis`,
  );
  for (const s of summaries.items) {
    expectNoSmallCount(s.kpi, s.latest, threshold, `summary ${s.kpi.code}`);
    if (s.latest?.suppressed) expect([s.status, s.targetAtLatest]).toEqual([null, null]);
    if (countsPeople(s.kpi))
      expect(isSmallCount(s.settings.baseline?.value ?? null, threshold), s.kpi.code).toBe(false);
  }

  for (const kpi of kpis) {
    const { series } = await getJson<KpiSeriesResponse>(
      client,
      `/kpis/${kpi.id}/series?consortia=${CONSORTIUM}`,
    );
    for (const s of series) {
      if (countsPeople(kpi))
        expect(isSmallCount(s.settings?.baseline?.value ?? null, threshold)).toBe(false);
      for (const p of s.points) {
        expectNoSmallCount(kpi, p, threshold, `series ${kpi.code} ${p.period}`);
        if (p.suppressed) expect([p.target, p.status]).toEqual([null, null]);
      }
    }
  }

  const history = await getJson<{ items: AuditEntry[] }>(
    client,
    `/consortia/${CONSORTIUM}/history?limit=100`,
  );
  for (const e of history.items) {
    const named = e.after?.kpiId ?? e.before?.kpiId;
    const kpi = typeof named === 'string' ? kind.get(named) : undefined;
    if (!kpi) continue;
    for (const side of [e.before, e.after]) {
      if (e.entityType === 'kpiValue') expectNoSmallCount(kpi, side, threshold, `audit ${e.id}`);
      // A count left out is named as such, with the threshold the screens read "< N" from.
      for (const field of ['value', 'numerator', 'denominator'] as const) {
        const v = side?.[field];
        if (typeof v === 'object' && v !== null)
          expect(v, `audit ${e.id} ${field}`).toEqual({ hidden: 'belowThreshold', threshold });
      }
      const baseline = side?.baseline as Numbers | undefined;
      if (e.entityType === 'consortiumKpi' && countsPeople(kpi) && baseline)
        expect(isSmallCount(num(baseline.value), threshold), `audit ${e.id}`).toBe(false);
    }
  }
}

/** The portfolio card counts what the reader sees on the consortium page, nothing hidden more. */
export async function expectPortfolioAsSeen(client: Client, programmeId: string) {
  const { consortia } = await getJson<Portfolio>(client, `/programmes/${programmeId}/portfolio`);
  const card = consortia.find((c) => c.id === CONSORTIUM)!;
  const { items } = await getJson<{ items: ConsortiumKpiSummary[] }>(
    client,
    `/consortia/${CONSORTIUM}/kpis`,
  );
  const seen = { green: 0, amber: 0, red: 0, no_data: 0 };
  for (const s of items) if (s.status) seen[s.status]++;
  expect(card.kpis, 'portfolio card').toEqual(seen);
}

/** The chart CSV a manager downloads (who sees every count on screen) masks them as exports do. */
export async function expectCsvMasked(manager: Client, kpis: KpiDefinition[], threshold: number) {
  const t = ((key: string) => key) as unknown as TFunction;
  for (const kpi of kpis.filter((k) => countsPeople(k) || k.aggregation === 'rate')) {
    const { series } = await getJson<KpiSeriesResponse>(
      manager,
      `/kpis/${kpi.id}/series?consortia=${CONSORTIUM}`,
    );
    const [, ...lines] = crossCsv(t, kpi, series, threshold).trim().split('\r\n');
    for (const line of lines) {
      // Consortium, period, then value, numerator, denominator: the numbers that count people.
      const [, period, ...numbers] = line.split(',');
      const counts = kpi.aggregation === 'rate' ? numbers.slice(1, 3) : numbers.slice(0, 1);
      for (const n of counts) {
        const read = n === '' || n.startsWith('<') ? null : Number(n);
        expect(isSmallCount(read, threshold), `CSV ${kpi.code} ${period}: ${n}`).toBe(false);
      }
    }
  }
}
