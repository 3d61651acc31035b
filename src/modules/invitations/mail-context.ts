import { DateTime } from 'luxon';
import type { Clock } from '../../shared/clock.js';
import { countryName } from '../../shared/countries.js';
import { INTL_LOCALE, translatorFor, type Language } from '../../shared/i18n/index.js';
import { formatDateRange, zoneName } from '../../shared/time.js';
import type { AssignmentView, SessionView, WorkingProgramme } from '../agenda/index.js';
import { localized, type EventView } from '../events/index.js';
import type { MailFields } from '../messaging/index.js';
import type { PersonView } from '../people/index.js';

/** Where links in mails point, and who the mails come from. */
export interface MailSettings {
  publicUrl: string;
  /** Host name used in Message-IDs. */
  domain: string;
  /** The sender, also ORGANIZER of calendar entries sent by mail. */
  organizer: { name: string; email: string };
}

/** The ORGANIZER of an event's calendar entries sent by mail: who its mails come from. */
export function organizerOf(event: EventView, settings: MailSettings): { name: string; email: string } {
  return {
    name: event.sender.name ?? settings.organizer.name,
    email: event.sender.address ?? settings.organizer.email,
  };
}

/** What sends mail needs: the clock, and the settings built once from the configuration (app.ts). */
export interface MailDeps {
  clock: Clock;
  settings: MailSettings;
}

export { languageOf } from '../events/index.js';

/** Names and titles are one line wherever they are written, whatever the data holds. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

export const fullName = (person: Pick<PersonView, 'givenName' | 'familyName'>) =>
  oneLine(`${person.givenName} ${person.familyName}`);

export function personFields(person: PersonView, event: EventView, language: Language, publicUrl: string) {
  return {
    honorific: oneLine(person.honorific ?? ''),
    name: fullName(person),
    event: oneLine(localized(event.title, language, event.languages)),
    programmeUrl: `${publicUrl}/events/${event.slug}/programme?lang=${language}`,
  } satisfies MailFields;
}

/**
 * Day and time of a session in the event's zone (or another, a person's own), with the zone
 * named and its offset that day.
 */
export function sessionTimeFields(
  session: Pick<SessionView, 'startsAt' | 'endsAt'>,
  event: EventView,
  language: Language,
  zone = event.timezone,
) {
  const t = translatorFor(language);
  if (!session.startsAt || !session.endsAt) {
    const unscheduled = t('invitations.timeToBeConfirmed');
    return { day: unscheduled, time: unscheduled };
  }
  const day = new Intl.DateTimeFormat(INTL_LOCALE[language], { dateStyle: 'full', timeZone: zone }).format(
    session.startsAt,
  );
  // 24-hour wall-clock times, as forums print them in every language.
  const hhmm = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat('HH:mm');
  return {
    day,
    time: `${hhmm(session.startsAt)}–${hhmm(session.endsAt)}, ${zoneName(zone, session.startsAt, language)}`,
  };
}

export function formatDeadline(deadline: Date, event: EventView, language: Language): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[language], {
    dateStyle: 'long',
    timeZone: event.timezone,
  }).format(deadline);
}

/** Everything a template may say about one assignment, in the recipient's language. */
export function assignmentFields(
  context: { event: EventView; programme: WorkingProgramme; settings: MailSettings },
  assignment: AssignmentView,
  language: Language,
): MailFields {
  const { event, programme, settings } = context;
  const t = translatorFor(language);
  const session = programme.sessions.find((s) => s.id === assignment.sessionId);
  const person = programme.people.get(assignment.personId);
  if (!session || !person) return {};
  const room = event.rooms.find((r) => r.id === session.roomId);
  const panel = programme.assignments
    .filter((a) => a.sessionId === session.id && a.id !== assignment.id)
    .filter((a) => a.status === 'invited' || a.status === 'confirmed' || a.status === 'proposed')
    .flatMap((a) => {
      const other = programme.people.get(a.personId);
      return other ? [`${fullName(other)} (${t(`mailRoles.${a.role}`)})`] : [];
    });
  const venue = event.venue;
  return {
    ...personFields(person, event, language, settings.publicUrl),
    session: oneLine(localized(session.title, language, event.languages)),
    role: t(`mailRoles.${assignment.role}`),
    ...sessionTimeFields(session, event, language),
    room: oneLine(room?.name ?? t('invitations.roomToBeConfirmed')),
    venue: [venue.name, venue.address, venue.city, venue.country && countryName(venue.country, language)]
      .filter(Boolean)
      .join(', '),
    // Empty when nobody else is on the panel: the template's "Panel:" line is then left out.
    panel: panel.join('; '),
    adminUrl: answerPageUrl(settings.publicUrl, event.id, assignment.id),
  };
}

/** The team's page for one invitation and its answers (what mails to the team link to). */
export function answerPageUrl(publicUrl: string, eventId: string, assignmentId: string): string {
  return `${publicUrl}/admin/events/${eventId}/invitations/${assignmentId}`;
}

/** The logistics someone gave with their answer, one labelled line each (empty: none given). */
export function logisticsText(
  logistics: {
    arrivalDate?: string | undefined;
    departureDate?: string | undefined;
    interpretation?: string[] | undefined;
    accessibility?: string | undefined;
    diet?: string | undefined;
  },
  language: Language,
): string {
  const t = translatorFor(language);
  const day = (date: string) => formatDateRange(date, date, language);
  const lines = [
    logistics.arrivalDate && `${t('invitations.arrivalDate')}: ${day(logistics.arrivalDate)}`,
    logistics.departureDate && `${t('invitations.departureDate')}: ${day(logistics.departureDate)}`,
    logistics.interpretation?.length &&
      `${t('invitations.interpretation')}: ${logistics.interpretation.map((l) => t(`language.${l}`)).join(', ')}`,
    logistics.accessibility && `${t('invitations.accessibility')}: ${oneLine(logistics.accessibility)}`,
    logistics.diet && `${t('invitations.diet')}: ${oneLine(logistics.diet)}`,
  ];
  return lines.filter(Boolean).join('\n');
}

/** The links of a private invitation page: the page itself, and with the answer chosen. */
export function responseLinks(publicUrl: string, token: string, language: Language) {
  const page = `${publicUrl}/invitations/${token}`;
  return {
    responseUrl: `${page}?lang=${language}`,
    confirmUrl: `${page}?lang=${language}&answer=confirm`,
    declineUrl: `${page}?lang=${language}&answer=decline`,
  };
}
