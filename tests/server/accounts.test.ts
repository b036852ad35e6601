import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountLink, Me, UserSummary } from '@domain/contract';
import { NEXT_COHORT_MANAGER_EMAIL, NEXT_COHORT_PROGRAMME_ID } from '@domain/demo/next-cohort';
import { DEMO_PASSWORD } from '@domain/demo/people';
import { smtpMailer } from '@server/node/mailer';
import { createLogger } from '@server/logger';
import { createTestServer, DEMO_LOGINS, type Client, type TestServer } from '@server/node/testing';
import { startMailbox, type Mailbox } from './mailbox';

/* Invitations, password resets and the mail that carries them; secrets never reach a log. */
let server: TestServer;
let manager: Client;
let sink: Mailbox;
const logLines: string[] = [];

beforeAll(async () => {
  sink = await startMailbox();
  server = await createTestServer({
    database: 'pglite',
    logger: createLogger('debug', (l) => logLines.push(l)),
    mailer: smtpMailer({
      host: '127.0.0.1',
      port: sink.port,
      from: { name: 'Jalon', address: 'jalon@jalon.test' },
    }),
  });
  manager = await server.as(DEMO_LOGINS.manager);
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
});

const NEW_PASSWORD = 'Une phrase de passe assez longue';
const tokenOf = (link: AccountLink) => link.link!.split('/').at(-1)!;
const invite = async (body: object) => {
  const res = await manager.request('POST', '/api/v1/programmes/pascaline/invitations', { body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as AccountLink;
};
const accept = (c: Client, body: object) => c.request('POST', '/api/v1/auth/accept', { body });

describe('invitations', () => {
  it('mail a single-use link that creates the account and signs the person in', async () => {
    const link = await invite({
      email: 'Nouvelle@Jalon.test',
      role: 'lead',
      programmeId: 'pascaline',
      consortiumId: 'coord-dom',
    });
    expect(link).toMatchObject({ email: 'nouvelle@jalon.test', kind: 'invitation', emailed: true });
    expect(link.link).toMatch(/^http:\/\/localhost\/accept\/[A-Za-z0-9_-]{43}$/);
    const mail = sink.received.at(-1)!;
    expect(mail).toMatchObject({ from: 'jalon@jalon.test', to: ['nouvelle@jalon.test'] });
    expect(mail.parsed.text).toContain(link.link);

    const visitor = server.client();
    const info = await visitor.request('GET', `/api/v1/auth/tokens/${tokenOf(link)}`);
    expect(await info.json()).toEqual({
      kind: 'invitation',
      email: 'nouvelle@jalon.test',
      needsName: true,
    });
    const common = await accept(visitor, {
      token: tokenOf(link),
      name: 'N',
      password: 'motdepasse',
    });
    expect(common.status).toBe(422);
    expect(JSON.stringify(await common.json())).toContain('common_password');
    const res = await accept(visitor, {
      token: tokenOf(link),
      name: 'Nina',
      password: NEW_PASSWORD,
    });
    expect(res.status).toBe(200);
    const me = (await res.json()) as Me;
    expect(me).toMatchObject({ email: 'nouvelle@jalon.test', homePath: '/consortia/coord-dom' });
    expect(res.headers.get('Set-Cookie')).toMatch(/^jalon_session=/);
    const cookie = res.headers.get('Set-Cookie')!.split(';')[0]!;
    const mine = await visitor.request('GET', '/api/v1/auth/me', { headers: { Cookie: cookie } });
    expect(mine.status).toBe(200);

    expect(
      (await accept(server.client(), { token: tokenOf(link), password: NEW_PASSWORD })).status,
    ).toBe(404);
    expect((await visitor.request('GET', `/api/v1/auth/tokens/${tokenOf(link)}`)).status).toBe(404);
    const { items } = (await (
      await manager.request('GET', '/api/v1/programmes/pascaline/users')
    ).json()) as { items: UserSummary[] };
    expect(items.find((u) => u.email === 'nouvelle@jalon.test')).toMatchObject({
      name: 'Nina',
      memberships: [{ role: 'lead', consortiumId: 'coord-dom' }],
    });
  });

  it('expire after 7 days', async () => {
    const link = await invite({
      email: 'late@jalon.test',
      role: 'observer',
      programmeId: 'pascaline',
      consortiumId: null,
    });
    server.clock.advance(7 * 24 * 3_600_000 + 1_000);
    expect(
      (await accept(server.client(), { token: tokenOf(link), name: 'L', password: NEW_PASSWORD }))
        .status,
    ).toBe(404);
    // A week also ended the manager's session.
    manager = await server.as(DEMO_LOGINS.manager);
  });

  it('add a membership to an existing account only with that account’s password', async () => {
    const link = await invite({
      email: DEMO_LOGINS.otherLead,
      role: 'observer',
      programmeId: 'pascaline',
      consortiumId: null,
    });
    const info = await server.client().request('GET', `/api/v1/auth/tokens/${tokenOf(link)}`);
    expect(await info.json()).toMatchObject({ needsName: false });
    const takeover = await accept(server.client(), {
      token: tokenOf(link),
      password: NEW_PASSWORD,
    });
    expect(takeover.status).toBe(422);
    const res = await accept(server.client(), { token: tokenOf(link), password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Me).memberships.map((m) => m.role)).toEqual(['lead', 'observer']);
  });

  it('are for managers only', async () => {
    const lead = await server.as(DEMO_LOGINS.lead);
    const res = await lead.request('POST', '/api/v1/programmes/pascaline/invitations', {
      body: {
        email: 'x@jalon.test',
        role: 'member',
        programmeId: 'pascaline',
        consortiumId: 'coord-dom',
      },
    });
    expect(res.status).toBe(403);
  });
});

describe('password reset', () => {
  it('sets the new password and ends the other sessions', async () => {
    const member = await server.as(DEMO_LOGINS.member);
    const res = await manager.request(
      'POST',
      '/api/v1/programmes/pascaline/users/user-member-a/password-reset',
      { body: {} },
    );
    expect(res.status).toBe(201);
    const link = (await res.json()) as AccountLink;
    expect(link).toMatchObject({ kind: 'password_reset', email: DEMO_LOGINS.member });
    const fresh = server.client();
    expect((await accept(fresh, { token: tokenOf(link), password: NEW_PASSWORD })).status).toBe(
      200,
    );
    expect((await member.request('GET', '/api/v1/auth/me')).status).toBe(401);
    const login = (password: string) =>
      server.client().request('POST', '/api/v1/auth/login', {
        body: { email: DEMO_LOGINS.member, password },
      });
    expect((await login(DEMO_PASSWORD)).status).toBe(401);
    expect((await login(NEW_PASSWORD)).status).toBe(200);
  });
});

describe('an account in two programmes', () => {
  it('is reached by each manager through their membership only: no disabling, reset by e-mail', async () => {
    const other = await server.as(NEXT_COHORT_MANAGER_EMAIL);
    const base = `/api/v1/programmes/${NEXT_COHORT_PROGRAMME_ID}`;
    const invited = await other.request('POST', `${base}/invitations`, {
      body: {
        email: DEMO_LOGINS.lead,
        role: 'observer',
        programmeId: NEXT_COHORT_PROGRAMME_ID,
        consortiumId: null,
      },
    });
    expect(invited.status).toBe(201);
    const invitation = (await invited.json()) as AccountLink;
    const joined = await accept(server.client(), {
      token: tokenOf(invitation),
      password: DEMO_PASSWORD,
    });
    expect(joined.status).toBe(200);

    const users = (await (await other.request('GET', `${base}/users`)).json()) as {
      items: UserSummary[];
    };
    const lead = users.items.find((u) => u.email === DEMO_LOGINS.lead)!;
    expect(lead.accountWide).toBe(false);
    const disable = await other.request('PATCH', `${base}/users/${lead.id}`, {
      body: { disabled: true },
      headers: { 'If-Match': `"${lead.version}"` },
    });
    expect(disable.status).toBe(403);

    const mailsBefore = sink.received.length;
    const reset = await other.request('POST', `${base}/users/${lead.id}/password-reset`, {
      body: {},
    });
    expect(reset.status).toBe(201);
    const link = (await reset.json()) as AccountLink;
    expect(link).toMatchObject({ kind: 'password_reset', link: null, emailed: true });
    const [mail, ...more] = sink.received.slice(mailsBefore);
    expect(more).toEqual([]);
    expect(mail!.to).toEqual([DEMO_LOGINS.lead]);
    expect(mail!.parsed.text).toMatch(/\/accept\/[A-Za-z0-9_-]{43}/);
    // The lead still signs in and reads Coord@Dom: nothing was done to the account itself.
    const stillLead = await server.as(DEMO_LOGINS.lead);
    expect((await stillLead.request('GET', '/api/v1/consortia/coord-dom/milestones')).status).toBe(
      200,
    );
  });
});

describe('secrets', () => {
  it('never appear in the request log, the audit trail or the security events', async () => {
    // Everything above ran with this server's logger; add a failed sign-in with a password.
    await server.client().request('POST', '/api/v1/auth/login', {
      body: { email: DEMO_LOGINS.lead, password: NEW_PASSWORD },
    });
    const link = await invite({
      email: 'secret@jalon.test',
      role: 'observer',
      programmeId: 'pascaline',
      consortiumId: null,
    });
    await server.client().request('GET', `/api/v1/auth/tokens/${tokenOf(link)}`);
    const db = server.database.db;
    const dump = async (table: string) =>
      (
        await sql<{
          t: string;
        }>`select coalesce(string_agg(t::text, '\n'), '') as t from ${sql.table(table)} t`.execute(
          db,
        )
      ).rows[0]!.t;
    const sessionToken = manager.cookie()!.split('=')[1]!;
    const haystacks = {
      log: logLines.join('\n'),
      audit: await dump('audit_log'),
      security: await dump('security_events'),
    };
    expect(haystacks.log).toContain('/auth/tokens/…');
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of [
        DEMO_PASSWORD,
        NEW_PASSWORD,
        sessionToken,
        tokenOf(link),
        '$argon2id',
      ]) {
        expect(text.includes(secret), `${where} contains ${secret.slice(0, 12)}…`).toBe(false);
      }
    }
  });
});
