import MongoStore from 'connect-mongo';
import type { RequestHandler } from 'express';
import session from 'express-session';
import { csrfSync } from 'csrf-sync';
import helmet from 'helmet';
import type { Connection } from 'mongoose';
import type { Config } from '../config/index.js';

export const SESSION_COOKIE = 'foro_sid';

export function securityHeaders(config: Config): RequestHandler {
  const https = config.publicUrl.startsWith('https:');
  return helmet({
    contentSecurityPolicy: {
      directives: {
        // Plain-http deployments (a laptop on the venue's network) must still post forms.
        upgradeInsecureRequests: https ? [] : null,
        formAction: ["'self'"],
      },
    },
    strictTransportSecurity: https,
  });
}

const SESSIONS = 'sessions';

/** Removes expired sessions (a scheduled task). */
export async function sweepExpiredSessions(connection: Connection, now: Date): Promise<number> {
  const { deletedCount } = await connection.collection(SESSIONS).deleteMany({ expires: { $lt: now } });
  return deletedCount;
}

/** Sessions live in the database so every Foro process shares them and a restart keeps them. */
export function sessions(config: Config, connection: Connection): RequestHandler {
  const store = MongoStore.create({
    client: connection.getClient(),
    dbName: connection.name,
    collectionName: SESSIONS,
    ttl: Math.round(config.session.maxAgeMs / 1000),
    // FerretDB has no TTL indexes: expired sessions are swept by the schedule instead, once
    // across processes (connect-mongo never serves an expired one meanwhile).
    autoRemove: 'disabled',
    touchAfter: 60,
    stringify: false,
  });
  return session({
    name: SESSION_COOKIE,
    secret: config.session.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.session.secureCookie,
      maxAge: config.session.maxAgeMs,
    },
  });
}

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => {
    const fromBody: unknown = (req.body as Record<string, unknown> | undefined)?.['_csrf'];
    if (typeof fromBody === 'string') return fromBody;
    const fromHeader = req.headers['x-csrf-token'];
    if (typeof fromHeader === 'string') return fromHeader;
    // File uploads are parsed after this check, so their forms carry the token in the action URL.
    const fromQuery = req.query['_csrf'];
    return req.is('multipart/form-data') && typeof fromQuery === 'string' ? fromQuery : undefined;
  },
  // A cross-site page cannot send `application/json` or an Authorization header without a CORS
  // preflight, which Foro never grants. Every other unsafe request needs the token.
  skipCsrfProtection: (req) =>
    req.is('application/json') === 'application/json' || /^Bearer\s/i.test(req.headers.authorization ?? ''),
});

/** Checks the token on unsafe requests; views call `csrfToken()` only when they render a form. */
export const csrfProtection: RequestHandler = (req, res, next) => {
  res.locals['csrfToken'] = () => generateToken(req);
  csrfSynchronisedProtection(req, res, next);
};

/** Removes the `_csrf` field so strict schemas see only the form's own fields. */
export const stripCsrfField: RequestHandler = (req, _res, next) => {
  if (req.body && typeof req.body === 'object' && '_csrf' in req.body) {
    delete (req.body as Record<string, unknown>)['_csrf'];
  }
  next();
};
