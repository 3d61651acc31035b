import type { RequestHandler } from 'express';
import { countryName } from '../shared/countries.js';
import { formatDateRange, formatInstant } from '../shared/time.js';
import { formatDay } from '../shared/zoned-time.js';

/** Formatting helpers for templates, in the request's language (read when called: a page may switch it). */
export const viewHelpers: RequestHandler = (req, res, next) => {
  res.locals['fmt'] = {
    instant: (at: Date | undefined, timeZone = 'UTC') =>
      at ? formatInstant(at, timeZone, req.language) : '',
    dateRange: (start: string, end: string) => formatDateRange(start, end, req.language),
    day: (date: string) => formatDay(date, req.language),
    country: (code: string | undefined) => (code ? countryName(code, req.language) : ''),
    json: (value: unknown) =>
      value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value),
  };
  next();
};
