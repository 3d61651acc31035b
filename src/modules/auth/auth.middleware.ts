import type { RequestHandler } from 'express';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ForbiddenError, UnauthenticatedError } from '../../shared/errors.js';
import { wantsJson } from '../../web/errors.js';
import { userForApiToken } from './api-token.service.js';
import type { Role, UserView } from './user.model.js';
import { userForSession } from './user.service.js';

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    authVersion?: number;
  }
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The signed-in user (by session or API token), if any. */
    user?: UserView;
    /** The same user as the audit trail names them. */
    actor?: Actor;
  }
}

const BEARER = /^Bearer\s+(\S+)$/i;

export function bearerToken(header: string | undefined): string | undefined {
  return header ? BEARER.exec(header)?.[1] : undefined;
}

/** Finds who is calling: an API token (Authorization: Bearer) or the session's user. */
export function authenticateRequest(clock: Clock): RequestHandler {
  return async (req, res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (token) {
      const found = await userForApiToken(token, clock);
      if (!found) return next(new UnauthenticatedError('invalid or revoked API token'));
      req.user = found.user;
      req.actor = {
        userId: found.user.id,
        label: `${found.user.email} (API: ${found.tokenName})`,
        via: 'api',
      };
    } else if (req.session?.userId) {
      const user = await userForSession(req.session.userId, req.session.authVersion ?? -1);
      if (user) {
        req.user = user;
        req.actor = { userId: user.id, label: user.email, via: req.path.startsWith('/api/') ? 'api' : 'ui' };
      } else {
        delete req.session.userId;
        delete req.session.authVersion;
      }
    }
    res.locals['user'] = req.user;
    next();
  };
}

/** Signed-in users only: browsers go to the sign-in page and come back; API clients get 401. */
export const requireUser: RequestHandler = (req, res, next) => {
  if (req.user) return next();
  if (wantsJson(req)) return next(new UnauthenticatedError());
  const back = req.method === 'GET' ? req.originalUrl : (req.get('referer') ?? '/admin');
  const local = back.startsWith('/') ? back : new URL(back, 'http://x').pathname;
  res.redirect(303, `/login?returnTo=${encodeURIComponent(local)}`);
};

export function requireRole(...roles: Role[]): RequestHandler[] {
  return [
    requireUser,
    (req, _res, next) => (req.user && roles.includes(req.user.role) ? next() : next(new ForbiddenError())),
  ];
}

/** The actor of a request that passed requireUser. */
export function actorOf(req: { actor?: Actor | undefined }): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}
