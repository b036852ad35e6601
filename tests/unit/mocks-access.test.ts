import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { currentValues } from '@domain/demo/dataset';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { comparePeriods } from '@domain/rules/periods';
import { mustSuppress } from '@domain/rules/small-counts';
import { mockStore, resetMockData, server } from '@mocks/node';

/** The mocks answer per principal as the server does: what each one sees, and what is recorded. */
const API = 'http://jalon.test/api/v1';

async function call(method: string, path: string, body?: unknown, headers: HeadersInit = {}) {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const as = (email: string) =>
  (mockStore.currentUserId = mockStore.data.users.find((u) => u.email === email)!.id);
const programmeId = () => mockStore.data.programmes[0]!.id;
const consortiumOf = (email: string) =>
  mockStore.data.users.find((u) => u.email === email)!.memberships[0]!.consortiumId!;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => resetMockData());
afterAll(() => server.close());

describe('mock access, in the server’s order of checks', () => {
  it('answers 415 before 401, 401 before 400, 404 before 400, 403 before 428', async () => {
    const c = consortiumOf('lead@jalon.test');
    const other = consortiumOf('lead-b@jalon.test');
    expect(
      (await call('PATCH', `/consortia/${c}`, {}, { 'Content-Type': 'text/plain' })).status,
    ).toBe(415);
    expect((await call('PATCH', `/consortia/${c}`, { name: 1 })).status).toBe(401);
    as('lead@jalon.test');
    expect((await call('PATCH', `/consortia/${other}`, { name: 1 })).status).toBe(404);
    expect((await call('PATCH', `/consortia/${c}`, { name: 1 })).status).toBe(400);
    expect((await call('PATCH', `/consortia/${c}`, { name: 'Nouveau nom' })).status).toBe(428);
    as('member@jalon.test');
    expect((await call('PATCH', `/consortia/${c}`, { name: 'Nouveau nom' })).status).toBe(403);
    // An unknown query parameter is refused, as on the server.
    expect((await call('GET', `/consortia/${c}?nope=1`)).status).toBe(400);
  });
});

describe('lists per principal', () => {
  it('shows a lead only their own consortium, in lists and in the portfolio', async () => {
    as('lead@jalon.test');
    const own = consortiumOf('lead@jalon.test');
    const list = await call('GET', '/consortia');
    expect((list.body.items as { id: string }[]).map((c) => c.id)).toEqual([own]);
    const portfolio = await call('GET', `/programmes/${programmeId()}/portfolio`);
    expect((portfolio.body.consortia as { id: string }[]).map((c) => c.id)).toEqual([own]);
    expect(((await call('GET', '/programmes')).body.items as unknown[]).length).toBe(1);
    expect(((await call('GET', '/kpis')).body.items as unknown[]).length).toBeGreaterThan(0);
  });

  it('shows an observer every consortium but no small count', async () => {
    as('observer@jalon.test');
    expect(((await call('GET', '/consortia')).body.items as unknown[]).length).toBe(3);
    const d = mockStore.data;
    const threshold = d.programmes[0]!.smallCountThreshold;
    const small = d.kpiValues.find((v) => {
      const kpi = d.kpis.find((k) => k.id === v.kpiId)!;
      return mustSuppress(kpi, v, threshold);
    });
    expect(small).toBeDefined();
    const { body } = await call(
      'GET',
      `/consortia/${small!.consortiumId}/kpis/${small!.kpiId}/values`,
    );
    const seen = (body.items as { period: string; suppressed: boolean; value: unknown }[]).find(
      (v) => v.period === small!.period,
    );
    expect(seen).toMatchObject({ suppressed: true, value: null });
  });
});

describe('audit names and conventions of the server', () => {
  it('records invitations, acceptances, resets and account changes under the server’s names', async () => {
    as('manager@jalon.test');
    const invite = await call('POST', `/programmes/${programmeId()}/invitations`, {
      email: 'new@jalon.test',
      role: 'observer',
      programmeId: programmeId(),
      consortiumId: null,
    });
    expect(invite.status).toBe(201);
    const lead = mockStore.data.users.find((u) => u.email === 'lead@jalon.test')!;
    const reset = await call(
      'POST',
      `/programmes/${programmeId()}/users/${lead.id}/password-reset`,
      {},
    );
    expect(reset.status).toBe(201);
    const manager = mockStore.currentUserId;
    const token = String(invite.body.link).split('/').pop();
    const accepted = await call('POST', '/auth/accept', {
      token,
      password: 'une phrase de passe solide',
      name: 'Nouvelle personne',
    });
    expect(accepted.status).toBe(200);
    mockStore.currentUserId = manager;
    const disabled = await call(
      'PATCH',
      `/programmes/${programmeId()}/users/${lead.id}`,
      { disabled: true },
      { 'If-Match': '"1"' },
    );
    expect(disabled.status).toBe(200);
    expect(mockStore.auditLog.map((s) => [s.entry.action, s.entry.entityType])).toEqual([
      ['user.invite', 'invitation'],
      ['user.passwordReset', 'user'],
      ['user.accept', 'user'],
      ['user.disable', 'user'],
    ]);
  });

  it('records a KPI value under its stored revision as kpiValue.upsert', async () => {
    as('manager@jalon.test');
    const d = mockStore.data;
    const kpi = d.kpis.find((k) => k.unit === 'count' && k.aggregation !== 'rate')!;
    const latest = currentValues(d.kpiValues)
      .filter((v) => v.kpiId === kpi.id && v.value !== null)
      .sort((x, y) => comparePeriods(x.period, y.period))
      .at(-1)!;
    const res = await call(
      'PUT',
      `/consortia/${latest.consortiumId}/kpis/${kpi.id}/values/${latest.period}`,
      {
        value: latest.value! + 100,
        provisional: false,
        source: 'Contract test',
        explanation: 'Contract test entry',
      },
      { 'If-Match': `"${latest.version}"` },
    );
    expect(res.status).toBe(200);
    const entry = mockStore.auditLog.at(-1)!.entry;
    expect(entry).toMatchObject({
      action: 'kpiValue.upsert',
      entityType: 'kpiValue',
      entityId: res.body.id,
      before: { value: latest.value },
      after: { value: latest.value! + 100 },
    });
  });

  it('asks for the current password when an invitation is for an existing account', async () => {
    as('manager@jalon.test');
    const invite = await call('POST', `/programmes/${programmeId()}/invitations`, {
      email: 'lead@jalon.test',
      role: 'observer',
      programmeId: programmeId(),
      consortiumId: null,
    });
    const token = String(invite.body.link).split('/').pop();
    const wrong = await call('POST', '/auth/accept', { token, password: 'not the right password' });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain('wrong_password');
    const right = await call('POST', '/auth/accept', { token, password: DEMO_PASSWORD });
    expect(right.status).toBe(200);
  });

  it('refuses a manager disabling themself', async () => {
    const me = as('manager@jalon.test');
    const res = await call(
      'PATCH',
      `/programmes/${programmeId()}/users/${me}`,
      { disabled: true },
      { 'If-Match': '"1"' },
    );
    expect(res.status).toBe(422);
  });
});
