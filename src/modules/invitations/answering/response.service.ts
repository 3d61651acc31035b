import mongoose from 'mongoose';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { ConflictError, LinkExpiredError, LinkNotFoundError } from '../../../shared/errors.js';
import type { Language } from '../../../shared/i18n/index.js';
import {
  loadWorkingProgramme,
  updateAssignment,
  type AssignmentView,
  type SessionView,
  type WorkingProgramme,
} from '../../agenda/index.js';
import { getEvent, type EventView } from '../../events/index.js';
import { openLink } from '../../links/index.js';
import type { MailFields } from '../../messaging/index.js';
import type { PersonView } from '../../people/index.js';
import { effectiveDeadline } from '../sending/deadline.js';
import { Invitation, InvitationResponse } from '../invitation.model.js';
import { INVITATION_LINK } from '../sending/invite.service.js';
import { notifyTeamOfDecline, queueReceipt } from '../sending/invitation-mail.js';
import {
  assignmentFields,
  formatDeadline,
  fullName,
  logisticsText,
  responseLinks,
  type MailSettings,
} from '../mail-context.js';
import type { AnswerInput } from './response.schemas.js';
import { isDuplicateKey } from '../../../db/duplicate-key.js';

/** What else happens when someone confirms (their registration as a programme participant). */
export type OnConfirmed = (event: EventView, personId: string) => Promise<void>;

export interface Logistics {
  arrivalDate?: string | undefined;
  departureDate?: string | undefined;
  interpretation?: string[] | undefined;
  accessibility?: string | undefined;
  diet?: string | undefined;
}

export interface Answer {
  number: number;
  answer: 'confirmed' | 'declined';
  message: string | undefined;
  logistics: Logistics;
  at: Date;
}

/** What the private page shows: the person's own invitation and nothing of anyone else's contacts. */
export interface InvitationView {
  event: EventView;
  session: SessionView;
  assignment: AssignmentView;
  person: PersonView;
  programme: WorkingProgramme;
  language: Language;
  deadline: Date;
  /** Answers are still taken (before the deadline, not withdrawn). */
  open: boolean;
  latest: Answer | undefined;
}

function toAnswer(doc: NonNullable<Awaited<ReturnType<typeof latestAnswerDoc>>>): Answer {
  const l = doc.logistics;
  return {
    number: doc.number,
    answer: doc.answer as Answer['answer'],
    message: doc.message ?? undefined,
    logistics: {
      arrivalDate: l?.arrivalDate ?? undefined,
      departureDate: l?.departureDate ?? undefined,
      interpretation: l?.interpretation ?? [],
      accessibility: l?.accessibility ?? undefined,
      diet: l?.diet ?? undefined,
    },
    at: doc.at,
  };
}

const latestAnswerDoc = (assignmentId: string) =>
  InvitationResponse.findOne({ assignmentId }).sort({ number: -1 }).lean();

/** The latest answers of many assignments (for the organizers' dashboard), in one query. */
export async function latestAnswers(assignmentIds: string[]): Promise<Map<string, Answer>> {
  const docs = await InvitationResponse.find({ assignmentId: mongoose.trusted({ $in: assignmentIds }) })
    .sort({ number: -1 })
    .lean();
  const answers = new Map<string, Answer>();
  for (const doc of docs) if (!answers.has(doc.assignmentId)) answers.set(doc.assignmentId, toAnswer(doc));
  return answers;
}

/** Every answer to one invitation, the latest first (the team's page for it). */
export async function answersOf(assignmentId: string): Promise<Answer[]> {
  const docs = await InvitationResponse.find({ assignmentId }).sort({ number: -1 }).lean();
  return docs.map(toAnswer);
}

/**
 * Opens an invitation by its private link: 404 for a link that never existed, 410 for one that
 * ran out or whose assignment is gone.
 */
