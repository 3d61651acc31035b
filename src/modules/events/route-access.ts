import type { RequestHandler } from 'express';
import { match } from 'path-to-regexp';
import { ForbiddenError } from '../../shared/errors.js';
import { requireRole, requireUser } from '../auth/index.js';
import { getEvent } from './event.service.js';
import { policy, ROUTES, type RouteRule } from './policy.js';

type Guard = (eventId: string | undefined) => RequestHandler[];

/**
 * The team rule: the event in the path must be one the caller may edit (an unknown event is a
 * 404, as the route would say); without one in the path, the route checks its record's event.
 */
const teamOf =
  (eventId: string | undefined): RequestHandler =>
  async (req, _res, next) => {
    if (eventId === undefined || (await policy.forEvent(req.user, eventId)).edit) return next();
    await getEvent(eventId);
    next(new ForbiddenError());
  };

const GUARDS: Record<RouteRule, Guard> = {
  public: () => [],
  link: () => [],
  'signed-in': () => [requireUser],
  organizer: () => requireRole('admin', 'organizer'),
  team: (eventId) => [...requireRole('admin', 'organizer'), teamOf(eventId)],
  admin: () => requireRole('admin'),
};

/** Runs guards in turn: each calls next, answers, or fails. */
function run(guards: RequestHandler[], ...[req, res, next]: Parameters<RequestHandler>) {
  const step = (i: number) => (error?: unknown) => {
    if (error || i === guards.length) return next(error);
    void Promise.resolve(guards[i]!(req, res, step(i + 1))).catch(next);
  };
  step(0)();
}

/**
 * Enforces `ROUTES` (policy.ts) once, before any module router: the route's rule decides who
 * may go on. A path that matches no route goes on to the 404 page; the route × role test makes
 * sure every route has its rule.
 */
export function routeAccess(): RequestHandler {
  // Grouped by method, in the table's order (a literal path before the one with a parameter).
  const byMethod = new Map<
    string,
    { matches: ReturnType<typeof match<{ eventId?: string }>>; rule: RouteRule }[]
  >();
  for (const [key, rule] of Object.entries(ROUTES)) {
    const [method, path] = key.split(' ') as [string, string];
    byMethod.set(method, [
      ...(byMethod.get(method) ?? []),
      { matches: match<{ eventId?: string }>(path), rule },
    ]);
  }
  return (req, res, next) => {
    for (const route of byMethod.get(req.method === 'HEAD' ? 'GET' : req.method) ?? []) {
      const found = route.matches(req.path);
      if (found) return run(GUARDS[route.rule](found.params.eventId), req, res, next);
    }
    next();
  };
}
