import { DateTime } from 'luxon';
import { DAY_MS } from '../../../shared/time.js';
import type { EventView } from '../../events/index.js';
import { endOfDay, MIN_LINK_DAYS } from '../../links/index.js';
/** Without a set deadline, answers are due this many days before the event starts. */
const DEFAULT_DAYS_BEFORE = 14;

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
