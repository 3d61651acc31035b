import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { countryName } from '../../shared/countries.js';
import type { Language, Translate } from '../../shared/i18n/index.js';
import { localized } from '../events/index.js';
import { calendarText } from './calendar-text.js';
import type { Snapshot, SnapshotSession } from '../published-programme/index.js';

/** One UID per session in every calendar Foro writes, so clients update instead of duplicating. */
export const sessionUid = (sessionId: string) => `${sessionId}@foro`;

function vtimezone(timeZone: string): string | null {
  const block = tzlib_get_ical_block(timeZone);
  return Array.isArray(block) ? (block[0] ?? null) : null;
}

function location(session: SnapshotSession, snapshot: Snapshot, language: Language): string {
  const venue = snapshot.event.venue;
  return [
    session.roomName,
    venue.name,
    venue.address,
    venue.city,
    venue.country && countryName(venue.country, language),
  ]
    .filter(Boolean)
    .join(', ');
}

function description(
  session: SnapshotSession,
  snapshot: Snapshot,
  t: Translate,
  language: Language,
  url: string,
): string {
  const order = snapshot.event.languages as Language[];
  const people = session.people.map((p) => {
    const name = [p.honorific, p.givenName, p.familyName].filter(Boolean).join(' ');
    const affiliation = [p.position, p.organization, p.country && countryName(p.country, language)]
      .filter(Boolean)
      .join(', ');
    return `${t(`assignmentRoles.${p.role}`)}: ${name}${affiliation ? ` (${affiliation})` : ''}`;
  });
  return [t(`sessionTypes.${session.type}`), localized(session.description, language, order), ...people, url]
    .filter(Boolean)
    .join('\n');
}

export interface CalendarOptions {
  language: Language;
  t: Translate;
  /** Link to the public programme, written into each event. */
  programmeUrl: string;
  name: string;
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  /** For REQUEST/CANCEL mails: who sends and who receives (RSVP=FALSE: answers go through Foro). */
  organizer?: { name: string; email: string };
  attendee?: { name: string; email: string };
  stamp: Date;
}

/**
 * Sessions of a published snapshot as iCalendar: VTIMEZONE plus TZID times in the event's zone,
 * UID and SEQUENCE per session, STATUS:CANCELLED for cancelled ones, room and venue in LOCATION,
 * roles and people in DESCRIPTION, in the chosen language.
 */
export function buildCalendar(
  snapshot: Snapshot,
  sessions: SnapshotSession[],
  options: CalendarOptions,
): string {
  const zone = snapshot.event.timezone;
  const newCalendar = () =>
    ical({
      name: options.name,
      prodId: { company: 'Foro', product: 'Foro', language: options.language.toUpperCase() },
      method: ICalCalendarMethod[options.method],
      ttl: 3600,
    }).timezone({ name: null, generator: vtimezone });
  const calendar = newCalendar();
  const order = snapshot.event.languages as Language[];
  // The same few labels (roles, session types) are asked for thousands of times in a programme.
  const labels = new Map<string, string>();
  const t: Translate = ((key: string) => {
    if (!labels.has(key)) labels.set(key, options.t(key));
    return labels.get(key)!;
  }) as Translate;
  for (const session of sessions) {
    const cancelled = session.status === 'cancelled' || options.method === 'CANCEL';
    const event = calendar.createEvent({
      id: sessionUid(session.id),
      sequence: session.sequence,
      stamp: options.stamp,
      start: DateTime.fromISO(session.startsAt, { zone }),
      end: DateTime.fromISO(session.endsAt, { zone }),
      timezone: zone,
      summary: localized(session.title, options.language, order),
      location: location(session, snapshot, options.language),
      description: description(
        session,
        snapshot,
        t,
        options.language,
        `${options.programmeUrl}#session-${session.id}`,
      ),
      url: `${options.programmeUrl}#session-${session.id}`,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
    if (options.organizer) event.organizer(options.organizer);
    if (options.attendee) {
      event.createAttendee({
        ...options.attendee,
        rsvp: false,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
      });
    }
  }
  return calendarText(calendar, newCalendar());
}
