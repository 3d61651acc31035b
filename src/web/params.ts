import type { Request } from 'express';

/** A path parameter as one string (an id that does not exist then gives 404 downstream). */
export function pathParam(req: Request, name: string): string {
  const value: unknown = req.params[name];
  return typeof value === 'string' ? value : '';
}
