import { DateTime } from 'luxon';
import type { EventView } from '../events/index.js';

const DAY_MS = 24 * 3_600_000;
/** However early the event's dates, a link works at least this long (DESIGN.md §6). */
export const MIN_LINK_DAYS = 30;
/** Without a set deadline, answers are due this many days before the event starts. */
const DEFAULT_DAYS_BEFORE = 14;

/** The end of a calendar day in the event's zone, as an instant. */
export function endOfDay(date: string, timeZone: string): Date {
  return DateTime.fromISO(date, { zone: timeZone }).endOf('day').toJSDate();
}

/** The deadline an invitation sent now gets when the event sets none. */
export function derivedDeadline(event: EventView, issuedAt: Date): Date {
  const beforeEvent = DateTime.fromISO(event.startDate, { zone: event.timezone })
    .minus({ days: DEFAULT_DAYS_BEFORE })
    .endOf('day')
    .toJSDate();
  const floor = new Date(issuedAt.getTime() + MIN_LINK_DAYS * DAY_MS);
  return beforeEvent > floor ? beforeEvent : floor;
}

/** The deadline that applies: the event's own setting if any, else the one derived at sending. */
export function effectiveDeadline(event: EventView, invitation: { deadline: Date }): Date {
  return event.invitations.deadline
    ? endOfDay(event.invitations.deadline, event.timezone)
    : invitation.deadline;
}

/** How long a link issued now stays valid: to the deadline, and never less than 30 days. */
export function linkValidity(deadline: Date, issuedAt: Date): number {
  return Math.max(deadline.getTime() - issuedAt.getTime(), MIN_LINK_DAYS * DAY_MS);
}
