import type { Request, Response } from 'express';
import { formBody } from './forms.js';

/** What a confirmation page says before something that cannot simply be undone. */
export interface Confirmation {
  /** The question, e.g. "Cancel your registration?". */
  question: string;
  /** What will happen, one line each, in the reader's language. */
  consequences: string[];
  /** The button that goes ahead, e.g. "Yes, cancel my registration". */
  confirm: string;
  /** Where "No, go back" leads. */
  back: string;
}

/** The field a confirmation page sends with the original form's fields. */
const CONFIRMED = 'confirmed';

/**
 * Nothing destructive in one click: the first POST of a destructive form shows a page of its own
 * that says what will happen (no script needed), carrying the form's fields; its button sends
 * them again with `confirmed=yes`. Returns true when the action may go ahead.
 */
export async function confirmedOrAsk(
  req: Request,
  res: Response,
  ask: () => Confirmation | Promise<Confirmation>,
): Promise<boolean> {
  const body = formBody(req);
  if (body[CONFIRMED] === 'yes') return true;
  const fields = Object.entries(body)
    .filter(([name]) => name !== CONFIRMED)
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value])
        .filter((v): v is string => typeof v === 'string')
        .map((v) => ({ name, value: v })),
    );
  const asked = await ask();
  res.render('confirm', {
    title: asked.question,
    ...asked,
    action: req.originalUrl,
    fields: [...fields, { name: CONFIRMED, value: 'yes' }],
  });
  return false;
}

/** Removes the confirmation's own field before a strict schema reads the form. */
export function withoutConfirmation(body: Record<string, unknown>): Record<string, unknown> {
  const { [CONFIRMED]: _confirmed, ...rest } = body;
  return rest;
}
