import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { EventView } from '../events/index.js';
import type { Slot } from '../side-events/index.js';

/** One UID per bilateral, in the request, every update and the cancellation. */
export const bilateralUid = (bilateralId: string) => `bilateral-${bilateralId}@foro`;

function vtimezone(timeZone: string): string | null {
  const block = tzlib_get_ical_block(timeZone);
  return Array.isArray(block) ? (block[0] ?? null) : null;
}

/**
 * A bilateral as a calendar entry for a mail: METHOD:REQUEST (or CANCEL), TZID times in the
 * event's zone with its VTIMEZONE, ORGANIZER and the focal point as ATTENDEE with RSVP=FALSE.
 */
export function bilateralCalendar(input: {
  event: EventView;
  bilateralId: string;
  sequence: number;
  slot: Slot;
  summary: string;
  description: string;
  method: 'REQUEST' | 'CANCEL';
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  stamp: Date;
}): string {
  const zone = input.event.timezone;
  const calendar = ical({
    prodId: { company: 'Foro', product: 'Foro' },
    method: ICalCalendarMethod[input.method],
  }).timezone({ name: null, generator: vtimezone });
  const room = input.event.rooms.find((r) => r.id === input.slot.roomId)?.name ?? '';
  const entry = calendar.createEvent({
    id: bilateralUid(input.bilateralId),
    sequence: input.sequence,
    stamp: input.stamp,
    start: DateTime.fromJSDate(input.slot.startsAt, { zone }),
    end: DateTime.fromJSDate(input.slot.endsAt, { zone }),
    timezone: zone,
    summary: input.summary,
    description: input.description,
    location: [room, input.event.venue.name, input.event.venue.city].filter(Boolean).join(', '),
    status: input.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  entry.organizer(input.organizer);
  entry.createAttendee({
    ...input.attendee,
    rsvp: false,
    role: ICalAttendeeRole.REQ,
    status: ICalAttendeeStatus.ACCEPTED,
  });
  return calendar.toString();
}
