import { randomUUID } from 'node:crypto';
import { Email } from '../../src/domain/contract';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/domain/demo/people';
import { passwordProblem } from '../auth/passwords';
import { transaction } from '../db/guard';
import type { Database } from '../db/kysely';
import { isDemo } from '../db/store';
import { argon2Hasher } from './argon2';

export class AdminError extends Error {}

/**
 * Reads a password without it ever being an argument (visible in `ps` and shell history): from a
 * pipe, the first line; from a terminal, typed without echo.
 */
export async function readPassword(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) text += (chunk as Buffer).toString('utf8');
    return text.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((ok, fail) => {
    let typed = '';
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          done();
          return ok(typed);
        }
        if (ch === '\u0003') {
          done();
          return fail(new AdminError('cancelled'));
        }
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

export interface NewAdmin {
  email: string;
  name: string;
  programmeId: string;
}

/** The first manager of a real deployment; refuses a weak password and an existing e-mail. */
export async function createAdmin(database: Database, a: NewAdmin, password: string) {
  const email = Email.safeParse(a.email);
  if (!email.success) throw new AdminError('--email must be an e-mail address');
  if (!a.name.trim()) throw new AdminError('--name must not be empty');
  const weak = passwordProblem(password);
  if (weak) throw new AdminError(`Password refused: ${weak.message}`);
  const { db } = database;
  const programme = await db
    .selectFrom('programmes')
    .select('id')
    .where('id', '=', a.programmeId)
    .executeTakeFirst();
  if (!programme) {
    const ids = (await db.selectFrom('programmes').select('id').execute()).map((p) => p.id);
    throw new AdminError(
      `No programme "${a.programmeId}"; known: ${ids.length ? ids.join(', ') : 'none'}`,
    );
  }
  const hash = await argon2Hasher.hash(password);
  const id = randomUUID();
  await transaction(db, async (tx) => {
    const taken = await tx
      .selectFrom('users')
      .select('id')
      .where('email', '=', email.data)
      .executeTakeFirst();
    if (taken) throw new AdminError(`An account with ${email.data} already exists`);
    await tx
      .insertInto('users')
      .values({
        id,
        email: email.data,
        name: a.name.trim(),
        locale: 'fr',
        disabled: false,
        version: 1,
        passwordHash: hash,
      })
      .execute();
    await tx
      .insertInto('memberships')
      .values({
        userId: id,
        position: 0,
        role: 'manager',
        programmeId: a.programmeId,
        consortiumId: null,
      })
      .execute();
    await tx
      .insertInto('auditLog')
      .values({
        at: new Date().toISOString(),
        actorId: null,
        actorName: 'command line',
        role: null,
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        programmeId: a.programmeId,
        consortiumId: null,
        before: null,
        after: JSON.stringify({ email: email.data, role: 'manager' }),
        requestId: 'cli',
      })
      .execute();
  });
  return { id, email: email.data };
}

/** What `serve` prints on a demo database: who to sign in as, and with which password. */
export async function demoAccountsText(database: Database): Promise<string | null> {
  if (!(await isDemo(database.db))) return null;
  const consortia = await database.db.selectFrom('consortia').select(['id', 'name']).execute();
  const members = await database.db
    .selectFrom('memberships')
    .select(['userId', 'consortiumId'])
    .execute();
  const nameOf = (userId: string) => {
    const cid = members.find((m) => m.userId === userId)?.consortiumId;
    return consortia.find((c) => c.id === cid)?.name ?? '—';
  };
  const rows = DEMO_ACCOUNTS.map((p) => [
    p.email,
    p.role,
    p.nextCohort ? 'next cohort (a consortium without a plan)' : nameOf(p.id),
  ]);
  const width = (i: number) => Math.max(...rows.map((r) => r[i]!.length), 8);
  const line = (r: string[]) => `  ${r.map((c, i) => c.padEnd(width(i))).join('  ')}`.trimEnd();
  return [
    'Demo accounts (demo data only — a real installation uses create-admin and invitations):',
    line(['e-mail', 'role', 'consortium']),
    ...rows.map(line),
    `  password for all: ${DEMO_PASSWORD}`,
  ].join('\n');
}
