import type { Kysely } from 'kysely';
import type { PeriodReport, ReportingPeriod } from '../../src/domain/contract';
import { notFound, Problem } from '../../src/domain/problems';
import { buildPeriodReport, canSee, readerOf, type ReaderOptions } from '../../src/domain/rules';
import type { Principal } from '../../src/domain/rules/permissions';
import { writeAudit } from '../audit';
import { transaction } from '../db/guard';
import {
  consortiaOf,
  currentValuesOf,
  kpisOf,
  milestonesOf,
  periodOr404,
  programmeOr404,
  replanEventsOf,
  settingsOf,
} from '../db/queries';
import type { DB } from '../db/schema';
import { archiveMetadata, scheduleArchive, toReportArchive } from '../jobs/report-archive';
import type { Handlers, RawFile } from './types';

export interface ReportReader {
  /** Null for the archive: it is rendered for the committee, not for one person. */
  principal: Principal | null;
  /** How each consortium's numbers are read (the archive masks small counts, as exports do). */
  readerOf: (programme: { smallCountThreshold: number }, consortiumId: string) => ReaderOptions;
  today: string;
  now: string;
}

/** The report of a period as `reader` sees it: read by the page and by the archive job alike. */
export async function loadPeriodReport(
  db: Kysely<DB>,
  period: ReportingPeriod,
  reader: ReportReader,
): Promise<PeriodReport> {
  const programme = await programmeOr404(db, period.programmeId);
  const consortia = (await consortiaOf(db, programme.id)).filter(
    (c) =>
      reader.principal === null ||
      canSee(reader.principal, { programmeId: programme.id, consortiumId: c.id }),
  );
  const ids = consortia.map((c) => c.id);
  const milestones = await milestonesOf(db, ids);
  return buildPeriodReport({
    programme,
    period,
    consortia,
    kpis: await kpisOf(db, programme.id),
    settings: await settingsOf(db, ids),
    values: await currentValuesOf(db, ids),
    milestones,
    events: await replanEventsOf(
      db,
      milestones.map((m) => m.id),
    ),
    today: reader.today,
    generatedAt: reader.now,
    readerOf: (c) => reader.readerOf(programme, c.id),
  });
}

async function archiveOr404(db: Kysely<DB>, periodId: string, version: string) {
  const row = await archiveMetadata(db)
    .where('periodId', '=', periodId)
    .where('version', '=', Number(version))
    .executeTakeFirst();
  if (!row) throw notFound('Report archive');
  return row;
}

/** "copil-2026-10-v2.pdf": the period and the version, nothing a file system refuses. */
const fileName = (period: ReportingPeriod, version: number) =>
  `copil-${period.period.toLowerCase()}-v${version}.pdf`;

export const periodReportHandlers: Pick<
  Handlers,
  'getPeriodReport' | 'listReportArchives' | 'downloadReportArchive' | 'retryReportArchive'
> = {
  async getPeriodReport({ params, ctx }) {
    const period = await periodOr404(ctx.db, params.periodId);
    const principal = ctx.principal;
    return loadPeriodReport(ctx.db, period, {
      principal,
      readerOf: (programme, consortiumId) =>
        readerOf(principal, { programmeId: period.programmeId, consortiumId }, programme),
      today: ctx.clock.today(),
      now: ctx.clock.now(),
    });
  },

  async listReportArchives({ params, ctx }) {
    await periodOr404(ctx.db, params.periodId);
    const rows = await archiveMetadata(ctx.db)
      .where('periodId', '=', params.periodId)
      .orderBy('version')
      .execute();
    return { items: rows.map(toReportArchive) };
  },

  async downloadReportArchive({ params, ctx }): Promise<RawFile> {
    const period = await periodOr404(ctx.db, params.periodId);
    const archive = await archiveOr404(ctx.db, period.id, params.version);
    const row = await ctx.db
      .selectFrom('reportArchives')
      .select(['bytes', 'sha256'])
      .where('id', '=', archive.id)
      .executeTakeFirstOrThrow();
    if (archive.status !== 'ready' || !row.bytes || !row.sha256)
      throw new Problem(409, 'conflict', `Report archive ${archive.version} is ${archive.status}`);
    return {
      // Copied into a plain Uint8Array: drivers hand back a Buffer over a shared pool.
      bytes: new Uint8Array(row.bytes),
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${fileName(period, archive.version)}"`,
        // The bytes of a version never change: its digest is its strong validator for ever.
        ETag: `"${row.sha256}"`,
        'Cache-Control': 'private, max-age=31536000, immutable',
        'X-Content-Type-Options': 'nosniff',
      },
    };
  },

  async retryReportArchive({ params, ctx }) {
    return transaction(ctx.db, async (tx) => {
      const period = await periodOr404(tx, params.periodId);
      const archive = await archiveOr404(tx, period.id, params.version);
      if (archive.status !== 'failed')
        throw new Problem(422, 'rule_violated', 'only a failed archive is retried', {
          issues: [{ field: 'status', code: 'archive_not_failed', message: archive.status }],
        });
      const now = ctx.clock.now();
      await tx
        .updateTable('reportArchives')
        .set({ status: 'pending', attempts: 0, error: null })
        .where('id', '=', archive.id)
        .execute();
      await scheduleArchive(tx, archive.id, `retry:${now}`, now);
      await writeAudit(tx, ctx, {
        action: 'period.archiveRetry',
        entityType: 'period',
        entityId: period.id,
        programmeId: period.programmeId,
        consortiumId: null,
        before: { archive: archive.version, archiveStatus: 'failed' },
        after: { period: period.period, archive: archive.version, archiveStatus: 'pending' },
      });
      return toReportArchive({ ...archive, status: 'pending', attempts: 0, error: null });
    });
  },
};
