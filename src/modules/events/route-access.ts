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
  const compiled = Object.entries(ROUTES).map(([key, rule]) => {
    const [method, path] = key.split(' ') as [string, string];
    return { method, matches: match<{ eventId?: string }>(path), rule };
  });
  return (req, res, next) => {
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    for (const route of compiled) {
      if (route.method !== method) continue;
      const found = route.matches(req.path);
      if (found) return run(GUARDS[route.rule](found.params.eventId), req, res, next);
    }
    next();
  };
}
