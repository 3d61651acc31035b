import type { Translate } from '../../shared/i18n/index.js';
import type { Language } from '../../shared/i18n/index.js';
import { countryName } from '../../shared/countries.js';
import { formatTimeRange, instantToLocal } from '../../shared/zoned-time.js';
import { localized, type EventView } from '../events/index.js';
import { displayName, type PersonView } from '../people/index.js';
import type { AssignmentView, SessionView } from './agenda.views.js';
import type { Warning } from './working-programme/checks.js';
import type { WorkingProgramme } from './working-programme/working-programme.service.js';

/** Turns programme data into what the organizer pages show, in the reader's language. */
export function sessionTitle(session: SessionView, event: EventView, language: Language): string {
  return localized(session.title, language, event.languages);
}

export function whenOf(session: SessionView, event: EventView): string {
  return session.startsAt && session.endsAt
    ? `${instantToLocal(session.startsAt, event.timezone).date} ${formatTimeRange(session.startsAt, session.endsAt, event.timezone)}`
    : '';
}

export function describeWarning(
  warning: Warning,
  context: { event: EventView; programme: WorkingProgramme; t: Translate; language: Language },
): { text: string; sessionIds: string[] } {
  const { event, programme, t, language } = context;
  const sessions = new Map(programme.sessions.map((s) => [s.id, s]));
  const titles = warning.sessionIds.map((id) => {
    const session = sessions.get(id);
    return session ? `«${sessionTitle(session, event, language)}»` : id;
  });
  const person = warning.personId ? programme.people.get(warning.personId) : undefined;
  const room = warning.roomId ? event.rooms.find((r) => r.id === warning.roomId) : undefined;
  const params = warning.params ?? {};
  const text = t(`checks.${warning.code}`, {
    sessions: titles.join(' / '),
    person: person ? displayName(person) : '',
    room: room?.name ?? '',
    ...params,
    ...(params['gender'] && { gender: t(`genders.${params['gender']}`) }),
    ...(params['sector'] && { sector: t(`sectors.${params['sector']}`) }),
    ...(params['country'] && { country: countryName(String(params['country']), language) }),
  });
  return { text, sessionIds: warning.sessionIds };
}

export function peopleOf(
  session: SessionView,
  assignments: AssignmentView[],
  people: Map<string, PersonView>,
): { assignment: AssignmentView; person: PersonView | undefined; name: string }[] {
  const roleOrder = ['chair', 'moderator', 'speaker', 'commentator', 'rapporteur'];
  return assignments
    .filter((a) => a.sessionId === session.id)
    .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.order - b.order)
    .map((assignment) => {
      const person = people.get(assignment.personId);
      return { assignment, person, name: person ? displayName(person) : '?' };
    });
}