export async function openInvitation(token: string, clock: Clock): Promise<InvitationView> {
  const link = await openLink(token, INVITATION_LINK, clock);
  const invitation = await Invitation.findById(link.subject).lean();
  if (!invitation) throw new LinkNotFoundError();
  const event = await getEvent(invitation.eventId);
  const programme = await loadWorkingProgramme(event);
  const assignment = programme.assignments.find((a) => a.id === link.subject);
  const session = assignment && programme.sessions.find((s) => s.id === assignment.sessionId);
  const person = assignment && programme.people.get(assignment.personId);
  if (!assignment || !session || !person) throw new LinkExpiredError();
  const deadline = effectiveDeadline(event, invitation);
  const answerable = ['invited', 'confirmed', 'declined'].includes(assignment.status);
  return {
    event,
    session,
    assignment,
    person,
    programme,
    language: invitation.language as Language,
    deadline,
    open: answerable && clock.now() <= deadline && event.status !== 'archived',
    latest: await latestAnswerDoc(assignment.id).then((doc) => (doc ? toAnswer(doc) : undefined)),
  };
}

/** The fields of this person's mails about this invitation. */
export function fieldsOf(
  view: InvitationView,
  token: string,
  settings: MailSettings,
  language: Language,
): MailFields {
  return {
    ...assignmentFields(
      { event: view.event, programme: view.programme, settings },
      view.assignment,
      language,
    ),
    ...responseLinks(settings.publicUrl, token, language),
    deadline: formatDeadline(view.deadline, view.event, language),
  };
}

/**
 * Records an answer. Its number (the page's revision plus one) is inserted against a unique
 * index, so a form sent twice or from two tabs makes one answer and one receipt; the stale
 * one gets 409 and sees the current answer.
 */
export async function answerInvitation(
  token: string,
  input: AnswerInput,
  deps: { clock: Clock; settings: MailSettings; onConfirmed?: OnConfirmed },
): Promise<InvitationView> {
  const view = await openInvitation(token, deps.clock);
  if (input.assignmentId !== view.assignment.id) throw new LinkNotFoundError();
  if (!view.open) throw new ConflictError('INVITATION_CLOSED');
  const answer = input.answer === 'confirm' ? ('confirmed' as const) : ('declined' as const);
  const number = input.revision + 1;
  const now = deps.clock.now();
  const logistics: Logistics = {
    arrivalDate: answer === 'confirmed' ? input.arrivalDate : undefined,
    departureDate: answer === 'confirmed' ? input.departureDate : undefined,
    interpretation: answer === 'confirmed' ? (input.interpretation ?? []) : [],
    accessibility: answer === 'confirmed' ? input.accessibility : undefined,
    diet: answer === 'confirmed' ? input.diet : undefined,
  };
  try {
    await InvitationResponse.create({
      assignmentId: view.assignment.id,
      number,
      answer,
      message: input.message,
      logistics:
        answer === 'confirmed' ? { ...logistics, interpretation: input.interpretation ?? [] } : undefined,
      at: now,
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('ANSWER_CHANGED');
    throw error;
  }
  const actor: Actor = { label: `${fullName(view.person)} (invitation link)`, via: 'link' };
  const assignment = await updateAssignment(
    view.assignment.sessionId,
    view.assignment.id,
    { status: answer, message: input.message ?? '' },
    actor,
    deps.clock,
    { onConfirmed: async (personId) => deps.onConfirmed?.(view.event, personId) },
  );
  // The page and the receipt show the invitation as it now stands, without reading it all again.
  const updated: InvitationView = {
    ...view,
    assignment,
    programme: {
      ...view.programme,
      assignments: view.programme.assignments.map((a) => (a.id === assignment.id ? assignment : a)),
    },
    latest: { number, answer, message: input.message, logistics, at: now },
  };
  // The receipt repeats what the person told us; a field left empty leaves its line out.
  const fieldsFor = (language: Language) => ({
    ...fieldsOf(updated, token, deps.settings, language),
    message: input.message ?? '',
    logistics: logisticsText(logistics, language),
  });
  await queueReceipt(
    {
      event: updated.event,
      programme: updated.programme,
      assignment: updated.assignment,
      person: updated.person,
      language: updated.language,
      fields: fieldsFor(updated.language),
      answer,
      number,
    },
    deps.settings,
    deps.clock,
  );
  if (answer === 'declined') {
    await notifyTeamOfDecline(
      { event: updated.event, assignment: updated.assignment, person: updated.person, fieldsFor, number },
      deps.settings,
      deps.clock,
    );
  }
  return updated;
}
