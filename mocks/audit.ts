import type { AuditPage, AuditQuery } from '@domain/contract/auth';
import type { AuditEntry } from '@domain/contract/reporting';

/** What a handler says about a successful write; the store adds who, when and the id. */
export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  consortiumId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Bookkeeping that is not a change a reader needs to see. */
const IGNORED = new Set(['version', 'updatedAt', 'revision', 'id', 'enteredAt', 'enteredBy']);

/**
 * Before and after of the fields that changed, so each entry reads as "X: a → b" and nothing
 * else. `context` fields (the period of a KPI value) are kept on both sides to name the target.
 */
export function changedFields(
  before: object | null,
  after: object,
  context: readonly string[] = [],
): { before: Record<string, unknown> | null; after: Record<string, unknown> } {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const key of Object.keys(a)) {
    if (IGNORED.has(key)) continue;
    const changed = JSON.stringify(b[key]) !== JSON.stringify(a[key]);
    // A new row's empty fields say nothing: only what was actually entered is recorded.
    const empty = a[key] === null || a[key] === '';
    if (!context.includes(key) && (!changed || (!before && empty))) continue;
    if (before) out.before[key] = b[key] ?? null;
    out.after[key] = a[key];
  }
  return { before: before ? out.before : null, after: out.after };
}

/** The named fields of a row, for entries that should not list every column. */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) out[k] = row[k];
  return out;
}

export interface StoredEntry {
  seq: number;
  entry: AuditEntry;
}

/** Newest first, filtered, one page at a time; `before` is the sequence number to go below. */
export function pageOf(
  log: readonly StoredEntry[],
  query: AuditQuery,
  keep: (e: AuditEntry) => boolean = () => true,
): AuditPage {
  const limit = query.limit ?? 50;
  const matches = log
    .filter(({ seq }) => query.before === undefined || seq < query.before)
    .filter(({ entry: e }) => keep(e) && matchesQuery(e, query))
    .sort((x, y) => y.seq - x.seq);
  const page = matches.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((s) => s.entry),
    nextBefore: matches.length > limit && last ? last.seq : null,
  };
}

function matchesQuery(e: AuditEntry, q: AuditQuery): boolean {
  const day = e.at.slice(0, 10);
  return (
    (!q.entityType || e.entityType === q.entityType) &&
    (!q.entityId || e.entityId === q.entityId) &&
    (!q.consortiumId || e.consortiumId === q.consortiumId) &&
    (!q.actorId || e.actorId === q.actorId) &&
    (!q.action || e.action === q.action) &&
    (!q.from || day >= q.from) &&
    (!q.to || day <= q.to)
  );
}
