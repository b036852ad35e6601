import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountLink } from '@domain/contract';
import { DEMO_PEOPLE } from '@domain/demo/people';
import { renderMail } from '@server/mail/render';
import { smtpMailer } from '@server/node/mailer';
import { createTestServer, DEMO_LOGINS, type Client, type TestServer } from '@server/node/testing';
import type { Mailer } from '@server/ports';
import { startMailbox, type Mailbox } from './mailbox';

/*
 * The mails as a real SMTP server receives them: encoded headers, both parts, the recipient's
 * language; and a relay that refuses, is down or hangs never costs the manager the link.
 */
const TIMEOUT_MS = 400;
const FROM = { name: 'Jalon', address: 'jalon@jalon.test' };
const MANAGER_NAME = DEMO_PEOPLE.find((p) => p.email === DEMO_LOGINS.manager)!.name;

let server: TestServer;
let manager: Client;
let mailbox: Mailbox;
let refusing: Mailbox;
let hanging: { port: number; close(): Promise<void> };
let downPort: number;
// One app for every case; each test points the mailer at the relay it needs.
let relay: Mailer;
const via = (port: number, timeoutMs?: number) =>
  smtpMailer({ host: '127.0.0.1', port, from: FROM, timeoutMs });

/** Accepts connections and never says a word, as a stuck relay does. */
async function startSilentRelay() {
  const sockets = new Set<Socket>();
  const s: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const address = s.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    close: () =>
      new Promise<void>((ok) => {
        for (const socket of sockets) socket.destroy();
        s.close(() => ok());
      }),
  };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const address = s.address();
  await new Promise<void>((ok) => s.close(() => ok()));
  return typeof address === 'object' && address ? address.port : 0;
}

beforeAll(async () => {
  [mailbox, refusing, hanging, downPort] = await Promise.all([
    startMailbox(),
    startMailbox({ refuse: true }),
    startSilentRelay(),
    freePort(),
  ]);
  relay = via(mailbox.port);
  server = await createTestServer({
    database: 'pglite',
    mailer: { send: (mail) => relay.send(mail) },
  });
  manager = await server.as(DEMO_LOGINS.manager);
});
afterAll(async () => {
  await server?.close();
  await Promise.all([mailbox?.close(), refusing?.close(), hanging?.close()]);
});

