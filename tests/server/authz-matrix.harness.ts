import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { generateDemo } from '@domain/demo/generate';
import type { Dataset } from '@domain/demo/dataset';
import type { SecurityEventKind } from '@server/auth/security-events';
import { newToken, sha256 } from '@server/auth/tokens';
import { transaction } from '@server/db/guard';
import type { DB } from '@server/db/schema';
import { insertDataset } from '@server/db/store';
import type { Client, TestServer } from '@server/node/testing';
import { DEMO_TODAY } from '../contract/target';

/*
 * Helpers the matrix and the audit property test need and server/testing.ts does not export
 * (yet): a second, foreign programme; reviving session rows; issuing links without the API.
 */

export const FOREIGN_PREFIX = 'x-';

/** The demo dataset with every id and e-mail prefixed: programme `x-pascaline`, nobody we sign in as. */
export function foreignDataset(): Dataset {
  const demo = generateDemo({ today: DEMO_TODAY });
  const ids = new Set<string>();
  for (const rows of Object.values(demo) as { id?: unknown }[][]) {
    for (const r of rows) if (typeof r.id === 'string') ids.add(r.id);
  }
  for (const c of demo.consortia) for (const p of c.partners) ids.add(p.organisationId);
  const remap = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (ids.has(v)) return FOREIGN_PREFIX + v;
      if (/^[^@\s]+@jalon\.test$/.test(v)) return FOREIGN_PREFIX + v;
      return v;
    }
    if (Array.isArray(v)) return v.map(remap);
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, remap(x)]));
    }
    return v;
  };
  return remap(demo) as Dataset;
}

let foreign: Dataset | null = null;
/** Adds programme `x-pascaline` (3 consortia, KPIs, users) beside the demo one. */
export async function seedForeignProgramme(db: Kysely<DB>): Promise<void> {
  foreign ??= foreignDataset();
  const data = foreign;
  await transaction(db, async (tx) => {
    await insertDataset(tx, data);
    // One account in both programmes, for the cross-programme cells of the account routes.
    await tx
      .insertInto('memberships')
      .values({
        userId: SHARED_ACCOUNT_ID,
        role: 'member',
        programmeId: 'pascaline',
        consortiumId: 'coord-dom',
        position: 1,
      })
      .execute();
  });
}

/** A lead in `x-pascaline` who is also a member of Coord@Dom in the demo programme. */
export const SHARED_ACCOUNT_ID = `${FOREIGN_PREFIX}user-lead-b`;

export type SessionRow = Awaited<ReturnType<typeof readSessions>>[number];
export const readSessions = (db: Kysely<DB>) => db.selectFrom('sessions').selectAll().execute();

/** Puts these session rows back exactly as they were (sign-outs, disabling and logins end them). */
export async function restoreSessions(db: Kysely<DB>, rows: readonly SessionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await transaction(db, async (tx) => {
    await tx
      .deleteFrom('sessions')
      .where(
        'tokenSha256',
        'in',
        rows.map((r) => r.tokenSha256),
      )
      .execute();
    await tx
      .insertInto('sessions')
      .values(
        rows.map((s) => ({
          ...s,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
        })),
      )
      .execute();
  });
}

export const setDisabled = (db: Kysely<DB>, email: string, disabled: boolean) =>
  db.updateTable('users').set({ disabled }).where('email', '=', email).execute();

/** A usable invitation link, stored directly (no audit row): returns the token. */
export async function issueInvitation(
  db: Kysely<DB>,
  spec: { email: string; programmeId: string; consortiumId: string; now: string },
): Promise<string> {
  const token = newToken();
  await db
    .insertInto('accountTokens')
    .values({
      tokenSha256: await sha256(token),
      id: randomUUID(),
      kind: 'invitation',
      email: spec.email,
      role: 'member',
      programmeId: spec.programmeId,
      consortiumId: spec.consortiumId,
      userId: null,
      createdBy: 'user-manager',
      createdAt: spec.now,
      expiresAt: new Date(Date.parse(spec.now) + 86_400_000).toISOString(),
    })
    .execute();
  return token;
}

/** A stored PDF on this milestone, written directly (no audit row): returns the evidence id. */
export async function storeEvidenceFile(
  db: Kysely<DB>,
  milestoneId: string,
  now: string,
): Promise<string> {
  const id = randomUUID();
  const content = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
  await transaction(db, async (tx) => {
    await tx
      .insertInto('evidence')
      .values({
        id,
        milestoneId,
        kind: 'file',
        name: 'Matrice.pdf',
        url: null,
        mediaType: 'application/pdf',
        sizeBytes: content.byteLength,
        covers: null,
        uploadedBy: 'Matrice',
        uploadedAt: now,
      })
      .execute();
    await tx.insertInto('evidenceFiles').values({ evidenceId: id, content }).execute();
  });
  return id;
}

/**
 * Version 1 of a period's report archive, in the given state (a ready one holds a tiny PDF);
 * written again on every call so that a retried cell finds it as it was. No row for a missing
 * period: its cells are refused before any archive is read.
 */
export async function storeReportArchive(
  db: Kysely<DB>,
  periodId: string,
  status: 'ready' | 'failed',
  now: string,
): Promise<void> {
  const period = await db
    .selectFrom('reportingPeriods')
    .select('id')
    .where('id', '=', periodId)
    .executeTakeFirst();
  if (!period) return;
  const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
  const ready = status === 'ready';
  const row = {
    status,
    bytes: ready ? bytes : null,
    sha256: ready ? createHash('sha256').update(bytes).digest('hex') : null,
    generatedAt: ready ? now : null,
    attempts: ready ? 1 : 3,
    error: ready ? null : 'Error: matrix',
  };
  await db
    .insertInto('reportArchives')
    .values({ id: randomUUID(), periodId, version: 1, language: 'fr', requestedAt: now, ...row })
    .onConflict((oc) => oc.columns(['periodId', 'version']).doUpdateSet(row))
    .execute();
}

export async function auditCount(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: string | number }>`select count(*) as n from audit_log`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}

/** The session token of a client's cookie (`name=value`), to find its row. */
export const tokenOf = (c: Client): string | null => {
  const cookie = c.cookie();
  return cookie ? decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)) : null;
};

export type Server = TestServer;

/** Security events of these kinds (sign-ins, denials…) recorded so far. */
export async function securityEventCount(
  db: Kysely<DB>,
  kinds: readonly SecurityEventKind[],
): Promise<number> {
  const row = await db
    .selectFrom('securityEvents')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('kind', 'in', kinds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
