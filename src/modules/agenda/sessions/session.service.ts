import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../shared/errors.js';
import { instantToLocal, localToInstant } from '../../../shared/zoned-time.js';
import { diff, recordChange } from '../../audit/index.js';
import type { EventView } from '../../events/index.js';
import type { SessionInput, SessionPatch } from '../agenda.schemas.js';
import { byTime, toSessionView, type SessionView } from '../agenda.views.js';
import { Session } from './session.model.js';

/** Turns the entered room and wall-clock times into stored values, checking them against the event. */
function placeAndTime(
  event: EventView,
  input: { roomId?: string | null; date?: string | null; start?: string | null; end?: string | null },
): { roomId?: string | null; startsAt?: Date | null; endsAt?: Date | null } {
  const errors: FieldError[] = [];
  const out: { roomId?: string | null; startsAt?: Date | null; endsAt?: Date | null } = {};
  if (input.roomId !== undefined) {
    if (input.roomId !== null && !event.rooms.some((room) => room.id === input.roomId)) {
      errors.push({ field: 'roomId', code: 'unknown_reference' });
    }
    out.roomId = input.roomId;
  }
  if (input.date === null) {
    out.startsAt = null;
    out.endsAt = null;
  } else if (input.date && input.start && input.end) {
    const startsAt = localToInstant(input.date, input.start, event.timezone);
    const endsAt = localToInstant(input.date, input.end, event.timezone);
    if (!startsAt) errors.push({ field: 'start', code: 'nonexistent_local_time' });
    if (!endsAt) errors.push({ field: 'end', code: 'nonexistent_local_time' });
    if (startsAt && endsAt && endsAt <= startsAt) errors.push({ field: 'end', code: 'end_not_after_start' });
    out.startsAt = startsAt ?? null;
    out.endsAt = endsAt ?? null;
  }
  if (errors.length > 0) throw new ValidationError(errors);
  return out;
}

function assertEditable(event: EventView): void {
  if (event.status === 'archived') throw new ConflictError('EVENT_ARCHIVED');
}

export async function createSession(
  event: EventView,
  input: SessionInput,
  actor: Actor,
  clock: Clock,
): Promise<SessionView> {
  assertEditable(event);
  const { date: _date, start: _start, end: _end, roomId: _roomId, ...rest } = input;
  const where = placeAndTime(event, input);
  const created = await Session.create({
    ...rest,
    eventId: event.id,
    ...(where.roomId && { roomId: where.roomId }),
    ...(where.startsAt && { startsAt: where.startsAt, endsAt: where.endsAt }),
    interpretation: input.interpretation ?? [],
    status: input.status ?? (where.startsAt ? 'scheduled' : 'draft'),
    revision: 1,
  });
  const session = toSessionView(created.toObject());
  await recordChange(
    { action: 'session.created', subjectType: 'session', subjectId: session.id, actor },
    clock,
  );
  return session;
}

/** Applies a change; one made from a stale copy (older revision) is refused with 409. */
export async function updateSession(
  event: EventView,
  sessionId: string,
  patch: SessionPatch,
  actor: Actor,
  clock: Clock,
): Promise<SessionView> {
  assertEditable(event);
  const before = await getSession(event.id, sessionId);
  const { revision, date: _date, start: _start, end: _end, roomId: _roomId, ...rest } = patch;
  if (revision !== undefined && revision !== before.revision) throw new ConflictError('STALE_EDIT');
  const where = placeAndTime(event, patch);
  const changes: Record<string, unknown> = { ...rest, ...where };
  const set: Record<string, unknown> = {};
  const unset: Record<string, 1> = {};
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) unset[key] = 1;
    else if (value !== undefined) set[key] = value;
  }
  const beforeFields: Record<string, unknown> = { ...before };
  const changed = diff(
    Object.fromEntries(Object.keys(changes).map((key) => [key, beforeFields[key]])),
    Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, value ?? undefined])),
  );
  if (changed.length === 0) return before;
  set['revision'] = before.revision + 1;
  await Session.updateOne(
    { _id: sessionId },
    { $set: set, ...(Object.keys(unset).length > 0 && { $unset: unset }) },
  );
  const moved = changed.some((c) => ['startsAt', 'endsAt', 'roomId'].includes(c.field));
  const action =
    patch.status === 'cancelled' ? 'session.cancelled' : moved ? 'session.moved' : 'session.updated';
  await recordChange(
    { action, subjectType: 'session', subjectId: sessionId, actor, changes: changed },
    clock,
  );
  return getSession(event.id, sessionId);
}

export async function getSession(eventId: string, sessionId: string): Promise<SessionView> {
  const session = await Session.findById(sessionId).lean();
  if (!session || session.eventId !== eventId) throw new NotFoundError();
  return toSessionView(session);
}

export async function listSessions(eventId: string): Promise<SessionView[]> {
  const sessions = await Session.find({ eventId }).lean();
  return sessions.map(toSessionView).sort(byTime);
}

/** Where a session is dropped on the builder: a room (or none) and a start on a day, in the event's zone. */
export interface SessionMove {
  roomId: string | null;
  date: string;
  start: string;
  revision: number;
}

const DEFAULT_MINUTES = 60;

/**
 * Moves a session to a room and start time, keeping its length (an unscheduled one gets an
 * hour). A copy of the builder older than the session (another edit since) is refused.
 */
export async function moveSession(
  event: EventView,
  sessionId: string,
  move: SessionMove,
  actor: Actor,
  clock: Clock,
): Promise<SessionView> {
  const session = await getSession(event.id, sessionId);
  const minutes =
    session.startsAt && session.endsAt
      ? Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000)
      : DEFAULT_MINUTES;
  const startsAt = localToInstant(move.date, move.start, event.timezone);
  if (!startsAt) throw new ValidationError([{ field: 'start', code: 'nonexistent_local_time' }]);
  const end = instantToLocal(new Date(startsAt.getTime() + minutes * 60_000), event.timezone);
  // The builder shows one day at a time: a session may not be dropped across midnight.
  if (end.date !== move.date) throw new ValidationError([{ field: 'start', code: 'end_not_after_start' }]);
  return updateSession(
    event,
    sessionId,
    { roomId: move.roomId, date: move.date, start: move.start, end: end.time, revision: move.revision },
    actor,
    clock,
  );
}
