import type { AuditPage, AuditQuery } from '@domain/contract/auth';
import type { AuditEntry, Role } from '@domain/contract/reporting';
import type { Actor } from '@domain/rules/mutations';

/** What a handler says about a successful write; the store adds who (unless named), when and the id. */
export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  programmeId: string | null;
  consortiumId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Someone acting without a session yet (accepting a link) is named explicitly. */
  actor?: Actor;
  role?: Role | null;
}

export interface StoredEntry {
  seq: number;
  /** Kept beside the entry, as the server's column, to list a programme's activity. */
  programmeId: string | null;
  entry: AuditEntry;
}

/** Newest first, filtered, one page at a time; `before` is the sequence number to go below. */
export function pageOf(
  log: readonly StoredEntry[],
  query: AuditQuery,
  keep: (stored: StoredEntry) => boolean,
): AuditPage {
  const limit = query.limit ?? 50;
  const matches = log
    .filter(({ seq }) => query.before === undefined || seq < query.before)
    .filter((stored) => keep(stored) && matchesQuery(stored.entry, query))
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
