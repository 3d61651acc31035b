import type { RequestHandler } from 'express';
import { countryName } from '../shared/countries.js';
import { formatDateRange, formatInstant } from '../shared/time.js';

/** Formatting helpers for templates, bound to the request's language. */
export const viewHelpers: RequestHandler = (req, res, next) => {
  const language = req.language;
  res.locals['fmt'] = {
    instant: (at: Date | undefined, timeZone = 'UTC') => (at ? formatInstant(at, timeZone, language) : ''),
    dateRange: (start: string, end: string) => formatDateRange(start, end, language),
    country: (code: string | undefined) => (code ? countryName(code, language) : ''),
    json: (value: unknown) =>
      value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value),
  };
  next();
};
