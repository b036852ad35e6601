import { Problem } from '../problems';
import { can, canSee, type Permission, type Principal, type Scope } from './permissions';

/**
 * How a route is guarded, declared beside it in the route table so that the server, the mocks
 * and the authorization-matrix test read the same declaration.
 * - `public`: no session needed (health, sign-in, invitation links).
 * - `signed-in`: any active session; the handler filters what it returns by visibility.
 * - `scoped`: the object named by the route's parameters is looked up to find its programme and
 *   consortium, then `permission` is checked on that scope.
 */
export type ScopeSource = 'programme' | 'consortium' | 'milestone' | 'kpi' | 'period' | 'user';

export type Access =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'scoped'; permission: Permission; scope: ScopeSource };

export const unauthenticated = () => new Problem(401, 'unauthenticated', 'Sign in to continue');

/**
 * The single decision every runtime applies. An object the principal may not see is answered
 * 404 — the same as a missing one — so ids of other consortia leak nothing; an object it may see
 * but not change is 403.
 */
export function decideAccess(
  principal: Principal | null,
  access: Access,
  scope: Scope | null,
): Problem | null {
  if (access.kind === 'public') return null;
  if (!principal) return unauthenticated();
  if (access.kind === 'signed-in') return null;
  if (!scope || !canSee(principal, scope)) return new Problem(404, 'not_found', 'Not found');
  if (!can(principal, access.permission, scope)) {
    return new Problem(403, 'forbidden', 'Your role does not allow this action');
  }
  return null;
}
