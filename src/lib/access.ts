import { useSuspenseQuery } from '@tanstack/react-query';
import type { Me } from '@domain/contract/auth';
import { can, type Permission, type Principal } from '@domain/rules/permissions';
import { meQueryOptions } from '@/api/session';

/*
 * The UI's side of the one rulebook: it never re-derives a permission, it asks `can` with the
 * signed-in person. The server decides; this only hides what would be refused.
 */

export function principalOf(me: Me): Principal {
  return { userId: me.id, name: me.name, memberships: me.memberships };
}

/** The signed-in person; the app layout's loader has read it before any screen renders. */
export function useMe(): Me {
  return useSuspenseQuery(meQueryOptions()).data;
}

/** For navigation, which has no object in view: allowed in at least one programme the person is in. */
export function canInAnyProgramme(me: Me, permission: Permission): boolean {
  const principal = principalOf(me);
  return me.memberships.some((m) => can(principal, permission, { programmeId: m.programmeId }));
}
