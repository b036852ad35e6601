import type { Role, User } from '../contract/reporting';
import { MANAGER_NAME } from './milestones';

/**
 * The password of every demo account, in the mocks and on a freshly seeded server (which prints
 * it at start). Demo data only: a real installation invites its people instead.
 */
export const DEMO_PASSWORD = 'jalon-demo-2026';

/** Which of the three demo consortia (a = Coord@Dom, b = Sortie+, c = EHPAD Connect), if any. */
type DemoConsortium = 'a' | 'b' | 'c';

export interface DemoPerson {
  id: string;
  email: string;
  name: string;
  role: Role;
  consortium: DemoConsortium | null;
}

/** One demo account per role, plus the leads of the other two consortia. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    id: 'user-manager',
    email: 'manager@jalon.test',
    name: MANAGER_NAME,
    role: 'manager',
    consortium: null,
  },
  {
    id: 'user-observer',
    email: 'observer@jalon.test',
    name: 'Sophie Bernard (ARS)',
    role: 'observer',
    consortium: null,
  },
  {
    id: 'user-lead-a',
    email: 'lead@jalon.test',
    name: 'Thomas Leroy',
    role: 'lead',
    consortium: 'a',
  },
  {
    id: 'user-member-a',
    email: 'member@jalon.test',
    name: 'Julie Moreau',
    role: 'member',
    consortium: 'a',
  },
  {
    id: 'user-lead-b',
    email: 'lead-b@jalon.test',
    name: 'Karim Haddad',
    role: 'lead',
    consortium: 'b',
  },
  {
    id: 'user-lead-c',
    email: 'lead-c@jalon.test',
    name: 'Isabelle Roux',
    role: 'lead',
    consortium: 'c',
  },
];

export function buildUsers(
  programmeId: string,
  consortiumIds: Record<DemoConsortium, string>,
): User[] {
  return DEMO_PEOPLE.map((p) => ({
    id: p.id,
    email: p.email,
    name: p.name,
    locale: 'fr',
    disabled: false,
    memberships: [
      {
        role: p.role,
        programmeId,
        consortiumId: p.consortium ? consortiumIds[p.consortium] : null,
      },
    ],
  }));
}
