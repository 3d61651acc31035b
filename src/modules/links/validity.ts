import { DateTime } from 'luxon';
import { DAY_MS } from '../../shared/time.js';

/** However early the event's dates, a link works at least this long after it is issued (DESIGN.md §6). */
export const MIN_LINK_DAYS = 30;

/** The end of a calendar day in the event's zone, as an instant. */
export function endOfDay(date: string, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).endOf('day').toJSDate();
}

/** The end of the event's last day in its zone, and `daysAfter` more (a certificate is asked for later). */
export function afterEvent(event: { endDate: string; timezone: string }, daysAfter = 0): Date {
  return new Date(endOfDay(event.endDate, event.timezone).getTime() + daysAfter * DAY_MS);
}

/** The one rule for how long a link issued now stays valid: until `until`, never less than 30 days. */
export function validityUntil(until: Date, issuedAt: Date): number {
  return Math.max(until.getTime() - issuedAt.getTime(), MIN_LINK_DAYS * DAY_MS);
}
