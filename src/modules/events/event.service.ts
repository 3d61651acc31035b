import mongoose from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { diff, recordChange } from '../audit/index.js';
import { Event, type EventStatus } from './event.model.js';
import type {
  CreateEventInput,
  InvitationSettingsInput,
  RoomInput,
  RoomPatch,
  UpdateEventInput,
} from './event.schemas.js';
import { readTogether } from '../../db/grouped.js';
import { shortCache } from '../../db/short-cache.js';
import { toEventSender, toEventView, type EventSender, type EventView } from './event.views.js';
import { addTeamMember } from './team.service.js';

/** Which status changes an organizer may make. */
const TRANSITIONS: Record<EventStatus, EventStatus[]> = {
  draft: ['published', 'archived'],
  published: ['draft', 'archived'],
  archived: ['published'],
};

async function loadEvent(eventId: string) {
  const event = await Event.findById(eventId).lean();
  if (!event) throw new NotFoundError();
  return event;
}

async function ensureSlugFree(slug: string, exceptId?: string): Promise<void> {
  const existing = await Event.findOne({ slug }, { _id: 1 }).lean();
  if (existing && String(existing._id) !== exceptId)
    throw new ConflictError('SLUG_TAKEN', undefined, { slug });
}

const editable = (event: EventView) => ({
  slug: event.slug,
  title: event.title,
  description: event.description,
  organizers: event.organizers,
  venue: event.venue,
  timezone: event.timezone,
  startDate: event.startDate,
  endDate: event.endDate,
  languages: event.languages,
  countries: event.countries,
  sender: event.sender,
});

export async function createEvent(input: CreateEventInput, actor: Actor, clock: Clock): Promise<EventView> {
  await ensureSlugFree(input.slug);
  const created = await Event.create({
    ...input,
    countries: [...new Set(input.countries)].sort(),
    status: 'draft',
    revision: 1,
    createdBy: actor.userId,
  });
  const event = toEventView(created.toObject());
  await recordChange({ action: 'event.created', subjectType: 'event', subjectId: event.id, actor }, clock);
  if (actor.userId) await addTeamMember(event.id, { id: actor.userId, label: actor.label }, actor, clock);
  return event;
}

/** Applies an edit; one made from a stale copy (older revision) is refused with 409. */
export async function updateEvent(
  eventId: string,
  input: UpdateEventInput,
  actor: Actor,
  clock: Clock,
): Promise<EventView> {
  const before = toEventView(await loadEvent(eventId));
  if (before.status === 'archived') throw new ConflictError('EVENT_ARCHIVED');
  const { revision, ...changes } = input;
  if (revision !== undefined && revision !== before.revision) throw new ConflictError('STALE_EDIT');
  if (changes.slug && changes.slug !== before.slug) await ensureSlugFree(changes.slug, eventId);
  if (changes.countries) changes.countries = [...new Set(changes.countries)].sort();
  const merged = { ...editable(before), ...changes };
  if (merged.endDate < merged.startDate) {
    throw new ValidationError([{ field: 'endDate', code: 'end_before_start' }]);
  }
  const changed = diff(editable(before), merged);
  if (changed.length === 0) return before;
  await Event.updateOne({ _id: eventId }, { $set: { ...changes, revision: before.revision + 1 } });
  senders.forget();
  await recordChange(
    { action: 'event.updated', subjectType: 'event', subjectId: eventId, actor, changes: changed },
    clock,
  );
  return getEvent(eventId);
}

export async function setEventStatus(
  eventId: string,
  status: EventStatus,
  actor: Actor,
  clock: Clock,
): Promise<EventView> {
  const event = await loadEvent(eventId);
  const from = event.status as EventStatus;
  if (from === status) return toEventView(event);
  if (!TRANSITIONS[from].includes(status))
    throw new ConflictError('STATUS_TRANSITION', undefined, { from, to: status });
  await Event.updateOne(
    { _id: eventId },
    {
      $set: {
        status,
        revision: event.revision + 1,
        ...(status === 'published' && !event.publishedAt && { publishedAt: clock.now() }),
      },
    },
  );
  await recordChange(
    {
      action: `event.${status}`,
      subjectType: 'event',
      subjectId: eventId,
      actor,
      changes: [{ field: 'status', from, to: status }],
    },
    clock,
  );
  return getEvent(eventId);
}

async function saveRooms(
  eventId: string,
  change: (rooms: EventView['rooms']) => EventView['rooms'],
  action: string,
  summary: { from: unknown; to: unknown },
  actor: Actor,
  clock: Clock,
): Promise<EventView> {
  const event = toEventView(await loadEvent(eventId));
  if (event.status === 'archived') throw new ConflictError('EVENT_ARCHIVED');
  const rooms = change(event.rooms).map(({ id, ...room }) => ({ _id: id, ...room }));
  // The whole list is written back: FerretDB has no positional updates.
  await Event.updateOne({ _id: eventId }, { $set: { rooms, revision: event.revision + 1 } });
  await recordChange(
    { action, subjectType: 'event', subjectId: eventId, actor, changes: [{ field: 'rooms', ...summary }] },
    clock,
  );
  return getEvent(eventId);
}

