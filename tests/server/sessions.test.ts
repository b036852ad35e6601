import argon2 from 'argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { createTestServer, DEMO_LOGINS, type Client, type TestServer } from '@server/node/testing';

/* Sessions (reliability plan §2 G, ASVS 7 and 3.3), on a fake clock. */
let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ database: 'pglite' });
});
afterAll(async () => {
  await server?.close();
});

const MINUTE = 60_000;
const me = async (c: Client) => (await c.request('GET', '/api/v1/auth/me')).status;
const login = (c: Client, email: string = DEMO_LOGINS.lead) =>
  c.request('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } });

describe('session cookie', () => {
  it('is exactly jalon_session; Path=/; HttpOnly; SameSite=Lax over plain http', async () => {
    const res = await login(server.client());
    expect(res.status).toBe(200);
    expect(res.headers.get('Set-Cookie')).toMatch(
      /^jalon_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/,
    );
  });

  it('is __Host- and Secure when the public origin is https, and sign-out clears it', async () => {
    const https = await createTestServer({
      database: 'pglite',
      publicOrigin: 'https://jalon.example.org',
    });
    try {
      const c = https.client();
      const origin = { Origin: 'https://jalon.example.org' };
      const res = await c.request('POST', '/api/v1/auth/login', {
        body: { email: DEMO_LOGINS.lead, password: DEMO_PASSWORD },
        headers: origin,
      });
      const cookie = res.headers.get('Set-Cookie') ?? '';
      expect(cookie).toMatch(
        /^__Host-jalon_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
      );
      const headers = { ...origin, Cookie: cookie.split(';')[0]! };
      expect((await c.request('GET', '/api/v1/auth/me', { headers })).status).toBe(200);
      const out = await c.request('POST', '/api/v1/auth/logout', { body: {}, headers });
      expect(out.headers.get('Set-Cookie')).toBe(
        '__Host-jalon_session=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax',
      );
      expect((await c.request('GET', '/api/v1/auth/me', { headers })).status).toBe(401);
    } finally {
      await https.close();
    }
  });
});

describe('session lifecycle', () => {
  it('gives a new token at every sign-in; a cookie from before is never valid after', async () => {
    const c = server.client();
    const planted = `jalon_session=${'A'.repeat(43)}`;
    expect(
      (await c.request('GET', '/api/v1/auth/me', { headers: { Cookie: planted } })).status,
    ).toBe(401);
    await c.signIn(DEMO_LOGINS.lead);
    const first = c.cookie()!;
    // Signing in again from the same browser replaces the session it came with.
    const again = await c.request('POST', '/api/v1/auth/login', {
      body: { email: DEMO_LOGINS.member, password: DEMO_PASSWORD },
      headers: { Cookie: first },
    });
    const second = (again.headers.get('Set-Cookie') ?? '').split(';')[0]!;
    expect(second).not.toBe(first);
    expect((await c.request('GET', '/api/v1/auth/me', { headers: { Cookie: first } })).status).toBe(
      401,
    );
    const res = await c.request('GET', '/api/v1/auth/me', { headers: { Cookie: second } });
    expect(((await res.json()) as { email: string }).email).toBe(DEMO_LOGINS.member);
  });

  it('ends at sign-out: replaying the cookie is 401', async () => {
    const c = await server.as(DEMO_LOGINS.lead);
    const cookie = c.cookie()!;
    expect(await me(c)).toBe(200);
    expect((await c.request('POST', '/api/v1/auth/logout', { body: {} })).status).toBe(200);
    const replay = await c.request('GET', '/api/v1/auth/me', { headers: { Cookie: cookie } });
    expect(replay.status).toBe(401);
  });

  it('expires after 30 minutes idle, and activity keeps it alive', async () => {
    const c = await server.as(DEMO_LOGINS.lead);
    server.clock.advance(29 * MINUTE);
    expect(await me(c)).toBe(200);
    server.clock.advance(29 * MINUTE);
    expect(await me(c)).toBe(200);
    server.clock.advance(30 * MINUTE + 1_000);
    expect(await me(c)).toBe(401);
  });

  it('expires 12 hours after sign-in even with constant activity', async () => {
    const c = await server.as(DEMO_LOGINS.lead);
    for (let t = 20; t < 12 * 60; t += 20) {
      server.clock.advance(20 * MINUTE);
      expect(await me(c), `after ${t} min`).toBe(200);
    }
    server.clock.advance(20 * MINUTE);
    expect(await me(c)).toBe(401);
  });

  it('ends every session of a disabled user at once; the password no longer works', async () => {
    const lead = await server.as(DEMO_LOGINS.lead);
    const elsewhere = await server.as(DEMO_LOGINS.lead);
    const manager = await server.as(DEMO_LOGINS.manager);
    const path = '/api/v1/programmes/pascaline/users/user-lead-a';
    const users = (await (
      await manager.request('GET', '/api/v1/programmes/pascaline/users')
    ).json()) as { items: { id: string; version: number }[] };
    const version = users.items.find((u) => u.id === 'user-lead-a')!.version;
    const off = await manager.request('PATCH', path, {
      body: { disabled: true },
      headers: { 'If-Match': `"${version}"` },
    });
    expect(off.status).toBe(200);
    expect([await me(lead), await me(elsewhere)]).toEqual([401, 401]);
    expect((await login(server.client())).status).toBe(401);
    const on = await manager.request('PATCH', path, {
      body: { disabled: false },
      headers: { 'If-Match': `"${version + 1}"` },
    });
    expect(on.status).toBe(200);
    expect(await me(lead)).toBe(401);
    expect((await login(server.client())).status).toBe(200);
  });

  it('refuses a live cookie whose account was disabled behind its back', async () => {
    const c = await server.disabledClient();
    expect(await me(c)).toBe(401);
    await server.reset();
  });

  it('rehashes a password made with weaker parameters at the next sign-in', async () => {
    const weak = await argon2.hash(DEMO_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 8192,
      timeCost: 1,
    });
    const db = server.database.db;
    await db
      .updateTable('users')
      .set({ passwordHash: weak })
      .where('id', '=', 'user-observer')
      .execute();
    expect((await login(server.client(), DEMO_LOGINS.observer)).status).toBe(200);
    const { passwordHash } = await db
      .selectFrom('users')
      .select('passwordHash')
      .where('id', '=', 'user-observer')
      .executeTakeFirstOrThrow();
    expect(passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });
});
