export type CsvCell = string | number | null;

/**
 * How a CSV file is written for the program that opens it. `excel-fr` is what French Excel reads
 * on a double click: `;` between fields (the comma is the decimal mark), a decimal comma and a
 * UTF-8 byte-order mark (without it Excel reads the bytes as Windows-1252). `standard` is
 * RFC 4180, for scripts and every other tool.
 */
export type CsvDialect = 'excel-fr' | 'standard';

interface DialectFormat {
  separator: string;
  decimal: string;
  bom: string;
}

const DIALECTS: Readonly<Record<CsvDialect, DialectFormat>> = {
  'excel-fr': { separator: ';', decimal: ',', bom: '\ufeff' },
  standard: { separator: ',', decimal: '.', bom: '' },
};

/*
 * A text cell that a spreadsheet would read as a formula (OWASP "CSV injection"): `=`, `+`, `-`,
 * `@`, tab or carriage return first. Prefixed with an apostrophe, it stays text. Numbers are
 * written as numbers, so a negative value keeps its minus sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell as a spreadsheet may read it: never as a formula. */
export const neutraliseFormula = (text: string): string => text.replace(FORMULA_START, "'$&");

function cell(value: CsvCell, format: DialectFormat): string {
  if (value === null) return '';
  const text =
    typeof value === 'number'
      ? String(value).replace('.', format.decimal)
      : neutraliseFormula(value);
  // RFC 4180: quote fields holding the separator, a quote or a line break; double the quotes.
  const needsQuotes = text.includes(format.separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV as spreadsheets open it: CRLF line ends, headers in the reader's language, numbers as
 * numbers in the dialect's decimal mark (the spreadsheet formats them).
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  dialect: CsvDialect = 'standard',
): string {
  const format = DIALECTS[dialect];
  const lines = [header, ...rows].map((r) => r.map((c) => cell(c, format)).join(format.separator));
  return format.bom + lines.join('\r\n') + '\r\n';
}
