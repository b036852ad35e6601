import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Membership, Role } from '../contract/reporting';
import {
  can,
  canSee,
  effectiveRole,
  hasAuthorityOverAccount,
  homePath,
  seesSmallCounts,
  visibleConsortiumIds,
  type Permission,
  type Principal,
  type Scope,
} from './permissions';

// prettier-ignore
const PERMISSIONS: readonly Permission[] = [
  'programme.read', 'programme.manage', 'consortium.read', 'consortium.update', 'milestone.update',
  'milestone.comment', 'milestone.review', 'kpi.manage', 'kpiValue.write', 'period.manage',
  'audit.readAll', 'export.read', 'user.manage',
];
// prettier-ignore
const MANAGER_ONLY: readonly Permission[] = [
  'programme.manage', 'milestone.review', 'kpi.manage', 'period.manage', 'audit.readAll',
  'user.manage',
];
const READ: readonly Permission[] = ['programme.read', 'consortium.read'];
const LEAD_WRITES: readonly Permission[] = [
  'consortium.update',
  'milestone.update',
  'kpiValue.write',
];

const P = 'prog-1';
const A = 'cons-a';
const B = 'cons-b';
const principal = (...memberships: Membership[]): Principal => ({
  userId: 'u',
  name: 'U',
  memberships,
});
const m = (role: Role, consortiumId: string | null, programmeId = P): Membership => ({
  role,
  programmeId,
  consortiumId,
});

type Who = Role | 'none' | 'anonymous';
const PRINCIPALS: Record<Who, Principal | null> = {
  manager: principal(m('manager', null)),
  observer: principal(m('observer', null)),
  lead: principal(m('lead', A)),
  member: principal(m('member', A)),
  none: principal(),
  anonymous: null,
};
type Where = 'own consortium' | 'other consortium' | 'programme level' | 'other programme';
const SCOPES: Record<Where, Scope> = {
  'own consortium': { programmeId: P, consortiumId: A },
  'other consortium': { programmeId: P, consortiumId: B },
  'programme level': { programmeId: P, consortiumId: null },
  // Same consortium id under a programme the principal is not in: the programme must match too.
  'other programme': { programmeId: 'prog-2', consortiumId: A },
};

/** Expected grants; every cell not listed here is asserted false. */
const GRANTS: Record<Who, Partial<Record<Where, readonly Permission[]>>> = {
  manager: {
    'own consortium': PERMISSIONS,
    'other consortium': PERMISSIONS,
    'programme level': PERMISSIONS,
  },
  observer: {
    'own consortium': [...READ, 'export.read'],
    'other consortium': [...READ, 'export.read'],
    'programme level': [...READ, 'export.read'],
  },
  lead: {
    'own consortium': [...READ, ...LEAD_WRITES, 'milestone.comment'],
    'programme level': READ,
  },
  member: { 'own consortium': [...READ, 'milestone.comment'], 'programme level': READ },
  none: {},
  anonymous: {},
};
const WHO = Object.keys(PRINCIPALS) as Who[];
const WHERE = Object.keys(SCOPES) as Where[];

describe('authorization matrix: role × permission × scope', () => {
  const cells = WHO.flatMap((who) =>
    WHERE.flatMap((where) =>
      PERMISSIONS.map((permission) => ({
        who,
        where,
        permission,
        allowed: (GRANTS[who][where] ?? []).includes(permission),
      })),
    ),
  );

  it('covers every cell, with explicit false rows', () => {
    expect(cells).toHaveLength(6 * 4 * 13);
    expect(cells.filter((c) => !c.allowed).length).toBeGreaterThan(cells.length / 2);
  });

  it.each(cells)(
    '$who · $permission · $where → $allowed',
    ({ who, where, permission, allowed }) => {
      expect(can(PRINCIPALS[who], permission, SCOPES[where])).toBe(allowed);
    },
  );

  it.each(WHO.flatMap((who) => WHERE.map((where) => ({ who, where }))))(
    'canSee $who · $where (iff the table grants a read)',
    ({ who, where }) => {
      const sees = (GRANTS[who][where] ?? []).includes('consortium.read');
      expect(canSee(PRINCIPALS[who], SCOPES[where])).toBe(sees);
    },
  );
});

