import { describe, expect, it } from 'vitest';
import { routes, type RouteDef } from '@domain/contract/routes';
import { authRoutes } from '@domain/contract/auth-routes';
import { Problem } from '@domain/problems';
import { resolveScope } from '@mocks/access';
import { authorize } from '@mocks/http';
import { mockStore } from '@mocks/node';
import { demoConsortium } from './support/demo';
import { signIn, type DemoRole } from './support/session';

const programmeId = () => mockStore.data.programmes[0]!.id;

/** The status `authorize` answers with, or 200 when it lets the call through. */
async function statusOf(route: RouteDef, params: Record<string, string>): Promise<number> {
  try {
    await authorize(mockStore, route, params);
    return 200;
  } catch (error) {
    if (error instanceof Problem) return error.status;
    throw error;
  }
}

describe('mock access control', () => {
  it('resolves the scope of each kind of object from the store', () => {
    const own = demoConsortium(0);
    const milestone = mockStore.data.milestones.find((m) => m.consortiumId === own.id)!;
    const kpi = mockStore.data.kpis[0]!;
    expect(resolveScope(mockStore, 'programme', { programmeId: programmeId() })).toEqual({
      programmeId: programmeId(),
      consortiumId: null,
    });
    // A programme named in the body or the query when the path does not name it.
    expect(
      resolveScope(mockStore, 'programme', {}, { query: { programmeId: programmeId() }, body: {} }),
    ).toEqual({ programmeId: programmeId(), consortiumId: null });
    expect(resolveScope(mockStore, 'consortium', { consortiumId: own.id })).toEqual({
      programmeId: own.programmeId,
      consortiumId: own.id,
    });
    expect(resolveScope(mockStore, 'milestone', { milestoneId: milestone.id })).toEqual({
      programmeId: own.programmeId,
      consortiumId: own.id,
    });
    expect(resolveScope(mockStore, 'kpi', { kpiId: kpi.id })).toEqual({
      programmeId: kpi.programmeId,
      consortiumId: null,
    });
    // As on the server, no route is scoped by user: user routes are scoped by their programme.
    expect(resolveScope(mockStore, 'user', { userId: mockStore.data.users[0]!.id })).toBeNull();
    for (const source of ['programme', 'consortium', 'milestone', 'kpi', 'user'] as const) {
      expect(resolveScope(mockStore, source, { [`${source}Id`]: 'nope' })).toBeNull();
    }
  });

  it('applies decideAccess per role: 401 anonymous, 404 another consortium, 403 not allowed', async () => {
    const own = { consortiumId: demoConsortium(0).id };
    const other = { consortiumId: demoConsortium(1).id };
    const programme = { programmeId: programmeId() };
    const cases: [DemoRole | null, RouteDef, Record<string, string>, number][] = [
      [null, routes.getConsortium, own, 401],
      [null, authRoutes.getMe, {}, 401],
      [null, authRoutes.login, {}, 200],
      ['lead', routes.getConsortium, own, 200],
      ['lead', routes.getConsortium, other, 404],
      ['lead', routes.patchConsortium, own, 200],
      ['member', routes.patchConsortium, own, 403],
      ['observer', routes.patchConsortium, own, 403],
      ['observer', routes.getConsortium, other, 200],
      ['manager', routes.patchConsortium, other, 200],
      ['lead', authRoutes.listUsers, programme, 403],
      ['observer', authRoutes.listActivity, programme, 403],
      ['manager', authRoutes.listActivity, programme, 200],
      ['member', authRoutes.consortiumHistory, own, 200],
      ['member', authRoutes.consortiumHistory, other, 404],
      ['manager', routes.getConsortium, { consortiumId: 'nope' }, 404],
    ];
    for (const [role, route, params, status] of cases) {
      mockStore.currentUserId = null;
      if (role) signIn(role);
      expect({ role, path: route.path, params, status: await statusOf(route, params) }).toEqual({
        role,
        path: route.path,
        params,
        status,
      });
    }
  });

  it('ends a disabled person’s session at once', async () => {
    const lead = signIn('lead');
    expect(mockStore.principal()?.userId).toBe(lead.id);
    mockStore.data.users.find((u) => u.id === lead.id)!.disabled = true;
    expect(mockStore.principal()).toBeNull();
    expect(await statusOf(authRoutes.getMe, {})).toBe(401);
  });

  it('guards the data routes too: nothing is open without a session but health and sign-in', async () => {
    mockStore.currentUserId = null;
    const open = Object.entries({ ...routes, ...authRoutes })
      .filter(([, route]) => route.access.kind === 'public')
      .map(([name]) => name)
      .sort();
    expect(open).toEqual(['acceptToken', 'getToken', 'health', 'login', 'logout']);
    expect(await statusOf(routes.listConsortia, {})).toBe(401);
    expect(await statusOf(routes.getPortfolio, { programmeId: programmeId() })).toBe(401);
  });
});
