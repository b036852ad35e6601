import type { Kysely, Transaction } from 'kysely';
import type {
  AuditAction,
  AuditEntityType,
  AuditEntry,
  AuditPage,
  AuditQuery,
  Role,
} from '../src/domain/contract';
import type { Actor } from '../src/domain/rules';
import type { DB } from './db/schema';
import type { RequestContext } from './context';

export interface AuditChange {
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string;
  programmeId: string | null;
  consortiumId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Someone acting without a session yet (accepting a link) is named explicitly. */
  actor?: Actor;
  role?: Role | null;
}

/**
 * One row per successful mutation, written with the transaction that makes the change, so the
 * trail can neither miss a change nor record one that was rolled back (ASVS 16.2.1, 16.4.2).
 */
export async function writeAudit(
  tx: Transaction<DB>,
  ctx: RequestContext,
  change: AuditChange,
): Promise<void> {
  await tx
    .insertInto('auditLog')
    .values({
      at: ctx.clock.now(),
      actorId: (change.actor ?? ctx.actor).id,
      actorName: (change.actor ?? ctx.actor).name,
      role: change.role === undefined ? ctx.role : change.role,
      action: change.action,
      entityType: change.entityType,
      entityId: change.entityId,
      programmeId: change.programmeId,
      consortiumId: change.consortiumId,
      before: change.before === null ? null : JSON.stringify(change.before),
      after: change.after === null ? null : JSON.stringify(change.after),
      requestId: ctx.requestId,
    })
    .execute();
}

export type AuditFilter = AuditQuery & { programmeId?: string };

const DEFAULT_LIMIT = 50;

/** Newest first, paged by id (keyset), so a page stays stable while new rows are appended. */
export async function auditPage(db: Kysely<DB>, f: AuditFilter): Promise<AuditPage> {
  const limit = f.limit ?? DEFAULT_LIMIT;
  let q = db
    .selectFrom('auditLog')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (f.programmeId !== undefined) q = q.where('programmeId', '=', f.programmeId);
  if (f.consortiumId !== undefined) q = q.where('consortiumId', '=', f.consortiumId);
  if (f.actorId !== undefined) q = q.where('actorId', '=', f.actorId);
  if (f.action !== undefined) q = q.where('action', '=', f.action);
  if (f.entityType !== undefined) q = q.where('entityType', '=', f.entityType);
  if (f.entityId !== undefined) q = q.where('entityId', '=', f.entityId);
  if (f.from !== undefined) q = q.where('at', '>=', new Date(`${f.from}T00:00:00Z`));
  if (f.to !== undefined) {
    const next = new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000);
    q = q.where('at', '<', next);
  }
  if (f.before !== undefined) q = q.where('id', '<', String(f.before));
  const rows = await q.execute();
  const items: AuditEntry[] = rows.slice(0, limit).map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    role: r.role,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    consortiumId: r.consortiumId,
    before: r.before,
    after: r.after,
    requestId: r.requestId,
  }));
  const last = items.at(-1);
  return { items, nextBefore: rows.length > limit && last ? Number(last.id) : null };
}
