import type { Request, Response } from 'express';
import { AppError, ValidationError } from '../shared/errors.js';
import { problemsOf, type Voice } from './field-messages.js';

/** Statuses a form answers by showing itself again with the problem, rather than an error page. */
const FORM_STATUSES = new Set([401, 409, 422]);

/**
 * Runs a form's action. On a user mistake the same form is rendered again (same status code)
 * with a message per field and the values entered, so nothing typed is lost.
 */
export async function handleForm(
  req: Request,
  res: Response,
  form: {
    view: string;
    /** The page's other data; a function is called only when the form must be shown again. */
    locals: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
    values?: Record<string, unknown>;
    /** Maps an input field path to the form's field name. */
    fieldName?: (field: string) => string;
    /** `own` where people write about themselves: "Elija su país." rather than "Elija el país." */
    voice?: Voice;
  },
  action: () => Promise<void>,
): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof AppError) || !FORM_STATUSES.has(error.status)) throw error;
    // One problem per field, each linked from the summary at the top (partials/error-summary).
    const problems =
      error instanceof ValidationError
        ? problemsOf(req.t, error.fieldErrors, { fieldName: form.fieldName, voice: form.voice })
        : [];
    const locals = typeof form.locals === 'function' ? await form.locals() : form.locals;
    res.status(error.status).render(form.view, {
      ...locals,
      values: form.values ?? {},
      problems,
      fieldErrors: Object.fromEntries(problems.map((problem) => [problem.field, problem.message])),
      formError:
        error instanceof ValidationError ? undefined : req.t(`errors.${error.code}.detail`, error.params),
    });
  }
}

/** The body of a form as a plain record of strings (repeated fields become arrays). */
export function formBody(req: Request): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

/** A form field's text, or undefined when it was left blank. */
export function filled(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A field that may repeat (checkboxes, multiple selects) as a list of non-empty strings. */
export function many(value: unknown): string[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (item): item is string => typeof item === 'string' && item !== '',
  );
}

/** A form's fields without the ones left blank: an empty select or date means "not given". */
export function withoutBlanks(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== ''));
}
