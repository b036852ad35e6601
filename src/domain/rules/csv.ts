export type CsvCell = string | number | null;

/*
 * A text cell that a spreadsheet would read as a formula (OWASP "CSV injection"): `=`, `+`, `-`,
 * `@`, tab or carriage return first. Prefixed with an apostrophe, it stays text. Numbers are
 * written as numbers, so a negative value keeps its minus sign.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : value.replace(FORMULA_START, "'$&");
  // RFC 4180: quote fields holding a separator, a quote or a line break; double the quotes.
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV as spreadsheets open it: comma-separated, CRLF line ends, numbers with a dot (the
 * spreadsheet formats them), headers in the reader's language.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
