import type { User } from '../contract/reporting';
import { MANAGER_NAME } from './milestones';

/** One demo account per role (no passwords here: the server's seed sets those). */
export function buildUsers(
  programmeId: string,
  consortiumIds: { a: string; b: string; c: string },
): User[] {
  const user = (
    id: string,
    email: string,
    name: string,
    role: User['memberships'][number]['role'],
    consortiumId: string | null,
  ): User => ({
    id,
    email,
    name,
    locale: 'fr',
    disabled: false,
    memberships: [{ role, programmeId, consortiumId }],
  });
  return [
    user('user-manager', 'manager@jalon.test', MANAGER_NAME, 'manager', null),
    user('user-observer', 'observer@jalon.test', 'Sophie Bernard (ARS)', 'observer', null),
    user('user-lead-a', 'lead@jalon.test', 'Thomas Leroy', 'lead', consortiumIds.a),
    user('user-member-a', 'member@jalon.test', 'Julie Moreau', 'member', consortiumIds.a),
    user('user-lead-b', 'lead-b@jalon.test', 'Karim Haddad', 'lead', consortiumIds.b),
    user('user-lead-c', 'lead-c@jalon.test', 'Isabelle Roux', 'lead', consortiumIds.c),
  ];
}
