import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config/index.js';
import { TooManyRequestsError } from '../shared/errors.js';

/**
 * A coarse per-address limit on everything behind it (the in-process store: each Foro
 * process counts its own). Sensitive routes such as login add their own, tighter limits.
 */
export function generalRateLimit(config: Config): RequestHandler {
  return rateLimit({
    windowMs: config.rateLimit.windowMs,
    limit: config.rateLimit.max,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new TooManyRequestsError()),
  });
}
