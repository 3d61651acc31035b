import type { TFunction } from 'i18next';
import type { FieldError } from '../shared/errors.js';

/**
 * What a field's message says, from the catalogue's `fields` section: each field names what it
 * asks for ("el país") and whether it is chosen or written, and the message for each kind of
 * mistake is built from that ("Elija el país.", "Escriba el correo electrónico."). A field may
 * phrase a kind or a code itself ("Debe aceptar … para inscribirse."). Forms where people write
 * about themselves read `ownFields` first ("Elija su país.").
 *
 * Why per field: a summary at the top lists every problem, so "Este campo es obligatorio." three
 * times would say nothing; each message must name its field and say what to do.
 */
interface FieldWords {
  /** The field as the object of a sentence, with its article: "el país", "su correo electrónico". */
  what?: string;
  /** How it is filled: written (the default) or chosen from a list. */
  how?: 'write' | 'choose';
  /** Whole messages for a kind of mistake or an error code. */
  [kindOrCode: string]: string | undefined;
}

/** The kind of mistake each validation code is, for the messages built from a field's words. */
const KIND_OF: Record<string, string> = {
  required: 'missing',
  too_long: 'tooLong',
  too_short: 'tooShort',
  too_big: 'tooBig',
  too_small: 'tooSmall',
  invalid_email: 'email',
  invalid_format: 'format',
  invalid_type: 'format',
  invalid: 'format',
  invalid_choice: 'choice',
  invalid_country: 'choice',
  invalid_date: 'date',
  invalid_time: 'time',
  invalid_phone: 'phone',
};

/** Codes that name no field on the page (keys the form does not have). */
const UNLINKED = new Set(['unknown_field', 'operator_not_allowed']);

export type Voice = 'neutral' | 'own';

/** The field's words, each with the catalogue key it was read from (`ownFields` over `fields`). */
function wordsOf(t: TFunction, field: string, voice: Voice): Map<string, { key: string; text: string }> {
  const words = new Map<string, { key: string; text: string }>();
  for (const section of voice === 'own' ? ['fields', 'ownFields'] : ['fields']) {
    const entry: unknown = t(`${section}.${field}`, { returnObjects: true, defaultValue: {} });
    if (!entry || typeof entry !== 'object') continue;
    for (const [name, text] of Object.entries(entry as FieldWords))
      if (typeof text === 'string') words.set(name, { key: `${section}.${field}.${name}`, text });
  }
  return words;
}

/** The message for one mistake in one field, in the request's language. */
export function fieldMessage(
  t: TFunction,
  field: string,
  error: FieldError,
  voice: Voice = 'neutral',
): string {
  const params = error.params ?? {};
  const words = wordsOf(t, field, voice);
  const kind = KIND_OF[error.code];
  const own = words.get(error.code) ?? (kind ? words.get(kind) : undefined);
  if (own) return t(own.key, params);
  const what = words.get('what')?.text;
  if (kind && what) {
    const template = kind === 'missing' && words.get('how')?.text === 'choose' ? 'missingChoice' : kind;
    return t(`forms.kinds.${template}`, {
      ...params,
      what,
    });
  }
  return t(`validation.${error.code}`, params);
}

/** One problem as the error summary lists it: the message, and the field it links to. */
export interface Problem {
  field: string;
  message: string;
  /** False when the problem names no field on the page (nothing to link to). */
  linked: boolean;
}

/** The problems of a validation error, one per field (its first mistake), in the order given. */
export function problemsOf(
  t: TFunction,
  errors: FieldError[],
  options: { fieldName?: ((field: string) => string) | undefined; voice?: Voice | undefined } = {},
): Problem[] {
  const problems = new Map<string, Problem>();
  for (const error of errors) {
    const field = options.fieldName?.(error.field) ?? error.field;
    if (problems.has(field)) continue;
    const message = fieldMessage(t, field, error, options.voice);
    const linked = !UNLINKED.has(error.code) && field !== '';
    // A key the form does not have is named, since there is no field to link to.
    problems.set(field, {
      field,
      message: linked ? message : t('forms.notOnForm', { field, message }),
      linked,
    });
  }
  return [...problems.values()];
}