function findRoom(event: EventView, roomId: string) {
  const room = event.rooms.find((r) => r.id === roomId);
  if (!room) throw new NotFoundError();
  return room;
}

export async function addRoom(
  eventId: string,
  input: RoomInput,
  actor: Actor,
  clock: Clock,
): Promise<EventView> {
  const id = new mongoose.Types.ObjectId().toString();
  return saveRooms(
    eventId,
    (rooms) => [...rooms, { id, ...input, capacity: input.capacity }],
    'event.room-added',
    { from: null, to: input.name },
    actor,
    clock,
  );
}

export async function updateRoom(
  eventId: string,
  roomId: string,
  patch: RoomPatch,
  actor: Actor,
  clock: Clock,
): Promise<EventView> {
  const room = findRoom(await getEvent(eventId), roomId);
  const next = {
    id: roomId,
    name: patch.name ?? room.name,
    capacity: 'capacity' in patch ? patch.capacity : room.capacity,
    interpretation: patch.interpretation ?? room.interpretation,
  };
  return saveRooms(
    eventId,
    (rooms) => rooms.map((r) => (r.id === roomId ? next : r)),
    'event.room-updated',
    { from: room, to: next },
    actor,
    clock,
  );
}

export async function removeRoom(
  eventId: string,
  roomId: string,
  actor: Actor,
  clock: Clock,
): Promise<EventView> {
  const room = findRoom(await getEvent(eventId), roomId);
  return saveRooms(
    eventId,
    (rooms) => rooms.filter((r) => r.id !== roomId),
    'event.room-removed',
    { from: room.name, to: null },
    actor,
    clock,
  );
}

export async function getEvent(eventId: string): Promise<EventView> {
  return toEventView(await loadEvent(eventId));
}

/** An event's senders as each mail reads them, for a moment (db/short-cache.ts). */
const senders = shortCache<EventSender>();

/** Who an event's mails come from (the parts it set); nothing for an event that is gone. */
export async function eventSender(eventId: string): Promise<EventSender> {
  return senders.get(eventId, async () => {
    const event = await Event.findById(eventId, { sender: 1 }).lean();
    return toEventSender(event?.sender);
  });
}

export async function listEvents(): Promise<EventView[]> {
  const events = await Event.find().sort({ startDate: -1, slug: 1 }).lean();
  return events.map(toEventView);
}

/**
 * The time zone of each of these events, for lists across events (the outbox) that show each
 * row's times in the zone of its event. Unknown ids are left out.
 */
export async function timeZonesOf(eventIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(eventIds)].filter((id) => mongoose.isValidObjectId(id));
  if (ids.length === 0) return new Map();
  const events = await Event.find({ _id: mongoose.trusted({ $in: ids }) }, { timezone: 1 }).lean();
  return new Map(events.map((e) => [String(e._id), e.timezone]));
}

/** Published and archived events, newest first: what the public may see. */
export async function listPublicEvents(): Promise<EventView[]> {
  const events = await Event.find({ status: mongoose.trusted({ $in: ['published', 'archived'] }) })
    .sort({ startDate: -1 })
    .lean();
  return events.map(toEventView);
}

/** A public event by its slug; drafts do not exist for the public. */
export async function getPublicEvent(slug: string): Promise<EventView> {
  const key = slug.toLowerCase();
  // Simultaneous requests about one event (a registration rush) share one fresh read.
  const event = await readTogether(`event-by-slug:${key}`, () => Event.findOne({ slug: key }).lean());
  if (!event || event.status === 'draft') throw new NotFoundError();
  return toEventView(event);
}

/** The answer deadline and reminder rhythm of an event's invitations. */
export async function updateInvitationSettings(
  eventId: string,
  input: InvitationSettingsInput,
  actor: Actor,
  clock: Clock,
): Promise<EventView> {
  const before = toEventView(await loadEvent(eventId));
  const after = {
    deadline: input.deadline,
    reminderDays: input.reminderDays,
    reminderMax: input.reminderMax,
  };
  const changed = diff({ ...before.invitations }, after);
  if (changed.length === 0) return before;
  await Event.updateOne(
    { _id: eventId },
    input.deadline
      ? { $set: { invitations: after } }
      : {
          $set: {
            'invitations.reminderDays': after.reminderDays,
            'invitations.reminderMax': after.reminderMax,
          },
          $unset: { 'invitations.deadline': 1 },
        },
  );
  await recordChange(
    {
      action: 'event.invitation-settings',
      subjectType: 'event',
      subjectId: eventId,
      actor,
      changes: changed,
    },
    clock,
  );
  return getEvent(eventId);
}
