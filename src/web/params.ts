import type { Request } from 'express';

/** A path parameter as one string (an id that does not exist then gives 404 downstream). */
export function pathParam(req: Request, name: string): string {
  const value: unknown = req.params[name];
  return typeof value === 'string' ? value : '';
}

/**
 * The query string without `lang`, which the language switch adds to every page's links and
 * the language middleware has already read; strict schemas then see only their own fields.
 */
export function queryOf(req: Request): Record<string, unknown> {
  const { lang: _lang, ...rest } = req.query as Record<string, unknown>;
  return rest;
}
