import { readCsvRecords } from '../../shared/csv.js';
import { ValidationError, type FieldError } from '../../shared/errors.js';
import { parse } from '../../shared/validate.js';
import { contactInput, type ContactInput } from './contact.schemas.js';

/** The columns of the contacts CSV, the same for export and import. */
export const CONTACT_COLUMNS = [
  'country',
  'institution',
  'institution_name',
  'type',
  'honorific',
  'name',
  'position',
  'email',
  'phone',
  'language',
  'notes',
] as const;

export interface ContactRow {
  line: number;
  input?: ContactInput;
  errors: FieldError[];
}

const FIELD: Record<string, keyof ContactInput> = { institution_name: 'institutionName' };

/** Reads and checks an uploaded contacts CSV; nothing is saved. */
export function readContactsCsv(content: string): ContactRow[] {
  return readCsvRecords(content, ['country', 'name', 'type']).map(({ line, record }) => {
    const errors: FieldError[] = Object.keys(record)
      .filter((key) => !(CONTACT_COLUMNS as readonly string[]).includes(key))
      .map((field) => ({ field, code: 'unknown_field' }));
    const fields = Object.fromEntries(
      Object.entries(record)
        .filter(([key, value]) => (CONTACT_COLUMNS as readonly string[]).includes(key) && value.trim() !== '')
        .map(([key, value]) => [
          FIELD[key] ?? key,
          ['type', 'institution', 'language'].includes(key) ? value.trim().toLowerCase() : value,
        ]),
    );
    try {
      const input = parse(contactInput, { institution: 'foreign_affairs', ...fields });
      return errors.length === 0 ? { line, input, errors } : { line, errors };
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return { line, errors: [...errors, ...error.fieldErrors] };
    }
  });
}
