import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { ConflictError, NotFoundError } from '../../../shared/errors.js';
import {
  loadWorkingProgramme,
  updateAssignment,
  type AssignmentView,
  type WorkingProgramme,
} from '../../agenda/index.js';
import type { EventView } from '../../events/index.js';
import { issueLink, revokeToken, validityUntil } from '../../links/index.js';
import type { Language } from '../../../shared/i18n/index.js';
import {
  eventTemplate,
  queueTemplatedMail,
  type MailTemplate,
  type TemplateKey,
} from '../../messaging/index.js';
import { derivedDeadline, effectiveDeadline } from './deadline.js';
import { Invitation } from '../invitation.model.js';
import {
  assignmentFields,
  formatDeadline,
  fullName,
  languageOf,
  responseLinks,
  type MailSettings,
} from '../mail-context.js';

export const INVITATION_LINK = 'invitation';

export type InviteScope = { all: true } | { sessionId: string } | { assignmentIds: string[] };

export interface InviteCandidates {
  programme: WorkingProgramme;
  /** Proposed assignments never invited, of people with an email. */
  ready: AssignmentView[];
  /** Proposed assignments that cannot be invited: the person has no email. */
  withoutEmail: AssignmentView[];
}

/** Who an invitation round would reach: the scope's proposed assignments never invited before. */
export async function invitationCandidates(event: EventView, scope: InviteScope): Promise<InviteCandidates> {
  const programme = await loadWorkingProgramme(event);
  const invited = new Set(
    (await Invitation.find({ eventId: event.id }, { _id: 1 }).lean()).map((i) => String(i._id)),
  );
  const inScope = programme.assignments.filter((a) =>
    'all' in scope
      ? true
      : 'sessionId' in scope
        ? a.sessionId === scope.sessionId
        : scope.assignmentIds.includes(a.id),
  );
  const proposed = inScope.filter((a) => a.status === 'proposed' && !invited.has(a.id));
  const hasEmail = (a: AssignmentView) => Boolean(programme.people.get(a.personId)?.email);
  return { programme, ready: proposed.filter(hasEmail), withoutEmail: proposed.filter((a) => !hasEmail(a)) };
}

type TemplateCache = (key: TemplateKey, language: Language) => Promise<MailTemplate>;

/** An event's templates read once per bulk send, not once per mail. */
function templateCache(eventId: string): TemplateCache {
  const cache = new Map<string, Promise<MailTemplate>>();
  return (key, language) => {
    const id = `${key}:${language}`;
    if (!cache.has(id)) cache.set(id, eventTemplate(eventId, key, language));
    return cache.get(id)!;
  };
}

export interface InviteDeps {
  clock: Clock;
  settings: MailSettings;
}

/**
 * Mails one invitation: a fresh private link, the role's template in the person's language,
 * queued under a dedupe key per round. Whoever queues the mail records the invitation; a loser
 * of a race withdraws the link it made. Returns whether this call queued the mail.
 */
