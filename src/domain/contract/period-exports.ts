import { z } from 'zod';
import { Id, Locale } from './common';
import type { RouteDef } from './routes';

const route = <const R extends RouteDef>(r: R): R => r;

/** The three tables of a period's export, one sheet each in the XLSX file. */
export const ExportSheet = z.enum(['milestones', 'kpis', 'slips']);
export type ExportSheet = z.infer<typeof ExportSheet>;

/** `excel-fr` opens on a double click in French Excel; `standard` is RFC 4180. */
export const CsvDialectName = z.enum(['excel-fr', 'standard']);

/** Column headers and status words are written in `lang`; without it, in the reader's own language. */
const lang = Locale.optional();

export const PeriodXlsxQuery = z.strictObject({ lang });
export type PeriodXlsxQuery = z.infer<typeof PeriodXlsxQuery>;

export const PeriodCsvQuery = z.strictObject({
  sheet: ExportSheet,
  dialect: CsvDialectName.default('excel-fr'),
  lang,
});
export type PeriodCsvQuery = z.infer<typeof PeriodCsvQuery>;

const exportAccess = { kind: 'scoped', permission: 'programme.read', scope: 'period' } as const;
const periodParams = z.strictObject({ periodId: Id });

/**
 * A period's data as files to hand on to people who never sign in: small counts masked whoever
 * downloads them, leads and members only their own consortium's rows.
 */
export const periodExportRoutes = {
  exportPeriodXlsx: route({
    method: 'GET',
    access: exportAccess,
    path: '/periods/:periodId/export.xlsx',
    params: periodParams,
    query: PeriodXlsxQuery,
    /** The workbook's bytes as an attachment; 501 where no XLSX writer runs (the browser mocks). */
    rawResponse: true,
    response: z.unknown(),
  }),
  exportPeriodCsv: route({
    method: 'GET',
    access: exportAccess,
    path: '/periods/:periodId/export.csv',
    params: periodParams,
    query: PeriodCsvQuery,
    /** One sheet as CSV text in the chosen dialect, as an attachment. */
    rawResponse: true,
    response: z.unknown(),
  }),
} as const;
