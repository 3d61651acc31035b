import { z } from 'zod';
import type { Request } from 'express';

/** A path parameter as one string (an id that does not exist then gives 404 downstream). */
export function pathParam(req: Request, name: string): string {
  const value: unknown = req.params[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The query string without `lang`, which the language switch adds to every page's links and
 * the language middleware has already read, and without `_csrf`, which upload forms carry in
 * their action URL; strict schemas then see only their own fields.
 */
export function queryOf(req: Request): Record<string, unknown> {
  const { lang: _lang, _csrf: _csrf, ...rest } = req.query as Record<string, unknown>;
  return rest;
}

/** A place in a paged list (`db/blocks.ts`), as pages link to the next and previous ones. */
export const pageCursor = z.string().regex(/^\d{1,9}\.[a-f0-9]{24}$/);

/** Which numbered part of a PDF printed in parts (badges, lists, letters): the first when not said. */
export const pdfPart = z.coerce.number().int().min(1).max(10_000).default(1);

/** The query of a PDF printed in parts with nothing else to choose. */
export const pdfPartQuery = z.strictObject({ part: pdfPart });

/** The query of a paged list with nothing else to choose. */
export const pageQuery = z.strictObject({
  after: pageCursor.optional().describe('The `next` of a page: gives the page after it'),
  before: pageCursor.optional().describe('The `previous` of a page: gives the page before it'),
});
