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

/** The manager of the next cohort (next-cohort.ts), who sees nothing of the running programme. */
export const NEXT_COHORT_MANAGER = {
  id: 'user-manager-2027',
  email: 'manager-2027@jalon.test',
  name: 'Nadia Benali',
  role: 'manager',
} as const satisfies Omit<DemoPerson, 'consortium'>;

/** Every demo sign-in, as the login page and the start banner list them. */
export const DEMO_ACCOUNTS: readonly {
  id: string;
  email: string;
  role: Role;
  nextCohort: boolean;
}[] = [
  ...DEMO_PEOPLE.map((p) => ({ id: p.id, email: p.email, role: p.role, nextCohort: false })),
  { ...NEXT_COHORT_MANAGER, nextCohort: true },
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