describe('effectiveRole and seesSmallCounts', () => {
  const own = SCOPES['own consortium'];
  const other = SCOPES['other consortium'];
  const programme = SCOPES['programme level'];
  it.each<[Who, Scope, Role | null, boolean]>([
    ['manager', own, 'manager', true],
    ['manager', programme, 'manager', true],
    ['observer', own, 'observer', false],
    ['observer', programme, 'observer', false],
    ['lead', own, 'lead', true],
    ['lead', other, null, false],
    ['lead', programme, null, false],
    ['member', own, 'member', true],
    ['member', other, null, false],
    ['none', own, null, false],
    ['anonymous', own, null, false],
    ['manager', SCOPES['other programme'], null, false],
  ])('%s at %j → %s, small counts %s', (who, scope, role, small) => {
    expect(effectiveRole(PRINCIPALS[who], scope)).toBe(role);
    expect(seesSmallCounts(PRINCIPALS[who], scope)).toBe(small);
  });

  it('takes the strongest role: an observer who also leads a consortium acts as lead there', () => {
    const p = principal(m('observer', null), m('lead', A));
    expect(effectiveRole(p, own)).toBe('lead');
    expect(seesSmallCounts(p, own)).toBe(true);
    expect(effectiveRole(p, other)).toBe('observer');
    expect(seesSmallCounts(p, other)).toBe(false);
  });
});

describe('visibleConsortiumIds and homePath', () => {
  const all = [A, B, 'cons-c'];
  it.each<[Who, string[]]>([
    ['manager', all],
    ['observer', all],
    ['lead', [A]],
    ['member', [A]],
    ['none', []],
    ['anonymous', []],
  ])('%s lists %j', (who, expected) => {
    expect(visibleConsortiumIds(PRINCIPALS[who], P, all)).toEqual(expected);
    expect(visibleConsortiumIds(PRINCIPALS[who], 'prog-2', all)).toEqual([]);
  });

  it.each<[string, Principal, string]>([
    ['lead', principal(m('lead', A)), `/consortia/${A}`],
    ['member', principal(m('member', B)), `/consortia/${B}`],
    ['manager', principal(m('manager', null)), '/'],
    ['observer', principal(m('observer', null)), '/'],
    ['nobody', principal(), '/'],
    ['lead who is also an observer', principal(m('lead', A), m('observer', null)), '/'],
    [
      'lead of two consortia (first wins)',
      principal(m('lead', B), m('member', A)),
      `/consortia/${B}`,
    ],
  ])('%s lands on %s', (_label, p, path) => {
    expect(homePath(p)).toBe(path);
  });
});

describe('malformed memberships fail closed', () => {
  // The contract's Membership type and the memberships table allow any role/consortium pairing;
  // only InvitationRequest enforces "lead/member ⇔ consortium". A bad row must grant nothing extra.
  it('a lead or member without a consortium is not a lead or member of every consortium', () => {
    for (const role of ['lead', 'member'] as const) {
      const p = principal(m(role, null));
      for (const consortiumId of [A, B]) {
        const scope = { programmeId: P, consortiumId };
        expect(canSee(p, scope)).toBe(false);
        for (const permission of PERMISSIONS) expect(can(p, permission, scope)).toBe(false);
        expect(effectiveRole(p, scope)).toBeNull();
      }
      expect(visibleConsortiumIds(p, P, [A, B])).toEqual([]);
    }
  });

  it('a manager pinned to a consortium gets no manager-only permission there', () => {
    const p = principal(m('manager', A));
    const scope = { programmeId: P, consortiumId: A };
    for (const permission of MANAGER_ONLY) expect(can(p, permission, scope)).toBe(false);
    expect(effectiveRole(p, scope)).not.toBe('manager');
  });
});

// ——— properties ———

const RUNS = { numRuns: 1000 };
const programmeArb = fc.constantFrom('p1', 'p2', 'p3');
const consortiumArb = fc.constantFrom('c1', 'c2', 'c3', 'c4');
/** Memberships with the given roles, in any pairing the type allows (well-formed or not). */
const membershipsOf = (...roles: Role[]) =>
  fc.array(
    fc.record({
      role: fc.constantFrom(...roles),
      programmeId: programmeArb,
      consortiumId: fc.option(consortiumArb, { nil: null }),
    }),
    { maxLength: 5 },
  );
const membershipsArb = membershipsOf('manager', 'observer', 'lead', 'member');
const membershipArb = membershipsArb.filter((ms) => ms.length > 0).map((ms) => ms[0]!);
const principalOf = (memberships: Membership[]): Principal => principal(...memberships);
const principalArb = fc.option(membershipsArb.map(principalOf), { nil: null });
const scopeArb: fc.Arbitrary<Scope> = fc.record({
  programmeId: programmeArb,
  consortiumId: fc.oneof(consortiumArb, fc.constant(null), fc.constant(undefined)),
});
const permissionArb = fc.constantFrom(...PERMISSIONS);

