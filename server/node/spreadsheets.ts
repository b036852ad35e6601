import ExcelJS from 'exceljs';
import type { ExportCell, ExportColumn, ExportTable } from '../../src/domain/rules';
import type { SpreadsheetWriter } from '../ports';

/** A cell as the spreadsheet should hold it: a date column's ISO text becomes a real date. */
function cellValue(column: ExportColumn | undefined, value: ExportCell): ExcelJS.CellValue {
  if (value === null) return null;
  if (column?.kind === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return value;
}

/*
 * exceljs writes values as typed cells, so no formula is ever written from the data: a title
 * "=HYPERLINK(…)" is a text cell here, unlike a CSV cell that the spreadsheet re-reads.
 */
function addSheet(book: ExcelJS.Workbook, table: ExportTable): void {
  const sheet = book.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    sheet.addRow(row.map((value, i) => cellValue(table.columns[i], value)));
  }
}

/** The XLSX writer of a Node server: one sheet per table, header bold and frozen. */
export const excelWriter: SpreadsheetWriter = {
  async workbook(tables) {
    const book = new ExcelJS.Workbook();
    book.creator = 'Jalon';
    for (const table of tables) addSheet(book, table);
    const buffer = await book.xlsx.writeBuffer();
    return new Uint8Array(buffer);
  },
};
