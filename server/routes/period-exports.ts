import type { Locale, ReportingPeriod } from '../../src/domain/contract';
import { Problem } from '../../src/domain/problems';
import {
  buildHeatmap,
  canSee,
  cellPeriodOf,
  exportFileName,
  exportReader,
  periodExportTables,
  toCsv,
  type ExportTable,
} from '../../src/domain/rules';
import type { RequestContext } from '../context';
import {
  consortiaOf,
  kpisOf,
  localeOfUser,
  milestonesOf,
  periodOr404,
  periodValuesOf,
  programmeOr404,
  replanEventsOf,
  settingsOf,
} from '../db/queries';
import { exportLabels } from '../exports/labels';
import type { Handlers, RawFile } from './types';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The reader's language when the link names none: the one of their account. */
const localeOf = (ctx: RequestContext, asked: Locale | undefined): Promise<Locale> =>
  asked ? Promise.resolve(asked) : localeOfUser(ctx.db, ctx.principal?.userId);

/**
 * The period's tables as this requester may take them away: their consortia only (a lead's own),
 * every small count masked whoever they are, since the file leaves Jalon.
 */
async function tablesOf(ctx: RequestContext, period: ReportingPeriod, locale: Locale) {
  const programme = await programmeOr404(ctx.db, period.programmeId);
  const consortia = (await consortiaOf(ctx.db, programme.id)).filter((c) =>
    canSee(ctx.principal, { programmeId: programme.id, consortiumId: c.id }),
  );
  const ids = consortia.map((c) => c.id);
  const kpis = await kpisOf(ctx.db, programme.id);
  const periods = [...new Set(kpis.map((k) => cellPeriodOf(k, period.period)))];
  const reader = exportReader(programme);
  const heatmap = buildHeatmap({
    programme,
    period: period.period,
    consortia,
    kpis,
    settings: await settingsOf(ctx.db, ids),
    values: await periodValuesOf(ctx.db, ids, periods),
    readerOf: () => reader,
  });
  const milestones = await milestonesOf(ctx.db, ids);
  const events = await replanEventsOf(
    ctx.db,
    milestones.map((m) => m.id),
  );
  return periodExportTables(
    { period: period.period, heatmap, milestones, events },
    exportLabels(locale),
  );
}

function attachment(bytes: Uint8Array<ArrayBuffer>, type: string, name: string): RawFile {
  return {
    bytes,
    headers: {
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${name}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  };
}

const csvLine = (t: ExportTable) => t.columns.map((c) => c.header);

export const periodExportHandlers: Pick<Handlers, 'exportPeriodXlsx' | 'exportPeriodCsv'> = {
  async exportPeriodXlsx({ params, query, ctx }): Promise<RawFile> {
    const period = await periodOr404(ctx.db, params.periodId);
    if (!ctx.spreadsheets) {
      throw new Problem(501, 'unavailable', 'XLSX exports are not available here; CSV is');
    }
    const tables = await tablesOf(ctx, period, await localeOf(ctx, query.lang));
    const bytes = await ctx.spreadsheets.workbook([tables.milestones, tables.kpis, tables.slips]);
    return attachment(bytes, XLSX_TYPE, exportFileName(period.period, 'all', 'xlsx'));
  },

  async exportPeriodCsv({ params, query, ctx }): Promise<RawFile> {
    const period = await periodOr404(ctx.db, params.periodId);
    const table = (await tablesOf(ctx, period, await localeOf(ctx, query.lang)))[query.sheet];
    const text = toCsv(csvLine(table), table.rows, query.dialect);
    return attachment(
      new TextEncoder().encode(text),
      `text/csv; charset=utf-8${query.dialect === 'standard' ? '; header=present' : ''}`,
      exportFileName(period.period, query.sheet, 'csv'),
    );
  },
};
