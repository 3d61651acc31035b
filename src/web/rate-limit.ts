import type { Request, RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Config } from '../config/index.js';
import { TooManyRequestsError } from '../shared/errors.js';

/**
 * A coarse per-address limit on everything behind it (the in-process store: each Foro
 * process counts its own). Sensitive routes such as login add their own, tighter limits.
 */
export function generalRateLimit(config: Config): RequestHandler {
  return addressLimit({ windowMs: config.rateLimit.windowMs, limit: config.rateLimit.max });
}

/** A per-address (or per-key) limit answering 429 through the error family (each Foro process counts its own). */
export function addressLimit(options: {
  windowMs: number;
  limit: number;
  /** Count per something else than the address (an account). */
  key?: (req: Request) => string;
  /** Count only requests that fail this test (failed sign-ins, links that lead nowhere). */
  failed?: (status: number) => boolean;
}): RequestHandler {
  const failed = options.failed;
  return rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(options.key && { keyGenerator: options.key }),
    ...(failed && {
      skipSuccessfulRequests: true,
      requestWasSuccessful: (_req, res) => !failed(res.statusCode),
    }),
    handler: (_req, _res, next) => next(new TooManyRequestsError()),
  });
}

/**
 * What every page behind a private link needs: guessing tokens is limited (only links that lead
 * nowhere count, a person using their own link never does), and the page is neither cached,
 * indexed, nor named to other sites in a Referer.
 */
export function privateLinkPages(config: Config): RequestHandler[] {
  return [
    addressLimit({
      windowMs: config.linkRateLimit.windowMs,
      limit: config.linkRateLimit.perAddress,
      failed: (status) => status === 404 || status === 410,
    }),
    (_req, res, next) => {
      res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' });
      next();
    },
  ];
}
