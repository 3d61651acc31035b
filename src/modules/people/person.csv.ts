import { csvDocument, readCsvRecords } from '../../shared/csv.js';
export { MAX_IMPORT_ROWS } from '../../shared/csv.js';
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
  'time_zone',
  'gender',
  'biography_es',
  'biography_en',
  'biography_pt',
] as const;

/** A person's row of the CSV; addresses and phones only `withContactDetails`. */
export function personRow(p: PersonView, options: { withContactDetails: boolean }) {
  return [
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
    p.timezone,
    '', // gender is kept for aggregate figures only, never exported per person
    p.biography.es,
    p.biography.en,
    p.biography.pt,
  ];
}

export function peopleToCsv(people: PersonView[], options: { withContactDetails: boolean }): string {
  return csvDocument(
    CSV_COLUMNS,
    people.map((p) => personRow(p, options)),
  );
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
    timezone: empty(row['time_zone'])?.trim(),
    gender: empty(row['gender'])?.trim().toLowerCase(),
    ...(Object.keys(biography).length > 0 && { biography }),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/**
 * Reads and checks an uploaded CSV without saving anything: every row with its line number
 * and its problems (same rules as the form, plus emails repeated in the file).
 */
export function readPeopleCsv(content: string): ImportRow[] {
  const records = readCsvRecords(content, ['given_name', 'family_name']);
  const seenEmails = new Map<string, number>();
  return records.map(({ record, line }) => {
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
