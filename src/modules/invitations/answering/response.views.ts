import { translatorFor, type Language } from '../../../shared/i18n/index.js';
import { localized } from '../../events/index.js';
import { greetingFor } from '../../messaging/index.js';
import { formatDeadline, fullName, sessionTimeFields } from '../mail-context.js';
import type { InvitationView } from './response.service.js';

/**
 * What the private page (and its JSON) shows: this invitation, the session, and the others on
 * the panel by name, role and organization only; no one's contact details.
 */
export function invitationPage(view: InvitationView, language: Language) {
  const { event, session, assignment, person, programme } = view;
  const t = translatorFor(language);
  const room = event.rooms.find((r) => r.id === session.roomId);
  // The time where the person lives too, when their record says so and it is another zone.
  const ownZone = person.timezone && person.timezone !== event.timezone ? person.timezone : undefined;
  const panel = programme.assignments
    .filter((a) => a.sessionId === session.id && a.id !== assignment.id)
    .filter((a) => a.status === 'invited' || a.status === 'confirmed')
    .flatMap((a) => {
      const other = programme.people.get(a.personId);
      return other
        ? [
            {
              name: [other.honorific, fullName(other)].filter(Boolean).join(' '),
              role: t(`assignmentRoles.${a.role}`),
              organization: other.organization ?? '',
              confirmed: a.status === 'confirmed',
            },
          ]
        : [];
    });
  return {
    assignmentId: assignment.id,
    revision: view.latest?.number ?? 0,
    status: assignment.status,
    open: view.open,
    person: {
      name: [person.honorific, fullName(person)].filter(Boolean).join(' '),
      // As the mails greet them: from the honorific, neutral without one.
      greeting: greetingFor(language, person.honorific, fullName(person)),
    },
    event: {
      title: localized(event.title, language, event.languages),
      slug: event.slug,
      timezone: event.timezone,
      languages: event.languages,
      startDate: event.startDate,
      endDate: event.endDate,
      venue: [event.venue.name, event.venue.city].filter(Boolean).join(', '),
    },
    session: {
      title: localized(session.title, language, event.languages),
      description: localized(session.description, language, event.languages),
      type: t(`sessionTypes.${session.type}`),
      room: room?.name ?? t('invitations.roomToBeConfirmed'),
      ...sessionTimeFields(session, event, language),
      own: ownZone && session.startsAt ? sessionTimeFields(session, event, language, ownZone) : undefined,
    },
    role: t(`assignmentRoles.${assignment.role}`),
    panel,
    deadline: view.deadline.toISOString(),
    deadlineText: formatDeadline(view.deadline, event, language),
    latest: view.latest ? { ...view.latest, at: view.latest.at.toISOString() } : undefined,
  };
}
