import { NotFoundError } from '../../../shared/errors.js';
import type { Language } from '../../../shared/i18n/index.js';
import { getSession, listAssignments } from '../../agenda/index.js';
import { localized, type EventView, type Permissions } from '../../events/index.js';
import { getPerson, withoutContactDetails } from '../../people/index.js';
import { Invitation } from '../invitation.model.js';
import { fullName, sessionTimeFields } from '../mail-context.js';
import { effectiveDeadline } from '../sending/deadline.js';
import { answersOf } from './response.service.js';

/**
 * The team's page for one invitation: the session, the person, when it was sent and every
 * answer. What people wrote (their message, their arrival and needs) and how to reach them is
 * for those who may see contact details; the others read the status only.
 */
export async function answerRecord(
  event: EventView,
  assignmentId: string,
  can: Permissions,
  language: Language,
) {
  const invitation = await Invitation.findOne({ _id: assignmentId, eventId: event.id }).lean();
  if (!invitation) throw new NotFoundError();
  const assignment = (await listAssignments({ sessionId: invitation.sessionId })).find(
    (a) => a.id === assignmentId,
  );
  if (!assignment) throw new NotFoundError();
  const [session, person, answers] = await Promise.all([
    getSession(event.id, assignment.sessionId),
    getPerson(assignment.personId),
    answersOf(assignment.id),
  ]);
  const room = event.rooms.find((r) => r.id === session.roomId);
  return {
    assignment,
    name: [person.honorific, fullName(person)].filter(Boolean).join(' '),
    person: can.contactDetails ? person : withoutContactDetails(person),
    session: {
      id: session.id,
      title: localized(session.title, language, event.languages),
      room: room?.name,
      ...sessionTimeFields(session, event, language),
    },
    invitation: {
      invitedAt: invitation.invitedAt,
      deadline: effectiveDeadline(event, invitation),
      remindersSent: invitation.remindersSent,
      language: invitation.language as Language,
    },
    answers: can.contactDetails
      ? answers
      : answers.map((answer) => ({ ...answer, message: undefined, logistics: {} })),
    seesWords: can.contactDetails,
  };
}
