import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { User } from '@domain/contract/reporting';
import { generateDemo } from '@domain/demo/generate';
import { createNodeMockApi } from '@mocks/node';
import { cookiePolicy } from '@server/auth/cookies';
import { createSession } from '@server/auth/sessions';
import { sha256 } from '@server/auth/tokens';
import { DEMO_TODAY } from '@tests/contract/target';

/** The mock API every Node test file shares: the server's app over the seeded demo. */
/** jsdom's page in component tests; the contract suite's made-up host elsewhere. */
const ORIGIN = globalThis.location?.origin ?? 'http://jalon.test';

export const mockApi = createNodeMockApi({
  today: DEMO_TODAY,
  origin: ORIGIN,
  snapshot: () => Promise.resolve(new Uint8Array(readFileSync(inject('mockSnapshotPath')))),
});

/** The demo as seeded: ids, names and settings to arrange tests with (not what changed since). */
export const demo = generateDemo({ today: DEMO_TODAY });

const SESSION_COOKIE = cookiePolicy(ORIGIN).name;

/** Signs in as a demo account without the sign-in form (tested on its own in auth.test.tsx). */
export async function signInAs(user: Pick<User, 'id'>): Promise<void> {
  const db = await mockApi.db();
  const token = await createSession(db, user.id, new Date(mockApi.clock.now()), 'test');
  mockApi.session.write(`${SESSION_COOKIE}=${token}`);
}

export function signOut(): void {
  mockApi.session.write(null);
}

/** Whose session the next request carries, or null when it carries none the server accepts. */
export async function signedInUserId(): Promise<string | null> {
  const token = mockApi.session.read()?.split('=')[1];
  if (!token) return null;
  const db = await mockApi.db();
  const row = await db
    .selectFrom('sessions')
    .select('userId')
    .where('tokenSha256', '=', await sha256(token))
    .executeTakeFirst();
  return row?.userId ?? null;
}

/** MSW in this test process, for per-test overrides (`server.use(...)`). */
export const server = mockApi.server;

/** Nothing waits for review any more: every submitted milestone goes back to work. */
export async function clearReviewQueue(): Promise<void> {
  const db = await mockApi.db();
  await db
    .updateTable('milestones')
    .set({ status: 'in_progress' })
    .where('status', '=', 'submitted')
    .execute();
}
