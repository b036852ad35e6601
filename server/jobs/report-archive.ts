import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Locale, ReportArchive, ReportingPeriod } from '../../src/domain/contract';
import type { DB, ReportArchivesTable } from '../db/schema';
import { enqueue } from './queue';

/*
 * The archive job's kind and payload are here, beside the queue, because a lock schedules it from
 * code that also runs in the browser mocks; only the Node server renders it (server/node), so on
 * the mocks an archive stays pending.
 */
export const REPORT_ARCHIVE_JOB = 'report.archive';
export const REPORT_ARCHIVE_ATTEMPTS = 3;

export const ReportArchivePayload = z.strictObject({ archiveId: z.string().min(1) });
export type ReportArchivePayload = z.infer<typeof ReportArchivePayload>;

type ArchiveRow = Pick<
  Selectable<ReportArchivesTable>,
  | 'periodId'
  | 'version'
  | 'status'
  | 'language'
  | 'sha256'
  | 'requestedAt'
  | 'generatedAt'
  | 'attempts'
  | 'error'
> & { sizeBytes: number | null };

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export const toReportArchive = (r: ArchiveRow): ReportArchive => ({
  periodId: r.periodId,
  version: r.version,
  status: r.status,
  language: r.language,
  sha256: r.sha256,
  sizeBytes: r.sizeBytes === null ? null : Number(r.sizeBytes),
  generatedAt: r.generatedAt ? iso(r.generatedAt) : null,
  requestedAt: iso(r.requestedAt),
  attempts: r.attempts,
  error: r.error,
});

/** Every column but the bytes, with their length: the list never carries a PDF. */
export function archiveMetadata(db: Kysely<DB>) {
  return db
    .selectFrom('reportArchives')
    .select((eb) => [
      'id',
      'periodId',
      'version',
      'status',
      'language',
      'sha256',
      'requestedAt',
      'generatedAt',
      'attempts',
      'error',
      eb.fn<number | null>('octet_length', ['bytes']).as('sizeBytes'),
    ]);
}

/** Schedules one rendering of an archive; the key names the attempt so a retry is a new job. */
export function scheduleArchive(
  db: Kysely<DB>,
  archiveId: string,
  attemptKey: string,
  now: string,
) {
  return enqueue(db, {
    kind: REPORT_ARCHIVE_JOB,
    key: `report-archive:${archiveId}:${attemptKey}`,
    runAt: now,
    payload: { archiveId } satisfies ReportArchivePayload,
    maxAttempts: REPORT_ARCHIVE_ATTEMPTS,
    now,
  });
}

/**
 * Called in the lock's transaction: the next version of the period's archive, pending, and the
 * job that renders it. Both commit with the lock or not at all.
 */
export async function requestArchive(
  tx: Kysely<DB>,
  period: ReportingPeriod,
  language: Locale,
  now: string,
): Promise<void> {
  const last = await tx
    .selectFrom('reportArchives')
    .select((eb) => eb.fn.max<number | null>('version').as('version'))
    .where('periodId', '=', period.id)
    .executeTakeFirst();
  const id = crypto.randomUUID();
  await tx
    .insertInto('reportArchives')
    .values({
      id,
      periodId: period.id,
      version: (last?.version ?? 0) + 1,
      status: 'pending',
      language,
      requestedAt: now,
    })
    .execute();
  await scheduleArchive(tx, id, 'lock', now);
}