async function sendInvitation(
  event: EventView,
  programme: WorkingProgramme,
  assignment: AssignmentView,
  round: number,
  batch: { id: string; templates: TemplateCache },
  actor: Actor,
  deps: InviteDeps,
): Promise<boolean> {
  const person = programme.people.get(assignment.personId);
  if (!person?.email) return false;
  const now = deps.clock.now();
  const language = languageOf(person, event);
  const deadline = effectiveDeadline(event, { deadline: derivedDeadline(event, now) });
  const link = await issueLink(
    { purpose: INVITATION_LINK, subject: assignment.id, validForMs: validityUntil(deadline, now) },
    deps.clock,
  );
  const key = `invitation.${assignment.role}` as TemplateKey;
  const queued = await queueTemplatedMail(
    {
      eventId: event.id,
      key,
      language,
      template: await batch.templates(key, language),
      fields: {
        ...assignmentFields({ event, programme, settings: deps.settings }, assignment, language),
        ...responseLinks(deps.settings.publicUrl, link.token, language),
        deadline: formatDeadline(deadline, event, language),
      },
      to: { name: fullName(person), email: person.email },
      dedupeKey: `invitation:${assignment.id}:${round}`,
      related: [
        { type: 'event', id: event.id },
        { type: 'session', id: assignment.sessionId },
        { type: 'assignment', id: assignment.id },
        { type: 'person', id: person.id },
        { type: 'batch', id: batch.id },
      ],
    },
    { clock: deps.clock, domain: deps.settings.domain },
  );
  if (!queued) {
    await revokeToken(link.token);
    return false;
  }
  await Invitation.updateOne(
    { _id: assignment.id },
    {
      $set: {
        eventId: event.id,
        sessionId: assignment.sessionId,
        personId: person.id,
        role: assignment.role,
        language,
        round,
        invitedAt: now,
        invitedBy: actor.label,
        deadline,
        remindersSent: 0,
        lastSentAt: now,
      },
    },
    { upsert: true },
  );
  if (assignment.status !== 'invited') {
    await updateAssignment(assignment.sessionId, assignment.id, { status: 'invited' }, actor, deps.clock);
  }
  return true;
}

export interface InviteOutcome {
  batchId: string;
  queued: number;
  withoutEmail: number;
}

/** Invites every proposed, never-invited assignment in the scope. */
export async function sendInvitations(
  event: EventView,
  scope: InviteScope,
  actor: Actor,
  deps: InviteDeps,
): Promise<InviteOutcome> {
  if (event.status === 'archived') throw new ConflictError('EVENT_ARCHIVED');
  const { programme, ready, withoutEmail } = await invitationCandidates(event, scope);
  const batch = { id: randomUUID(), templates: templateCache(event.id) };
  let queued = 0;
  for (const assignment of ready) {
    if (await sendInvitation(event, programme, assignment, 1, batch, actor, deps)) queued += 1;
  }
  return { batchId: batch.id, queued, withoutEmail: withoutEmail.length };
}

/**
 * Sends an invitation again with a fresh link (a lost mail, or an assignment an organizer put
 * back to proposed after a decline). A confirmed assignment is not re-invited.
 */
export async function inviteAgain(
  event: EventView,
  assignmentId: string,
  actor: Actor,
  deps: InviteDeps,
): Promise<InviteOutcome> {
  const programme = await loadWorkingProgramme(event);
  const assignment = programme.assignments.find((a) => a.id === assignmentId);
  if (!assignment) throw new NotFoundError();
  if (!['proposed', 'invited', 'declined'].includes(assignment.status))
    throw new ConflictError('NOT_INVITABLE');
  if (!programme.people.get(assignment.personId)?.email) throw new ConflictError('PERSON_WITHOUT_EMAIL');
  const previous = await Invitation.findById(assignmentId).lean();
  const batch = { id: randomUUID(), templates: templateCache(event.id) };
  const queued = await sendInvitation(
    event,
    programme,
    assignment,
    (previous?.round ?? 0) + 1,
    batch,
    actor,
    deps,
  );
  return { batchId: batch.id, queued: queued ? 1 : 0, withoutEmail: 0 };
}

export interface InvitationState {
  assignmentId: string;
  invitedAt: Date;
  round: number;
  remindersSent: number;
  lastSentAt: Date;
  deadline: Date;
}

/** The invitations of an event, by assignment. */
export async function invitationsOf(event: EventView): Promise<Map<string, InvitationState>> {
  const docs = await Invitation.find({ eventId: event.id }).lean();
  return new Map(
    docs.map((d) => [
      String(d._id),
      {
        assignmentId: String(d._id),
        invitedAt: d.invitedAt,
        round: d.round,
        remindersSent: d.remindersSent,
        lastSentAt: d.lastSentAt,
        deadline: effectiveDeadline(event, d),
      },
    ]),
  );
}
