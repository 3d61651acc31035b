import { z } from 'zod';

/**
 * The input limits of the whole application (DESIGN.md §6). Every schema takes its
 * lengths from here so a limit changes in one place.
 */
export const LIMITS = {
  name: 120,
  title: 300,
  description: 5000,
  note: 2000,
  email: 254,
  /** Free-form short values (search terms, flight numbers, hotels). */
  short: 120,
  honorific: 20,
  phone: 40,
  passportNumber: 20,
  /** Badge and verification codes as people type them (with dashes and spaces). */
  code: 40,
  slug: 80,
  timeZone: 64,
  password: 256,
  passwordMin: 12,
  uploadBytes: 5 * 1024 * 1024,
  /** A signature printed on letters: a scan or photo of a few centimetres needs far less. */
  signatureImageBytes: 1024 * 1024,
  jsonBodyBytes: 100 * 1024,
  /**
   * Forms carry several trilingual descriptions, percent-encoded (up to 9 bytes a character),
   * so their limit is larger than the JSON one.
   */
  formBodyBytes: 512 * 1024,
} as const;

export type TextKind = 'name' | 'title' | 'description' | 'note' | 'short' | 'honorific' | 'passportNumber';

// C0 and C1 controls, DEL, and Unicode line/paragraph separators; newline is allowed.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/** Browsers send CRLF from textareas; store plain LF, in NFC. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * A text field: line endings and Unicode normalized, lone surrogates and control
 * characters (other than newline) refused, trimmed, and capped by its kind's limit.
 */
export function text(kind: TextKind, options: { min?: number } = {}) {
  const schema = z
    .string()
    .overwrite(normalizeText)
    .refine((value) => value.isWellFormed(), { message: 'invalid_characters', abort: true })
    .refine((value) => !FORBIDDEN_CONTROLS.test(value), { message: 'control_characters', abort: true })
    .trim()
    .max(LIMITS[kind]);
  return options.min ? schema.min(options.min) : schema;
}

/** A text that must not be empty after trimming. */
export function requiredText(kind: TextKind) {
  return text(kind, { min: 1 });
}

export function email() {
  return z
    .string()
    .trim()
    .max(LIMITS.email)
    .pipe(z.email({ message: 'invalid_email' }))
    .transform((value) => value.toLowerCase());
}

/** Content in the three working languages; at least one must be given. */
export function trilingual(kind: TextKind) {
  return z
    .strictObject({ es: text(kind).optional(), en: text(kind).optional(), pt: text(kind).optional() })
    .refine((value) => Boolean(value.es || value.en || value.pt), { message: 'one_language_required' });
}

/** Optional content in the three working languages (descriptions, biographies). */
export function optionalTrilingual(kind: TextKind) {
  return z.strictObject({ es: text(kind).optional(), en: text(kind).optional(), pt: text(kind).optional() });
}

/** A telephone number as people write it, with an extension if any. */
export function phone() {
  return z
    .string()
    .trim()
    .max(LIMITS.phone)
    .regex(/^\+?[0-9 ().-]{4,}(\s*(ext\.?|x)\s*\d+)?$/i, { message: 'invalid_phone' });
}

/** A reference to another record by its id (24 hex digits). */
export function objectId() {
  return z.string().regex(/^[a-f0-9]{24}$/i, { message: 'invalid_reference' });
}

/**
 * Badges in one PDF, at most: beyond, the badges print as numbered parts of this many (family-name
 * order runs on from one part to the next), each drawn well within the PDF time limit. A COP's
 * 60,000 confirmed participants are 120 parts; the largest delegation's 4,400 are 9.
 */
export const BADGES_PER_PDF = 500;

/** Entries of a participant list in one PDF, at most: beyond, the list prints in numbered parts. */
export const LIST_ENTRIES_PER_PDF = 5000;

/**
 * Letters (visa letters, certificates) in one PDF, at most: a page each, so beyond this many they
 * print as numbered parts in family-name order, each drawn well within the PDF time limit.
 */
export const LETTERS_PER_PDF = 500;
