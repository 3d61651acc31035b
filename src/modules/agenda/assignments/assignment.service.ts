import mongoose from 'mongoose';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { absentIfNotFound, ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.js';
import { recordChange } from '../../audit/index.js';
import { getPerson } from '../../people/index.js';
import type { AssignmentInput, AssignmentPatch } from '../agenda.schemas.js';
import { toAssignmentView, type AssignmentView } from '../agenda.views.js';
import { Assignment, type AssignmentRole, type AssignmentStatus } from './assignment.model.js';
import { isDuplicateKey } from '../../../db/duplicate-key.js';

/** Puts a person in a session in a role. The unique index decides between simultaneous attempts. */
export async function assignPerson(
  session: { id: string; eventId: string },
  input: AssignmentInput,
  actor: Actor,
  clock: Clock,
  effects: AssignmentEffects = {},
): Promise<AssignmentView> {
  const person = await getPerson(input.personId).catch(absentIfNotFound);
  if (!person) throw new ValidationError([{ field: 'personId', code: 'unknown_reference' }]);
  const order = input.order ?? (await Assignment.countDocuments({ sessionId: session.id, role: input.role }));
  let created;
  try {
    created = await Assignment.create({
      eventId: session.eventId,
      sessionId: session.id,
      personId: person.id,
      role: input.role,
      order,
      status: input.status ?? 'proposed',
      ...((input.status === 'confirmed' || input.status === 'declined') && { respondedAt: clock.now() }),
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('ALREADY_ASSIGNED');
    throw error;
  }
  const assignment = toAssignmentView(created.toObject());
  await recordChange(
    {
      action: 'assignment.created',
      subjectType: 'session',
      subjectId: session.id,
      actor,
      changes: [
        {
          field: input.role,
          from: null,
          to: `${person.givenName} ${person.familyName} (${assignment.status})`,
        },
      ],
    },
    clock,
  );
  if (assignment.status === 'confirmed') await effects.onConfirmed?.(person.id);
  return assignment;
}

export async function getAssignment(sessionId: string, assignmentId: string): Promise<AssignmentView> {
  const assignment = await Assignment.findById(assignmentId).lean();
  if (!assignment || assignment.sessionId !== sessionId) throw new NotFoundError();
  return toAssignmentView(assignment);
}

/**
 * The moves an assignment's status may make: invited once proposed; an answer (confirmed or
 * declined) may change while the invitation is open; withdrawn takes it out of the programme,
 * and it may come back. Anything else is a 409 ILLEGAL_TRANSITION.
 */
export const ASSIGNMENT_MOVES: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  proposed: ['invited', 'confirmed', 'declined', 'withdrawn'],
  invited: ['confirmed', 'declined', 'withdrawn'],
  confirmed: ['declined', 'withdrawn'],
  declined: ['invited', 'confirmed', 'withdrawn'],
  withdrawn: ['proposed', 'invited'],
};

/** What other modules do when an assignment moves (wired through the agenda hooks). */
export interface AssignmentEffects {
  /** Someone confirmed a role: they get a programme participant's registration. */
  onConfirmed?: (personId: string) => Promise<void>;
}

/**
 * The one way an assignment changes: a status move the table allows, its answer time, its audit
 * entry and its side effects; the order and message change with it. People confirm or decline
 * through their link; organizers record the rest.
 */
export async function updateAssignment(
  sessionId: string,
  assignmentId: string,
  patch: AssignmentPatch,
  actor: Actor,
  clock: Clock,
  effects: AssignmentEffects = {},
): Promise<AssignmentView> {
  const before = await getAssignment(sessionId, assignmentId);
  const set: Record<string, unknown> = { ...patch };
  const to = patch.status;
  const moves = to !== undefined && to !== before.status;
  if (moves && !ASSIGNMENT_MOVES[before.status].includes(to)) {
    throw new ConflictError('ILLEGAL_TRANSITION', undefined, { from: before.status, to });
  }
  if (moves && (to === 'confirmed' || to === 'declined')) set['respondedAt'] = clock.now();
  await Assignment.updateOne({ _id: assignmentId }, { $set: set });
  if (moves) {
    await recordChange(
      {
        action: `assignment.${to}`,
        subjectType: 'session',
        subjectId: sessionId,
        actor,
        changes: [{ field: `${before.role}:${before.personId}`, from: before.status, to }],
      },
      clock,
    );
    if (to === 'confirmed') await effects.onConfirmed?.(before.personId);
  }
  return getAssignment(sessionId, assignmentId);
}

export async function removeAssignment(
  sessionId: string,
  assignmentId: string,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const before = await getAssignment(sessionId, assignmentId);
  const { deletedCount } = await Assignment.deleteOne({ _id: assignmentId });
  if (deletedCount !== 1) throw new NotFoundError();
  await recordChange(
    {
      action: 'assignment.removed',
      subjectType: 'session',
      subjectId: sessionId,
      actor,
      changes: [{ field: before.role, from: before.personId, to: null }],
    },
    clock,
  );
}

export async function listAssignments(filter: {
  eventId?: string;
  sessionId?: string;
  personId?: string;
}): Promise<AssignmentView[]> {
  const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
  const assignments = await Assignment.find(query).sort({ order: 1, _id: 1 }).lean();
  return assignments.map(toAssignmentView);
}

export async function assignmentsOfSessions(sessionIds: string[]): Promise<AssignmentView[]> {
  const assignments = await Assignment.find({ sessionId: mongoose.trusted({ $in: sessionIds }) })
    .sort({ order: 1, _id: 1 })
    .lean();
  return assignments.map(toAssignmentView);
}

/** Everyone holding a role (in a live status) in any programme. */
export async function peopleInRole(role: AssignmentRole): Promise<string[]> {
  const ids = await Assignment.distinct('personId', {
    role,
    status: mongoose.trusted({ $in: ['proposed', 'invited', 'confirmed'] }),
  });
  return ids.map(String);
}

/** The events in whose programmes a person holds a role (any status): for the access policy. */
export async function eventsOfAssignedPerson(personId: string): Promise<string[]> {
  return (await Assignment.distinct('eventId', { personId })).map(String);
}

/** Everyone holding a role in any programme, with those events (for whole-directory exports). */
export async function eventsOfEveryoneAssigned(): Promise<Map<string, string[]>> {
  const events = new Map<string, string[]>();
  for await (const a of Assignment.find({}, { personId: 1, eventId: 1 }).lean().cursor()) {
    const list = events.get(String(a.personId)) ?? [];
    if (!list.includes(String(a.eventId))) list.push(String(a.eventId));
    events.set(String(a.personId), list);
  }
  return events;
}