describe('permission properties', () => {
  it('nobody gains anything on a programme they hold no membership in', () => {
    fc.assert(
      fc.property(membershipsArb, scopeArb, (ms, scope) => {
        const p = principalOf(ms.filter((x) => x.programmeId !== scope.programmeId));
        expect(canSee(p, scope)).toBe(false);
        for (const permission of PERMISSIONS) expect(can(p, permission, scope)).toBe(false);
        expect(effectiveRole(p, scope)).toBeNull();
        expect(seesSmallCounts(p, scope)).toBe(false);
        expect(visibleConsortiumIds(p, scope.programmeId, ['c1', 'c2'])).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a lead/member never sees or acts on another consortium', () => {
    fc.assert(
      fc.property(membershipsOf('lead', 'member'), scopeArb, permissionArb, (ms, scope, x) => {
        const own = ms.some(
          (y) => y.programmeId === scope.programmeId && y.consortiumId === scope.consortiumId,
        );
        fc.pre(Boolean(scope.consortiumId) && !own);
        expect(canSee(principalOf(ms), scope)).toBe(false);
        expect(can(principalOf(ms), x, scope)).toBe(false);
      }),
      RUNS,
    );
  });

  it('observers can only read and export', () => {
    fc.assert(
      fc.property(membershipsOf('observer'), scopeArb, permissionArb, (ms, scope, x) => {
        if (can(principalOf(ms), x, scope)) expect([...READ, 'export.read']).toContain(x);
      }),
      RUNS,
    );
  });

  it('only managers hold MANAGER_ONLY permissions; writes need manager or lead', () => {
    fc.assert(
      fc.property(principalArb, permissionArb, scopeArb, (p, x, scope) => {
        if (!can(p, x, scope)) return;
        const role = effectiveRole(p, scope);
        if (MANAGER_ONLY.includes(x)) expect(role).toBe('manager');
        if (LEAD_WRITES.includes(x)) expect(['manager', 'lead']).toContain(role);
        if (x === 'export.read') expect(role).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('adding a membership never removes a permission (monotonicity)', () => {
    fc.assert(
      fc.property(membershipsArb, membershipArb, scopeArb, (ms, extra, scope) => {
        const before = principalOf(ms);
        const after = principalOf([...ms, extra]);
        for (const x of PERMISSIONS)
          if (can(before, x, scope)) expect(can(after, x, scope)).toBe(true);
        if (canSee(before, scope)) expect(canSee(after, scope)).toBe(true);
        if (seesSmallCounts(before, scope)) expect(seesSmallCounts(after, scope)).toBe(true);
        const all = ['c1', 'c2', 'c3', 'c4'];
        const seen = visibleConsortiumIds(after, scope.programmeId, all);
        for (const c of visibleConsortiumIds(before, scope.programmeId, all))
          expect(seen).toContain(c);
      }),
      RUNS,
    );
  });

  it('can(p, X, s) implies canSee(p, s) for every X', () => {
    fc.assert(
      fc.property(principalArb, permissionArb, scopeArb, (p, x, scope) => {
        if (can(p, x, scope)) expect(canSee(p, scope)).toBe(true);
      }),
      RUNS,
    );
  });

  it('visibleConsortiumIds is an ordered subset, complete for programme managers/observers', () => {
    const idsArb = fc.array(consortiumArb, { maxLength: 6 });
    fc.assert(
      fc.property(principalArb, programmeArb, idsArb, (p, programmeId, all) => {
        const seen = visibleConsortiumIds(p, programmeId, all);
        expect(seen).toEqual(all.filter((c) => seen.includes(c)));
        const wide = p?.memberships.some(
          (y) =>
            y.programmeId === programmeId &&
            y.consortiumId === null &&
            (y.role === 'manager' || y.role === 'observer'),
        );
        if (wide) expect(seen).toEqual(all);
        for (const c of seen) expect(canSee(p, { programmeId, consortiumId: c })).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('hasAuthorityOverAccount', () => {
  const manages = (...programmeIds: string[]) => ({
    userId: 'u',
    name: 'U',
    memberships: programmeIds.map((programmeId) => ({
      role: 'manager' as const,
      programmeId,
      consortiumId: null,
    })),
  });
  const account = (...programmeIds: string[]) => ({
    memberships: programmeIds.map((programmeId) => ({ programmeId })),
  });

  it('needs a manager of every programme the account belongs to', () => {
    expect(hasAuthorityOverAccount(manages('a'), account('a'))).toBe(true);
    expect(hasAuthorityOverAccount(manages('a'), account('a', 'b'))).toBe(false);
    expect(hasAuthorityOverAccount(manages('a', 'b'), account('a', 'b', 'a'))).toBe(true);
  });

  it('fails closed on an account with no membership and on non-managers', () => {
    expect(hasAuthorityOverAccount(manages('a'), account())).toBe(false);
    expect(hasAuthorityOverAccount(null, account('a'))).toBe(false);
    const observer = {
      userId: 'o',
      name: 'O',
      memberships: [{ role: 'observer' as const, programmeId: 'a', consortiumId: null }],
    };
    expect(hasAuthorityOverAccount(observer, account('a'))).toBe(false);
  });
});
