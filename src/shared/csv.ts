import { stringify } from 'csv-stringify/sync';

const PLAIN_NUMBER_OR_PHONE = /^[+-]?[\d\s().-]+$/;

/**
 * A cell a spreadsheet would run as a formula (`= + - @`, tab, CR at the start) gets a leading
 * apostrophe, unless it is plainly a number or a phone number such as "+593 7 284 1234".
 */
export function neutralizeCell(value: string): string {
  if (/^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER_OR_PHONE.test(value)) return `'${value}`;
  return value;
}

/** A CSV file for spreadsheets: a byte-order mark (so accents read as UTF-8), cells neutralized. */
export function csvDocument(header: readonly string[], rows: (string | number | undefined)[][]): string {
  const cells = rows.map((row) => row.map((cell) => neutralizeCell(cell === undefined ? '' : String(cell))));
  return `\uFEFF${stringify([[...header], ...cells])}`;
}
