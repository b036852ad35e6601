import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX, buildPath, routes, type RouteName } from '@domain/contract/routes';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { sha256 } from '@server/auth/tokens';
import { MAX_BODY_BYTES } from '@server/http/body';
import { demo, mockApi, signInAs } from '@tests/support/mock-api';

/*
 * The dev mocks are the server's own app behind MSW: what is tested here is the wiring — the
 * session the bridge keeps like a browser's cookie jar, the server's own limits and checks — and
 * that every GET route answers its contract for every id of the demo.
 */
const API = `http://jalon.test${API_PREFIX}`;
/** A live invitation link, planted in the database so getToken has something to answer. */
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
    for (const period of new Set(demo.kpiValues.map((v) => v.period)))
      out.push(['getHeatmap', { programmeId }, `?period=${period}`]);
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
  for (const p of demo.periods.filter((x) => managed(x.programmeId))) {
    out.push(['getPeriod', { periodId: p.id }, ''], ['getPeriodChecklist', { periodId: p.id }, '']);
    out.push(
      ['getPeriodReport', { periodId: p.id }, ''],
      ['listReportArchives', { periodId: p.id }, ''],
    );
  }
  for (const k of demo.kpis) out.push(['getKpi', { kpiId: k.id }, '']);
  for (const k of demo.kpis) out.push(['getKpiSeries', { kpiId: k.id }, '']);
  return out;
}

beforeAll(() => mockApi.server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => mockApi.reset());
afterAll(async () => {
  mockApi.server.close();
  await mockApi.close();
});

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('the mock API', () => {
  it('keeps the session cookie like a browser, never showing it to the page', async () => {
    expect((await fetch(`${API}/auth/me`)).status).toBe(401);
    const login = await fetch(`${API}/auth/login`, {
      method: 'POST',
      ...json({ email: 'lead@jalon.test', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('Set-Cookie')).toBeNull();
    expect(mockApi.session.read()).toMatch(/^jalon_session=[A-Za-z0-9_-]{43}$/);
    expect(await (await fetch(`${API}/auth/me`)).json()).toMatchObject({
      email: 'lead@jalon.test',
    });
    expect((await fetch(`${API}/auth/logout`, { method: 'POST', ...json({}) })).status).toBe(200);
    expect(mockApi.session.read()).toBeNull();
    expect((await fetch(`${API}/auth/me`)).status).toBe(401);
  });

  it('refuses what the server refuses: another origin, a body over the limit, a stale version', async () => {
    await signInAs(demo.users.find((u) => u.email === 'manager@jalon.test')!);
    const consortium = demo.consortia[0]!;
    const path = `${API}/consortia/${consortium.id}`;
    const patch = (body: unknown, headers: Record<string, string>) =>
      fetch(path, { method: 'PATCH', ...json(body, headers) });
    const ifMatch = { 'If-Match': `"${consortium.version}"` };
    expect((await patch({ name: 'X' }, { ...ifMatch, Origin: 'http://evil.example' })).status).toBe(
      403,
    );
    const huge = { description: 'x'.repeat(MAX_BODY_BYTES + 1) };
    expect((await patch(huge, ifMatch)).status).toBe(413);
    expect((await patch({ name: 'Nouveau nom' }, ifMatch)).status).toBe(200);
    const stale = await patch({ name: 'Autre nom' }, ifMatch);
    expect(stale.status).toBe(412);
    const fresh = await fetch(path);
    expect(fresh.headers.get('ETag')).toBe(`"${consortium.version + 1}"`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('cover every GET route of the contract', () => {
    expect(new Set(calls().map(([name]) => name))).toEqual(new Set(getRoutes));
  });

  it('answers every GET route with its contract schema for every demo id', async () => {
    // Every route is guarded: read them as the demo manager, who may see all of them.
    await signInAs(demo.users.find((u) => u.email === 'manager@jalon.test')!);
    const db = await mockApi.db();
    const now = mockApi.clock.now();
    await db
      .insertInto('accountTokens')
      .values({
        tokenSha256: await sha256(TOKEN),
        id: 'planted-invitation',
        kind: 'invitation',
        email: 'invitee@jalon.test',
        role: 'member',
        programmeId: demo.programmes[0]!.id,
        consortiumId: demo.consortia[0]!.id,
        userId: null,
        createdBy: 'user-manager',
        createdAt: now,
        expiresAt: new Date(Date.parse(now) + 60_000).toISOString(),
      })
      .execute();
    for (const [name, params, query] of calls()) {
      const path = `${API_PREFIX}${buildPath(routes[name].path, params)}${query}`;
      const res = await fetch(`http://jalon.test${path}`);
      expect(res.status, path).toBe(200);
      const parsed = routes[name].response.safeParse(await res.json());
      expect(parsed.success, `${path}: ${parsed.error?.message ?? ''}`).toBe(true);
    }
  });
});
