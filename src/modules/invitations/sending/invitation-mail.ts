import type { Clock } from '../../../shared/clock.js';
import { translatorFor, type Language } from '../../../shared/i18n/index.js';
import type { AssignmentView } from '../../agenda/index.js';
import { buildCalendar } from '../../calendar/index.js';
import { localized, teamToNotify, type EventView } from '../../events/index.js';
import {
  eventTemplate,
  queueTemplatedMail,
  type MailFields,
  type TemplateKey,
} from '../../messaging/index.js';
import type { PersonView } from '../../people/index.js';
import { draftNextVersion } from '../../published-programme/index.js';
import type { WorkingProgramme } from '../../agenda/index.js';
import { fullName, organizerOf, type MailSettings } from '../mail-context.js';

const related = (event: EventView, assignment: AssignmentView, person: PersonView) => [
  { type: 'event', id: event.id },
  { type: 'session', id: assignment.sessionId },
  { type: 'assignment', id: assignment.id },
  { type: 'person', id: person.id },
];

/**
 * The session's calendar entry for a mail (METHOD:REQUEST, with ORGANIZER and the person as
 * ATTENDEE), as the next published version would show it: same UID, same SEQUENCE rule.
 */
export async function sessionInvite(
  event: EventView,
  programme: WorkingProgramme,
  sessionId: string,
  person: PersonView,
  language: Language,
  settings: MailSettings,
  stamp: Date,
): Promise<{ filename: string; contentType: string; content: Buffer } | undefined> {
  const { snapshot } = await draftNextVersion(event, programme);
  const session = snapshot.sessions.find((s) => s.id === sessionId);
  if (!session || !person.email) return undefined;
  const ics = buildCalendar(snapshot, [session], {
    language,
    t: translatorFor(language),
    programmeUrl: `${settings.publicUrl}/events/${event.slug}/programme`,
    name: localized(event.title, language, event.languages),
    method: 'REQUEST',
    organizer: organizerOf(event, settings),
    attendee: { name: fullName(person), email: person.email },
    stamp,
  });
  return {
    filename: 'invite.ics',
    contentType: 'text/calendar; charset=utf-8; method=REQUEST',
    content: Buffer.from(ics),
  };
}

/** The receipt of an answer, to the person: the confirmation with its calendar entry, or the decline. */
export async function queueReceipt(
  input: {
    event: EventView;
    programme: WorkingProgramme;
    assignment: AssignmentView;
    person: PersonView;
    language: Language;
    fields: MailFields;
    answer: 'confirmed' | 'declined';
    number: number;
  },
  settings: MailSettings,
  clock: Clock,
): Promise<void> {
  const { event, assignment, person, language } = input;
  if (!person.email) return;
  const key: TemplateKey = input.answer === 'confirmed' ? 'confirmation' : 'decline';
  const attachment =
    input.answer === 'confirmed'
      ? await sessionInvite(
          event,
          input.programme,
          assignment.sessionId,
          person,
          language,
          settings,
          clock.now(),
        )
      : undefined;
  await queueTemplatedMail(
    {
      eventId: event.id,
      key,
      language,
      fields: input.fields,
      to: { name: fullName(person), email: person.email },
      attachments: attachment ? [attachment] : [],
      dedupeKey: `receipt:${assignment.id}:${input.number}`,
      related: related(event, assignment, person),
    },
    { clock, domain: settings.domain },
  );
}

/** Tells the event's team (those who asked for notifications) that someone declined. */
export async function notifyTeamOfDecline(
  input: {
    event: EventView;
    assignment: AssignmentView;
    person: PersonView;
    fieldsFor: (language: Language) => MailFields;
    number: number;
  },
  settings: MailSettings,
  clock: Clock,
): Promise<void> {
  const { event, assignment, person } = input;
  // The event's template read once per language, however many of the team read it.
  const templates = new Map<Language, ReturnType<typeof eventTemplate>>();
  for (const { user, language } of await teamToNotify(event)) {
    if (!templates.has(language)) templates.set(language, eventTemplate(event.id, 'team.declined', language));
    await queueTemplatedMail(
      {
        eventId: event.id,
        key: 'team.declined',
        language,
        template: await templates.get(language)!,
        fields: input.fieldsFor(language),
        to: { name: user.name, email: user.email },
        dedupeKey: `team-declined:${assignment.id}:${input.number}:${user.id}`,
        related: related(event, assignment, person),
      },
      { clock, domain: settings.domain },
    );
  }
}
