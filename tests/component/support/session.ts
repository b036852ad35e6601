import type { User } from '@domain/contract/reporting';
import { demo, signInAs } from '@tests/support/mock-api';

export type DemoRole = 'manager' | 'observer' | 'lead' | 'member';

/** The demo account of each role (the lead and member are those of the first consortium). */
export const DEMO_EMAIL: Record<DemoRole, string> = {
  manager: 'manager@jalon.test',
  observer: 'observer@jalon.test',
  lead: 'lead@jalon.test',
  member: 'member@jalon.test',
};

export function demoUser(role: DemoRole): User {
  const user = demo.users.find((u) => u.email === DEMO_EMAIL[role]);
  if (!user) throw new Error(`the demo dataset has no ${role}`);
  return user;
}

/**
 * Starts a session as the demo account of `role`, as a successful sign-in would; the sign-in
 * form itself is tested in auth.test.tsx. Every test ends signed out.
 */
export async function signIn(role: DemoRole): Promise<User> {
  const user = demoUser(role);
  await signInAs(user);
  return user;
}
