import type { Programme } from '../contract/programme';
import type { Membership, Role } from '../contract/reporting';

/**
 * Who may do what, as one pure function used by the server (to enforce), the mocks (to behave the
 * same) and the UI (to show only allowed actions). Roles are held per programme (manager,
 * observer) or per consortium (lead, member).
 */
export interface Principal {
  userId: string;
  name: string;
  memberships: readonly Membership[];
}

export type Permission =
  | 'programme.read'
  | 'programme.manage'
  | 'consortium.read'
  | 'consortium.update'
  | 'milestone.update'
  | 'milestone.comment'
  | 'milestone.review'
  | 'milestone.plan'
  | 'kpi.manage'
  | 'kpiTarget.write'
  | 'kpiValue.write'
  | 'period.manage'
  | 'audit.readAll'
  | 'export.read'
  | 'user.manage';

/** Where an object lives: every object belongs to a programme, most to a consortium too. */
export interface Scope {
  programmeId: string;
  consortiumId?: string | null;
}

const MANAGER_ONLY: readonly Permission[] = [
  'programme.manage',
  'milestone.review',
  'milestone.plan',
  'kpi.manage',
  'period.manage',
  'audit.readAll',
  'user.manage',
];

function rolesAt(p: Principal | null, scope: Scope): Set<Role> {
  const roles = new Set<Role>();
  for (const m of p?.memberships ?? []) {
    if (m.programmeId !== scope.programmeId) continue;
    // Only well-formed memberships count (the type and the table allow any pairing): a lead or
    // member without a consortium, or a manager or observer pinned to one, grants nothing.
    const programmeWide = m.role === 'manager' || m.role === 'observer';
    if (m.consortiumId === null) {
      if (programmeWide) roles.add(m.role);
    } else if (!programmeWide && scope.consortiumId && m.consortiumId === scope.consortiumId) {
      roles.add(m.role);
    }
  }
  return roles;
}

/** Can the principal see this object at all? Objects it cannot see are answered 404, not 403. */
export function canSee(p: Principal | null, scope: Scope): boolean {
  const roles = rolesAt(p, scope);
  if (roles.has('manager') || roles.has('observer')) return true;
  if (scope.consortiumId) return roles.has('lead') || roles.has('member');
  // Programme-level objects (catalogue, periods) are visible to anyone who belongs to the programme.
  return (p?.memberships ?? []).some((m) => m.programmeId === scope.programmeId);
}

export function can(p: Principal | null, permission: Permission, scope: Scope): boolean {
  const roles = rolesAt(p, scope);
  if (roles.has('manager')) return true;
  if (MANAGER_ONLY.includes(permission)) return false;
  switch (permission) {
    case 'programme.read':
    case 'consortium.read':
      return canSee(p, scope);
    case 'export.read':
      return roles.has('observer');
    case 'consortium.update':
    case 'milestone.update':
    case 'kpiValue.write':
    case 'kpiTarget.write':
      return Boolean(scope.consortiumId) && roles.has('lead');
    case 'milestone.comment':
      return Boolean(scope.consortiumId) && (roles.has('lead') || roles.has('member'));
    default:
      return false;
  }
}

/**
 * Who may set a consortium's baseline, targets and tolerance bands: the programme's managers
 * always, the consortium's lead only where the programme lets leads set their own targets.
 */
export function canSetTargets(
  p: Principal | null,
  scope: Scope,
  programme: Pick<Programme, 'id' | 'leadsSetTargets'>,
): boolean {
  if (scope.programmeId !== programme.id || !can(p, 'kpiTarget.write', scope)) return false;
  return rolesAt(p, scope).has('manager') || programme.leadsSetTargets;
}

/**
 * The role that governs an action on this scope, strongest first; null when the principal has
 * none. Used where a rule (the milestone state machine) is written per role.
 */
export function effectiveRole(p: Principal | null, scope: Scope): Role | null {
  const roles = rolesAt(p, scope);
  for (const r of ['manager', 'lead', 'member', 'observer'] as const) if (roles.has(r)) return r;
  return null;
}

/** Observers see small counts suppressed; people inside the consortium and managers see them. */
export function seesSmallCounts(p: Principal | null, scope: Scope): boolean {
  const role = effectiveRole(p, scope);
  return role !== null && role !== 'observer';
}

/** Consortia of a programme this principal may list: all for managers and observers, else its own. */
export function visibleConsortiumIds(
  p: Principal | null,
  programmeId: string,
  all: readonly string[],
): string[] {
  return all.filter((consortiumId) => canSee(p, { programmeId, consortiumId }));
}

/** The page a person lands on after signing in. */
export function homePath(p: Principal): string {
  const leadOrMember = p.memberships.find(
    (m) => m.consortiumId && (m.role === 'lead' || m.role === 'member'),
  );
  const programmeWide = p.memberships.some((m) => m.consortiumId === null);
  if (!programmeWide && leadOrMember?.consortiumId)
    return `/consortia/${leadOrMember.consortiumId}`;
  return '/';
}

/**
 * An account can belong to several programmes; what acts on the whole account (disabling it, a
 * password-reset link handed to someone other than its owner) needs a manager of every one of
 * them. A manager of only some acts on the memberships in their programme.
 */
export function hasAuthorityOverAccount(
  p: Principal | null,
  account: { memberships: readonly Pick<Membership, 'programmeId'>[] },
): boolean {
  const programmes = new Set(account.memberships.map((m) => m.programmeId));
  if (programmes.size === 0) return false;
  return [...programmes].every((programmeId) => rolesAt(p, { programmeId }).has('manager'));
}
