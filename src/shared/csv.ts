import type { Writable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import { batchesOf } from './async-iterables.js';
import { ValidationError } from './errors.js';

const PLAIN_NUMBER_OR_PHONE = /^[+-]?[\d\s().-]+$/;

/**
 * A cell a spreadsheet would run as a formula (`= + - @`, tab, CR at the start) gets a leading
 * apostrophe, unless it is plainly a number or a phone number such as "+593 7 284 1234".
 */
export function neutralizeCell(value: string): string {
  if (/^[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER_OR_PHONE.test(value)) return `'${value}`;
  return value;
}

type Cell = string | number | undefined;
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** A cell as RFC 4180 writes it: neutralized, and quoted (quotes doubled) if it holds a comma, quote or line break. */
function csvCell(cell: Cell): string {
  const text = neutralizeCell(cell === undefined ? '' : String(cell));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/**
 * CSV lines for rows, each ended by a line feed. Written here rather than by a CSV library:
 * an export writes hundreds of thousands of lines, and the little garbage each one makes is
 * what keeps its memory flat.
 */
const csvLines = (rows: Cell[][]) => rows.map((cells) => `${cells.map(csvCell).join(',')}\n`).join('');

/**
 * Writes a CSV file for spreadsheets as its rows are read, a batch at a time: `rowsOf` turns a
 * batch into rows (looking up what it needs once per batch), and writing waits while the client
 * reads slower than Foro writes. Memory stays flat whatever the number of rows.
 */
export async function streamCsv<T>(
  out: Writable,
  header: readonly string[],
  source: AsyncIterable<T>,
  rowsOf: (batch: T[]) => Promise<Cell[][]> | Cell[][],
  batchSize = 200,
): Promise<void> {
  out.write(`\uFEFF${csvLines([[...header]])}`);
  for await (const batch of batchesOf(source, batchSize)) {
    if (!out.write(csvLines(await rowsOf(batch)))) await new Promise((resolve) => out.once('drain', resolve));
  }
}

/** A CSV file for spreadsheets: a byte-order mark (so accents read as UTF-8), cells neutralized. */
export function csvDocument(header: readonly string[], rows: (string | number | undefined)[][]): string {
  return `\uFEFF${csvLines([[...header], ...rows])}`;
}

export const MAX_IMPORT_ROWS = 5000;

/**
 * The records of an uploaded CSV (comma or semicolon, headers lower-cased with `_` for spaces),
 * each with the line it starts on; a file that cannot be read, is too long or lacks a required
 * column is refused as a whole.
 */
export function readCsvRecords(
  content: string,
  required: readonly string[],
): { line: number; record: Record<string, string> }[] {
  let records: { record: Record<string, string>; info: { lines: number }; raw: string }[];
  try {
    // Line endings become LF first: the parser counts a CRLF inside quotes as two lines.
    records = parseCsv(content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_')),
      skip_empty_lines: true,
      trim: false,
      info: true,
      raw: true,
      relax_column_count: true,
      delimiter: [',', ';'],
      max_record_size: 64 * 1024,
    }) as typeof records;
  } catch (error) {
    throw new ValidationError([
      { field: 'file', code: 'csv_unreadable', params: { reason: (error as Error).message.slice(0, 200) } },
    ]);
  }
  if (records.length > MAX_IMPORT_ROWS) {
    throw new ValidationError([{ field: 'file', code: 'too_many_rows', params: { max: MAX_IMPORT_ROWS } }]);
  }
  const headers = Object.keys(records[0]?.record ?? {});
  const missing = required.filter((column) => !headers.includes(column));
  if (records.length > 0 && missing.length > 0) {
    throw new ValidationError([
      { field: 'file', code: 'csv_missing_columns', params: { columns: missing.join(', ') } },
    ]);
  }
  // `lines` is where a record ends; a quoted field may span several lines.
  return records.map(({ record, info, raw }) => ({
    line: info.lines - (raw.replace(/^\n+|\n+$/g, '').match(/\n/g)?.length ?? 0),
    record,
  }));
}
