import { insertPlain, type PlainCollection } from './plain-insert.js';

/**
 * FerretDB answers an update refused by a unique index with its backend's own error rather than
 * code 11000 (it maps only inserts): SQLite's and PostgreSQL's wording, recognised here.
 */
const BACKEND_UNIQUE_VIOLATION = /UNIQUE constraint failed|violates unique constraint|SQLSTATE 23505/;

/**
 * True for the refusal of a write against a unique index: on MongoDB and FerretDB, the one
 * exclusive decision.
 */
export function isDuplicateKey(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: number; message?: unknown };
  return code === 11000 || (typeof message === 'string' && BACKEND_UNIQUE_VIOLATION.test(message));
}

/**
 * Inserts `document` and tells whether this caller won it: false when a unique key refused it
 * (someone else holds that seat, slot or claim); any other failure is thrown.
 */
export async function insertUnlessTaken(model: PlainCollection, document: object) {
  try {
    await insertPlain(model, document);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
