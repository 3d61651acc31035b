import { parse as parseCsv } from 'csv-parse/sync';
import { csvDocument } from '../../shared/csv.js';
export { neutralizeCell } from '../../shared/csv.js';
import { type FieldError, ValidationError } from '../../shared/errors.js';
import { parse } from '../../shared/validate.js';
import { personInput, type PersonInput } from './person.schemas.js';
import type { PersonView } from './person.views.js';

/** The columns of the people CSV, in order; imports accept them in any order and case. */
export const CSV_COLUMNS = [
  'honorific',
  'given_name',
  'family_name',
  'position',
  'organization',
  'sector',
  'country',
  'email',
  'phone',
  'language',
  'gender',
  'biography_es',
  'biography_en',
  'biography_pt',
] as const;

export function peopleToCsv(people: PersonView[], options: { withContactDetails: boolean }): string {
  const rows = people.map((p) => [
    p.honorific,
    p.givenName,
    p.familyName,
    p.position,
    p.organization,
    p.sector,
    p.country,
    options.withContactDetails ? p.email : '',
    options.withContactDetails ? p.phone : '',
    p.language,
    '', // gender is kept for aggregate figures only, never exported per person
    p.biography.es,
    p.biography.en,
    p.biography.pt,
  ]);
  return csvDocument(CSV_COLUMNS, rows);
}

export interface ImportRow {
  line: number;
  input?: PersonInput;
  errors: FieldError[];
}

const empty = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);

function rowToInput(row: Record<string, string>): Record<string, unknown> {
  const biography = {
    ...(empty(row['biography_es']) && { es: row['biography_es'] }),
    ...(empty(row['biography_en']) && { en: row['biography_en'] }),
    ...(empty(row['biography_pt']) && { pt: row['biography_pt'] }),
  };
  const fields: Record<string, unknown> = {
    honorific: empty(row['honorific']),
    givenName: row['given_name'] ?? '',
    familyName: row['family_name'] ?? '',
    position: empty(row['position']),
    organization: empty(row['organization']),
    sector: empty(row['sector'])?.trim().toLowerCase().replace(/\s+/g, '_'),
    country: empty(row['country']),
    email: empty(row['email']),
    phone: empty(row['phone']),
    language: empty(row['language'])?.trim().toLowerCase(),
    gender: empty(row['gender'])?.trim().toLowerCase(),
    ...(Object.keys(biography).length > 0 && { biography }),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

export const MAX_IMPORT_ROWS = 5000;

/**
 * Reads and checks an uploaded CSV without saving anything: every row with its line number
 * and its problems (same rules as the form, plus emails repeated in the file).
 */
export function readPeopleCsv(content: string): ImportRow[] {
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
  const missing = ['given_name', 'family_name'].filter((column) => !headers.includes(column));
  if (records.length > 0 && missing.length > 0) {
    throw new ValidationError([
      { field: 'file', code: 'csv_missing_columns', params: { columns: missing.join(', ') } },
    ]);
  }
  const seenEmails = new Map<string, number>();
  return records.map(({ record, info, raw }) => {
    // `lines` is where the record ends; a quoted field may span several lines.
    const line = info.lines - (raw.replace(/^\n+|\n+$/g, '').match(/\n/g)?.length ?? 0);
    const unknown = Object.keys(record).filter((key) => !(CSV_COLUMNS as readonly string[]).includes(key));
    const errors: FieldError[] = unknown.map((field) => ({ field, code: 'unknown_field' }));
    let input: PersonInput | undefined;
    try {
      input = parse(personInput, rowToInput(record));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors.push(...error.fieldErrors);
    }
    const email = input?.email;
    if (email) {
      const first = seenEmails.get(email);
      if (first !== undefined)
        errors.push({ field: 'email', code: 'duplicate_in_file', params: { line: first } });
      else seenEmails.set(email, line);
    }
    return errors.length === 0 && input ? { line, input, errors } : { line, errors };
  });
}
