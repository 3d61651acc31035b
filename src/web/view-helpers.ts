import type { RequestHandler } from 'express';
import { countriesByName, countryName } from '../shared/countries.js';
import { LIMITS } from '../shared/limits.js';
import { HISTORY_SHOWN } from '../modules/audit/index.js';
import { dateAtNoon, formatDateRange, formatInstant, zoneName } from '../shared/time.js';
import { formatDay, instantToLocal } from '../shared/zoned-time.js';

/** Helpers for forms: templates define none of their own. */
const form = {
  /** A field that may come once or repeated (checkboxes) as a list. */
  list: (value: unknown): unknown[] => (Array.isArray(value) ? value : value ? [value] : []),
  /** What a field shows: what was just sent, else what is stored. */
  value: (sent: Record<string, unknown> | undefined, name: string, stored: unknown) =>
    sent?.[name] !== undefined ? sent[name] : (stored ?? ''),
  /** A query string of the values given (filters, a page's place), leaving out empty ones. */
  query: (values: Record<string, unknown>) =>
    new URLSearchParams(
      Object.entries(values).flatMap(([key, value]) =>
        value === undefined || value === null || value === ''
          ? []
          : [[key, String(value)] as [string, string]],
      ),
    ).toString(),
};

/** Formatting helpers for templates, in the request's language (read when called: a page may switch it). */
export const viewHelpers: RequestHandler = (req, res, next) => {
  // Input limits come from the one table the schemas use (shared/limits.ts).
  res.locals['limits'] = LIMITS;
  res.locals['historyShown'] = HISTORY_SHOWN;
  res.locals['form'] = form;
  res.locals['fmt'] = {
    /** An instant in a zone (an event's; UTC for records of no event), the zone's offset shown. */
    instant: (at: Date | undefined, timeZone = 'UTC') =>
      at ? formatInstant(at, timeZone, req.language) : '',
    /** An event's zone as people say it, with its offset on the event's first day. */
    zone: (event: { timezone: string; startDate: string }) =>
      zoneName(event.timezone, dateAtNoon(event.startDate), req.language),
    dateRange: (start: string, end: string) => formatDateRange(start, end, req.language),
    /** A span of time in one zone: "jueves, 10 de abril de 2008, 09:00–10:30, hora de Guayaquil (GMT-5)". */
    span: (start: Date, end: Date, timeZone: string) => {
      const from = instantToLocal(start, timeZone);
      const to = instantToLocal(end, timeZone);
      const day = formatDay(from.date, req.language);
      const until = to.date === from.date ? to.time : `${formatDay(to.date, req.language)}, ${to.time}`;
      return `${day}, ${from.time}–${until}, ${zoneName(timeZone, start, req.language)}`;
    },
    day: (date: string) => formatDay(date, req.language),
    country: (code: string | undefined) => (code ? countryName(code, req.language) : ''),
    /** Country names, sorted as the reader's language sorts them. */
    countries: (codes: readonly string[]) => countriesByName(req.language, codes).map((c) => c.name),
    /** A yes/no shown as a mark. */
    check: (value: unknown) => (value ? '✓' : '—'),
    json: (value: unknown) =>
      value === undefined || value === null ? '—' : typeof value === 'string' ? value : JSON.stringify(value),
  };
  next();
};