const invite = async (email: string) => {
  const res = await manager.request('POST', '/api/v1/programmes/pascaline/invitations', {
    body: { email, role: 'lead', programmeId: 'pascaline', consortiumId: 'coord-dom' },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as AccountLink;
};
const headerOf = (raw: string, name: string) =>
  new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'im').exec(raw)?.[1] ?? null;

describe('an invitation to a new address', () => {
  it('arrives in French with an encoded subject, a Message-ID and the link in both parts', async () => {
    const link = await invite('nouvelle.personne@jalon.test');
    expect(link.emailed).toBe(true);
    const mail = mailbox.received.at(-1)!;
    expect(mail).toMatchObject({ from: FROM.address, to: ['nouvelle.personne@jalon.test'] });
    // The subject travels as RFC 2047 encoded words, never as raw UTF-8.
    expect(headerOf(mail.raw, 'Subject')).toMatch(/^=\?UTF-8\?[BQ]\?/i);
    expect(mail.parsed.subject).toBe('Invitation à rejoindre Pascaline — incubateur sur Jalon');
    expect(mail.parsed.messageId).toMatch(/^<[^<>@\s]+@[^<>@\s]+>$/);
    expect(mail.parsed.date).toBeInstanceOf(Date);
    expect(mail.parsed.from?.value).toEqual([FROM]);
    expect(mail.parsed.text).toContain(`${MANAGER_NAME} vous invite à rejoindre`);
    expect(mail.parsed.text).toContain('Vous serez chef de file de Coord@Dom');
    expect(mail.parsed.text).toContain(link.link);
    expect(mail.parsed.html).toContain(`<a href="${link.link}">`);
    expect(mail.parsed.html).toContain('<html lang="fr">');
  });
});

describe('a password reset', () => {
  it('arrives in English for an account that reads English', async () => {
    await server.database.db
      .updateTable('users')
      .set({ locale: 'en' })
      .where('email', '=', DEMO_LOGINS.member)
      .execute();
    const res = await manager.request(
      'POST',
      '/api/v1/programmes/pascaline/users/user-member-a/password-reset',
      { body: {} },
    );
    expect(res.status).toBe(201);
    const link = (await res.json()) as AccountLink;
    expect(link.emailed).toBe(true);
    const mail = mailbox.received.at(-1)!;
    expect(mail.to).toEqual([DEMO_LOGINS.member]);
    expect(mail.parsed.subject).toBe('Jalon: choose a new password');
    expect(mail.parsed.text).toContain(
      'A manager of Pascaline — incubateur asked for a new password',
    );
    expect(mail.parsed.text).toContain(link.link);
    expect(mail.parsed.html).toContain(`<a href="${link.link}">`);
    expect(mail.parsed.html).toContain('<html lang="en">');
  });
});

describe('a relay that fails', () => {
  it.each([
    ['refuses the recipient', () => refusing.port],
    ['is down', () => downPort],
    ['never answers', () => hanging.port],
  ])(
    'that %s: the invitation is still made, with its link and emailed: false',
    async (_, port) => {
      relay = via(port(), TIMEOUT_MS);
      try {
        const link = await invite(`relais-${port()}@jalon.test`);
        expect(link).toMatchObject({ kind: 'invitation', emailed: false });
        expect(link.link).toMatch(/\/accept\/[A-Za-z0-9_-]{43}$/);
      } finally {
        relay = via(mailbox.port);
      }
      // A relay that never answers would hold the request past this test's own limit.
    },
    15_000,
  );
});

describe('the period reminder', () => {
  const reminder = {
    kind: 'period_reminder',
    programme: 'Pascaline — incubateur',
    period: 'T4 2026',
    deadline: '2026-12-01',
    missing: ['Patients inclus (PAT_INC)', 'Délai <moyen> & médian de sortie'],
    link: 'https://jalon.example.org/consortia/coord-dom/kpis?period=2026-Q4',
  } as const;

  it('renders in French with the ordinal first of the month and every missing item', () => {
    const mail = renderMail(reminder, 'fr');
    expect(mail.subject).toBe(
      'Pascaline — incubateur : rapport T4 2026 attendu pour le 1er décembre 2026',
    );
    expect(mail.text).toContain('Il manque encore 2 éléments :');
    expect(mail.text).toContain('- Patients inclus (PAT_INC)\n- Délai <moyen> & médian de sortie');
    expect(mail.text).toContain(reminder.link);
    // The HTML part escapes what it is given, in the items and in the link alike.
    expect(mail.html).toContain('<li>Délai &lt;moyen&gt; &amp; médian de sortie</li>');
    expect(mail.html).toContain(
      '<a href="https://jalon.example.org/consortia/coord-dom/kpis?period=2026-Q4">',
    );
    expect(mail.html).not.toContain('<moyen>');
  });

  it('renders in English, one item in the singular, other days without an ordinal', () => {
    const mail = renderMail({ ...reminder, deadline: '2026-12-15', missing: ['PAT_INC'] }, 'en');
    expect(mail.subject).toBe('Pascaline — incubateur: T4 2026 report due by 15 December 2026');
    expect(mail.text).toContain('1 item is still missing:\n\n- PAT_INC');
    expect(mail.html).toContain('<html lang="en">');
    expect(renderMail({ ...reminder, deadline: '2026-12-15' }, 'fr').subject).toContain(
      'le 15 décembre 2026',
    );
    expect(renderMail(reminder, 'en').subject).toContain('by 1 December 2026');
  });

  it('refuses a link that is not http(s)', () => {
    expect(() => renderMail({ ...reminder, link: 'javascript:alert(1)' }, 'en')).toThrow();
  });
});
