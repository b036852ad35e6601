import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, DEMO_LOGINS, type TestServer } from '@server/node/testing';

/* What each reader of a consortium's history may read of an invitation into it. */
let server: TestServer;
const ADDRESS = 'invitee.privee@hopital.test';

beforeAll(async () => {
  server = await createTestServer({ database: 'pglite' });
  const manager = await server.as(DEMO_LOGINS.manager);
  const res = await manager.request('POST', '/api/v1/programmes/pascaline/invitations', {
    body: { email: ADDRESS, role: 'member', programmeId: 'pascaline', consortiumId: 'coord-dom' },
  });
  expect(res.status).toBe(201);
});
afterAll(async () => {
  await server?.close();
});

const historyAs = async (login: string) => {
  const client = await server.as(login);
  const res = await client.request('GET', '/api/v1/consortia/coord-dom/history');
  expect(res.status).toBe(200);
  return res.text();
};

describe('an invitation in the consortium history', () => {
  it.each([DEMO_LOGINS.observer, DEMO_LOGINS.member, DEMO_LOGINS.lead])(
    'reads without the address for %s, with the role',
    async (login) => {
      const body = await historyAs(login);
      expect(body).toContain('"action":"user.invite"');
      expect(body).toContain('"role":"member"');
      expect(body).not.toContain(ADDRESS);
    },
  );

  it('reads with the address for the manager who manages the people', async () => {
    expect(await historyAs(DEMO_LOGINS.manager)).toContain(ADDRESS);
  });
});
