import { DateTime } from 'luxon';
import { DAY_MS } from '../../shared/time.js';

/** However early the event's dates, a link works at least this long after it is issued (DESIGN.md §6). */
export const MIN_LINK_DAYS = 30;

/** Starts and ends of days already worked out: a zone's rules are slow to apply, and every form asks. */
const dayEnds = new Map<string, number>();

function dayEdge(edge: 'startOf' | 'endOf', date: string, timeZone: string): Date {
  const key = `${edge} ${date} ${timeZone}`;
  let instant = dayEnds.get(key);
  if (instant === undefined) {
    if (dayEnds.size >= 10_000) dayEnds.clear();
    instant = DateTime.fromISO(date, { zone: timeZone })[edge]('day').toMillis();
    dayEnds.set(key, instant);
  }
  return new Date(instant);
}

/** The end of a calendar day in the event's zone, as an instant. */
export const endOfDay = (date: string, timeZone: string) => dayEdge('endOf', date, timeZone);

/** The start of a calendar day in the event's zone, as an instant. */
export const startOfDay = (date: string, timeZone: string) => dayEdge('startOf', date, timeZone);

/** The end of the event's last day in its zone, and `daysAfter` more (a certificate is asked for later). */
export function afterEvent(event: { endDate: string; timezone: string }, daysAfter = 0): Date {
  return new Date(endOfDay(event.endDate, event.timezone).getTime() + daysAfter * DAY_MS);
}

/** The one rule for how long a link issued now stays valid: until `until`, never less than 30 days. */
export function validityUntil(until: Date, issuedAt: Date): number {
  return Math.max(until.getTime() - issuedAt.getTime(), MIN_LINK_DAYS * DAY_MS);
}
