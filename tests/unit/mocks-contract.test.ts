import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody } from '@domain/contract/common';
import { API_PREFIX, buildPath, routes, type RouteName } from '@domain/contract/routes';
import { generateDemo } from '@domain/demo/generate';
import { mockStore, resetMockData, server } from '@mocks/node';
import { DEMO_TODAY } from '@tests/contract/target';

/** Every GET route, for every id of the demo, answers what its contract schema says. */
const demo = generateDemo({ today: DEMO_TODAY });
/** A live invitation link, planted in the store so getToken has something to answer. */
const TOKEN = 'a'.repeat(43);
// Downloads answer bytes, not JSON: the milestone scenarios check them.
const getRoutes = (Object.keys(routes) as RouteName[]).filter(
  (n) => routes[n].method === 'GET' && !('rawResponse' in routes[n]),
);
/** The demo manager runs the first programme; the next cohort has its own manager. */
const managed = (programmeId: string) => programmeId === demo.programmes[0]!.id;

function calls(): [RouteName, Record<string, string>, string][] {
  const out: [RouteName, Record<string, string>, string][] = [
    ['health', {}, ''],
    ['listProgrammes', {}, ''],
    ['listConsortia', {}, ''],
    ['listKpis', {}, ''],
    ['getMe', {}, ''],
    ['getToken', { token: TOKEN }, ''],
    ['listReviews', {}, ''],
  ];
  for (const p of demo.programmes.filter((x) => managed(x.id))) {
    const programmeId = p.id;
    out.push(['getProgramme', { programmeId }, ''], ['listPeriods', { programmeId }, '']);
    out.push(
      ['getPortfolio', { programmeId }, ''],
      ['getPortfolio', { programmeId }, `?asOf=${p.endDate}`],
    );
    out.push(['listUsers', { programmeId }, ''], ['listActivity', { programmeId }, '']);
    out.push(
      ['getMilestoneTemplate', { programmeId }, ''],
      ['listProgrammeMilestones', { programmeId }, ''],
    );
    out.push(
      ['listConsortia', {}, `?programmeId=${programmeId}`],
      ['listKpis', {}, `?programmeId=${programmeId}`],
    );
  }
  for (const c of demo.consortia.filter((x) => managed(x.programmeId))) {
    const consortiumId = c.id;
    out.push(['getConsortium', { consortiumId }, ''], ['listMilestones', { consortiumId }, '']);
    out.push(['getMilestonePlan', { consortiumId }, '']);
    out.push(
      ['listConsortiumKpis', { consortiumId }, ''],
      ['consortiumHistory', { consortiumId }, ''],
      ['listConsortiumKpiValues', { consortiumId }, ''],
    );
  }
  for (const s of demo.consortiumKpis)
    out.push(['listKpiValues', { consortiumId: s.consortiumId, kpiId: s.kpiId }, '']);
  for (const v of demo.kpiValues) {
    const cell = { consortiumId: v.consortiumId, kpiId: v.kpiId, period: v.period };
    if (v.revision > 1) out.push(['listKpiValueHistory', cell, '']);
  }
  for (const m of demo.milestones) {
    const milestoneId = m.id;
    out.push(['getMilestone', { milestoneId }, ''], ['listMilestoneEvents', { milestoneId }, '']);
    out.push(['listEvidence', { milestoneId }, ''], ['milestoneHistory', { milestoneId }, '']);
  }
  for (const k of demo.kpis) out.push(['getKpi', { kpiId: k.id }, '']);
  for (const k of demo.kpis) out.push(['getKpiSeries', { kpiId: k.id }, '']);
  return out;
}

describe('mock handlers', () => {
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    resetMockData();
    // Every route is guarded: read them as the demo manager, who may see all of them.
    mockStore.currentUserId = 'user-manager';
    mockStore.accounts.links.set(TOKEN, {
      kind: 'invitation',
      email: 'invitee@jalon.test',
      userId: null,
      programmeId: demo.programmes[0]!.id,
      membership: null,
      expiresAt: Date.now() + 60_000,
      used: false,
    });
  });
  afterAll(() => server.close());

  it('cover every GET route of the contract', () => {
    expect(new Set(calls().map(([name]) => name))).toEqual(new Set(getRoutes));
  });

  it('parse with their contract schema for every demo id', async () => {
    for (const [name, params, query] of calls()) {
      const path = `${API_PREFIX}${buildPath(routes[name].path, params)}${query}`;
      const res = await fetch(`http://jalon.test${path}`);
      expect(res.status, path).toBe(200);
      const parsed = routes[name].response.safeParse(await res.json());
      expect(parsed.success, `${path}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });

  it('implement every route of the contract, reads and writes alike', async () => {
    const sample: Record<string, string> = { period: '2026-01' };
    for (const name of Object.keys(routes) as RouteName[]) {
      const route = routes[name];
      const params = Object.fromEntries(
        [...route.path.matchAll(/:([A-Za-z]+)/g)].map(([, p]) => [p!, sample[p!] ?? 'unknown-id']),
      );
      const res = await fetch(`http://jalon.test${API_PREFIX}${buildPath(route.path, params)}`, {
        method: route.method,
        headers: { 'Content-Type': 'application/json' },
        body: route.method === 'GET' ? undefined : '{}',
      });
      const refusal = ApiErrorBody.safeParse(await res.json());
      // The catch-all answers "No route for …"; a route's own handler answers anything else.
      expect(refusal.data?.error.message ?? 'handled', name).not.toMatch(/^No route for/);
    }
  });

  it('serve the dataset the store was reset to', async () => {
    resetMockData('2027-01-20');
    expect(mockStore.today()).toBe('2027-01-20');
    // A reset ends the session; every data route needs one.
    mockStore.currentUserId = 'user-manager';
    const res = await fetch('http://jalon.test/api/v1/programmes/pascaline');
    expect(routes.getProgramme.response.parse(await res.json()).startDate).toBe('2025-05-01');
    resetMockData();
  });
});
