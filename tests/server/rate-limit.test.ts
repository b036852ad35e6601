import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { clientIp } from '@server/auth/origin';
import { createTestServer, DEMO_LOGINS, type TestServer } from '@server/node/testing';

/* Brute force (reliability plan §2 F, ASVS 6.3.1): 5 failures per account and address per 15 min. */
let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ database: 'pglite' });
});
afterAll(async () => {
  await server?.close();
});

const attempt = (email: string, password: string, ip: string, headers = {}) =>
  server.client().request('POST', '/api/v1/auth/login', { body: { email, password }, ip, headers });

describe('sign-in rate limit', () => {
  it('answers the 6th failure with 429 and Retry-After, even with the right password', async () => {
    const ip = '10.0.0.5';
    const unknown = await attempt('nobody@jalon.test', 'wrong password', ip);
    const wrong = await attempt(DEMO_LOGINS.lead, 'wrong password', ip);
    // An unknown address and a wrong password cannot be told apart.
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await unknown.json()).toEqual(await wrong.json());
    for (let i = 2; i <= 5; i++) {
      expect((await attempt(DEMO_LOGINS.lead, `wrong ${i}`, ip)).status).toBe(401);
    }
    const sixth = await attempt(DEMO_LOGINS.lead, 'wrong 6', ip);
    expect(sixth.status).toBe(429);
    const retry = Number(sixth.headers.get('Retry-After'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect((await attempt(DEMO_LOGINS.lead, DEMO_PASSWORD, ip)).status).toBe(429);
    // A spoofed X-Forwarded-For does not give a fresh address (no proxy is trusted).
    const spoofed = await attempt(DEMO_LOGINS.lead, DEMO_PASSWORD, ip, {
      'X-Forwarded-For': '203.0.113.9',
    });
    expect(spoofed.status).toBe(429);

    // Other accounts from that address, and that account from another, are unaffected.
    expect((await attempt(DEMO_LOGINS.member, DEMO_PASSWORD, ip)).status).toBe(200);
    expect((await attempt(DEMO_LOGINS.lead, DEMO_PASSWORD, '10.0.0.6')).status).toBe(200);

    server.clock.advance(retry * 1000);
    expect((await attempt(DEMO_LOGINS.lead, DEMO_PASSWORD, ip)).status).toBe(200);

    const { rows } = await sql<{ kind: string; n: number }>`
      select kind, count(*)::int as n from security_events where ip = ${ip} group by kind`.execute(
      server.database.db,
    );
    expect(Object.fromEntries(rows.map((r) => [r.kind, r.n]))).toEqual({
      sign_in_failed: 6,
      rate_limited: 3,
      sign_in: 2,
    });
  });
});

describe('client address', () => {
  it('is the socket address unless the socket is the trusted proxy', () => {
    expect(clientIp('10.0.0.5', '203.0.113.9', null)).toBe('10.0.0.5');
    expect(clientIp('10.0.0.5', '203.0.113.9', '10.0.0.1')).toBe('10.0.0.5');
    expect(clientIp('10.0.0.1', '198.51.100.1, 203.0.113.9', '10.0.0.1')).toBe('203.0.113.9');
    expect(clientIp('::ffff:10.0.0.1', '203.0.113.9', '10.0.0.1')).toBe('203.0.113.9');
    expect(clientIp('10.0.0.1', undefined, '10.0.0.1')).toBe('10.0.0.1');
  });
});
