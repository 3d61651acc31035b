import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Config } from '../config/index.js';
import { releaseSlot, takeSlot } from '../modules/limits/index.js';
import type { Clock } from '../shared/clock.js';
import { TooManyRequestsError } from '../shared/errors.js';

export interface LimitOptions {
  /** The counter's name: limits with the same name share one count per key. */
  name: string;
  windowMs: number;
  limit: number;
  /** Count per something else than the address (an account). */
  key?: (req: Request) => string;
  /** Count only requests that fail this test (failed sign-ins, links that lead nowhere). */
  failed?: (status: number) => boolean;
}

/**
 * A per-address (or per-key) limit counted in the database, so every Foro process on it enforces
 * one limit; over it, 429 through the error family with `Retry-After`.
 */
export function addressLimit(clock: Clock, options: LimitOptions): RequestHandler {
  return async (req, res, next) => {
    const now = clock.now();
    const who = options.key ? options.key(req) : req.ip ? ipKeyGenerator(req.ip) : 'unknown';
    const hit = await takeSlot(`${options.name}:${who}`, {
      windowMs: options.windowMs,
      limit: options.limit,
      now,
    });
    if (!hit.slot) {
      res.set('Retry-After', String(Math.max(1, Math.ceil((hit.resetAt.getTime() - now.getTime()) / 1000))));
      throw new TooManyRequestsError();
    }
    const slot = hit.slot;
    const failed = options.failed;
    if (failed) {
      // Given back once the answer is known not to count; an aborted request stays counted.
      res.once('finish', () => {
        if (!failed(res.statusCode)) releaseSlot(slot).catch(() => undefined);
      });
    }
    next();
  };
}

/** A coarse per-address limit on everything behind it. Sensitive routes add tighter ones. */
export function generalRateLimit(config: Config, clock: Clock): RequestHandler {
  return addressLimit(clock, {
    name: 'general',
    windowMs: config.rateLimit.windowMs,
    limit: config.rateLimit.max,
  });
}

/** Every path that holds a private link's secret: mounted once, before any module's routes. */
export const PRIVATE_LINK_PATHS = [
  '/invitations/:token',
  '/registrations/:token',
  '/nominations/:token',
  '/side-events/:token',
  '/account/setup/:token',
  '/account/reset/:token',
  '/events/:slug/people/:personId/:token',
];

/**
 * What every page behind a private link needs: guessing tokens is limited (only links that lead
 * nowhere count, a person using their own link never does; one count per address across every
 * family of links), and the page is neither cached, indexed, nor named to other sites in a Referer.
 */
export function privateLinkPages(config: Config, clock: Clock): RequestHandler[] {
  return [
    (_req, res, next) => {
      res.set({ 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex', 'Referrer-Policy': 'no-referrer' });
      next();
    },
    addressLimit(clock, {
      name: 'private-links',
      windowMs: config.linkRateLimit.windowMs,
      limit: config.linkRateLimit.perAddress,
      failed: (status) => status === 404 || status === 410,
    }),
  ];
}
