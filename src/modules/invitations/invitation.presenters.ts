import type { Clock } from '../../shared/clock.js';
import type { Language, Translate } from '../../shared/i18n/index.js';
import {
  ASSIGNMENT_ROLES,
  ASSIGNMENT_STATUSES,
  listAssignments,
  listSessions,
  type AssignmentRole,
} from '../agenda/index.js';
import { getPeople } from '../people/index.js';
import { eventPage, localized, type EventView } from '../events/index.js';
import { composeMail, eventTemplate, type TemplateKey } from '../messaging/index.js';
import { derivedDeadline, effectiveDeadline } from './sending/deadline.js';
import { invitationCandidates, invitationsOf, type InviteScope } from './sending/invite.service.js';
import { assignmentFields, formatDeadline, fullName, languageOf, type MailSettings } from './mail-context.js';
import { countDueReminders } from './sending/reminder.service.js';
import { latestAnswers } from './answering/response.service.js';

/** Sessions the dashboard shows on a page. */
export const SESSIONS_PER_PAGE = 20;

/**
 * The organizers' view of the invitations of an event, session by session, 20 sessions a page,
 * with the figures of the whole programme. Only the people of the page's sessions are read: a
 * COP's programme holds 10,000 roles, and its people are among 100,000.
 */
export async function invitationDashboard(
  event: EventView,
  clock: Clock,
  t: Translate,
  language: Language,
  page = 1,
) {
  const [sessions, assignments, invitations] = await Promise.all([
    listSessions(event.id),
    listAssignments({ eventId: event.id }),
    invitationsOf(event),
  ]);
  const counts = Object.fromEntries(ASSIGNMENT_STATUSES.map((s) => [s, 0]));
  for (const a of assignments) counts[a.status] = (counts[a.status] ?? 0) + 1;
  const withPeople = sessions.filter((session) => assignments.some((a) => a.sessionId === session.id));
  const pages = Math.max(1, Math.ceil(withPeople.length / SESSIONS_PER_PAGE));
  const shown = withPeople.slice((page - 1) * SESSIONS_PER_PAGE, page * SESSIONS_PER_PAGE);
  const shownIds = new Set(shown.map((s) => s.id));
  const shownAssignments = assignments.filter((a) => shownIds.has(a.sessionId));
  const people = new Map((await getPeople(shownAssignments.map((a) => a.personId))).map((p) => [p.id, p]));
  const answers = await latestAnswers(shownAssignments.map((a) => a.id).filter((id) => invitations.has(id)));
  const programme = { assignments: shownAssignments, people };
  const rows = shown.map((session) => ({
    id: session.id,
    title: localized(session.title, language, event.languages),
    startsAt: session.startsAt,
    proposed: programme.assignments.filter((a) => a.sessionId === session.id && a.status === 'proposed')
      .length,
    rows: programme.assignments
      .filter((a) => a.sessionId === session.id)
      .map((a) => {
        const person = programme.people.get(a.personId);
        return {
          assignment: a,
          name: person ? fullName(person) : a.personId,
          hasEmail: Boolean(person?.email),
          invitation: invitations.get(a.id),
          answer: answers.get(a.id),
        };
      }),
  }));
  return {
    ...eventPage(event, language, t('invitations.dashboardTitle')),
    event,
    sessions: rows,
    page,
    pages,
    counts,
    dueReminders: await countDueReminders(event, clock),
    defaultDeadline: formatDeadline(
      effectiveDeadline(event, { deadline: derivedDeadline(event, clock.now()) }),
      event,
      language,
    ),
  };
}

/**
 * What an invitation round would send: who, who cannot be reached, and the mail as each will
 * read it: one rendered mail for each language and role among the invitees, each labelled.
 */
export async function invitationPreview(
  event: EventView,
  scope: InviteScope,
  scopeInput: { scope: string; sessionId?: string | undefined; assignmentId?: string | undefined },
  settings: MailSettings,
  context: { t: Translate; language: Language; now: Date },
) {
  const { t, language } = context;
  const { programme, ready, withoutEmail } = await invitationCandidates(event, scope);
  const describe = (a: (typeof ready)[number]) => {
    const person = programme.people.get(a.personId)!;
    const session = programme.sessions.find((s) => s.id === a.sessionId);
    return {
      name: fullName(person),
      language: languageOf(person, event),
      role: t(`assignmentRoles.${a.role}`),
      session: session ? localized(session.title, language, event.languages) : '',
    };
  };
  // The first invitee of each language and role stands for the others: same template, same words.
  const groups = new Map<string, { language: Language; first: (typeof ready)[number]; count: number }>();
  for (const assignment of ready) {
    const mailLanguage = languageOf(programme.people.get(assignment.personId)!, event);
    const key = `${mailLanguage}:${assignment.role}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { language: mailLanguage, first: assignment, count: 1 });
  }
  const order = (g: { language: Language; first: { role: string } }) =>
    [event.languages.indexOf(g.language), ASSIGNMENT_ROLES.indexOf(g.first.role as AssignmentRole)] as const;
  const sorted = [...groups.values()].sort((a, b) => {
    const [la, ra] = order(a);
    const [lb, rb] = order(b);
    return la - lb || ra - rb;
  });
  const link = `${settings.publicUrl}/invitations/…`;
  const samples = await Promise.all(
    sorted.map(async ({ language: mailLanguage, first, count }) => {
      const person = programme.people.get(first.personId)!;
      const key = `invitation.${first.role}` as TemplateKey;
      return {
        label: `${t(`language.${mailLanguage}`)} · ${t(`assignmentRoles.${first.role}`)}`,
        language: mailLanguage,
        count,
        to: `${fullName(person)} <${person.email}>`,
        ...composeMail(key, mailLanguage, await eventTemplate(event.id, key, mailLanguage), {
          ...assignmentFields({ event, programme, settings }, first, mailLanguage),
          responseUrl: link,
          confirmUrl: link,
          declineUrl: link,
          deadline: formatDeadline(
            effectiveDeadline(event, { deadline: derivedDeadline(event, context.now) }),
            event,
            mailLanguage,
          ),
        }),
      };
    }),
  );
  return {
    ...eventPage(event, context.language, t('invitations.previewTitle')),
    event,
    scope: scopeInput,
    ready: ready.map(describe),
    withoutEmail: withoutEmail.map(describe),
    samples,
  };
}
