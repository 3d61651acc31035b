import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import { ValidationError } from '../../shared/errors.js';
import type { ApiRegistry } from '../../web/api-registry.js';
import { pathParam } from '../../web/params.js';
import { actorOf, requireRole, requireUser } from '../auth/index.js';
import { EVENT_STATUSES } from './event.model.js';
import {
  createEventInput,
  eventStatusInput,
  roomInput,
  roomPatchInput,
  updateEventInput,
} from './event.schemas.js';
import {
  addRoom,
  createEvent,
  listEvents,
  removeRoom,
  setEventStatus,
  updateEvent,
  updateRoom,
} from './event.service.js';
import type { EventView, RoomView } from './event.views.js';
import { eventOf, historyFor, eventWithPermissions } from './event.access.js';

const trilingualOutput = z.object({
  es: z.string().optional(),
  en: z.string().optional(),
  pt: z.string().optional(),
});
const roomOutput = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.number().int().optional(),
  interpretation: z.array(z.string()),
});
const eventOutput = z.object({
  id: z.string(),
  slug: z.string(),
  title: trilingualOutput,
  description: trilingualOutput,
  venue: z.object({ name: z.string(), address: z.string(), city: z.string(), country: z.string() }).partial(),
  timezone: z.string(),
  startDate: z.string().describe('Calendar date (YYYY-MM-DD) in the event time zone'),
  endDate: z.string(),
  languages: z.array(z.string()),
  countries: z.array(z.string()).describe('ISO 3166-1 alpha-2 codes'),
  rooms: z.array(roomOutput),
  sender: z
    .object({ name: z.string(), address: z.string(), replyTo: z.string() })
    .partial()
    .describe("The event's mail sender; parts left out are the server's configured ones"),
  status: z.enum(EVENT_STATUSES),
  revision: z.number().int(),
  publishedAt: z.iso.datetime().optional(),
});
const historyOutput = z.array(
  z.object({
    at: z.iso.datetime(),
    action: z.string(),
    actor: z.object({ label: z.string(), via: z.string(), userId: z.string().optional() }),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  }),
);

const eventJson = (event: EventView) => ({
  ...event,
  publishedAt: event.publishedAt?.toISOString(),
  createdAt: undefined,
  updatedAt: undefined,
});
const roomJson = (room: RoomView) => room;

export function registerEventsApi(api: ApiRegistry, clock: Clock): void {
  api.describeTag(
    'Events',
    'Forums and meetings: titles in es/pt/en, venue, time zone, dates, participating countries, and ' +
      'their state (draft, published, archived), with the audit trail of every change.',
  );
  api.describeTag('Rooms', "An event's rooms, with capacity and the languages interpreted in each.");
  const readers = { tag: 'Events', access: 'signed-in' as const, guards: [requireUser] };
  const editors = { tag: 'Events', access: 'team' as const, guards: [requireUser] };
  const archived = { EVENT_ARCHIVED: 'the event is archived' };

  const editable = (req: Parameters<typeof requireUser>[0]) => eventOf(req, { edit: true });
  api.add({
    ...readers,
    operationId: 'listEvents',
    method: 'get',
    path: '/events',
    summary: 'List events',
    response: z.array(eventOutput),
    handler: async () => (await listEvents()).map(eventJson),
  });

  api.add({
    ...readers,
    operationId: 'getEvent',
    method: 'get',
    path: '/events/:eventId',
    summary: 'Read an event with its rooms',
    response: eventOutput,
    handler: async (req) => eventJson(await eventOf(req)),
  });

  api.add({
    tag: 'Events',
    access: 'organizer',
    accessNote: "the creator joins the event's team",
    guards: requireRole('admin', 'organizer'),
    operationId: 'createEvent',
    method: 'post',
    path: '/events',
    summary: 'Create an event (as a draft)',
    body: createEventInput,
    status: 201,
    conflicts: { SLUG_TAKEN: 'another event has this slug' },
    response: eventOutput,
    handler: async (req, body) => eventJson(await createEvent(body, actorOf(req), clock)),
  });

  api.add({
    ...editors,
    operationId: 'updateEvent',
    method: 'patch',
    path: '/events/:eventId',
    summary: 'Change an event; with `revision`, a stale copy is refused (409)',
    body: updateEventInput,
    conflicts: {
      ...archived,
      STALE_EDIT: 'the event changed since the `revision` sent',
      SLUG_TAKEN: 'another event has this slug',
    },
    response: eventOutput,
    handler: async (req, body) =>
      eventJson(await updateEvent((await editable(req)).id, body, actorOf(req), clock)),
  });

  api.add({
    ...editors,
    operationId: 'setEventStatus',
    method: 'post',
    path: '/events/:eventId/status',
    summary: 'Publish, unpublish, archive or restore an event',
    body: eventStatusInput,
    conflicts: { STATUS_TRANSITION: 'the event cannot go from its state to that one' },
    response: eventOutput,
    handler: async (req, body) =>
      eventJson(await setEventStatus((await editable(req)).id, body.status, actorOf(req), clock)),
  });

  api.add({
    ...readers,
    operationId: 'getEventHistory',
    method: 'get',
    path: '/events/:eventId/history',
    accessNote: "the team's addresses: admins and the event's team",
    summary: 'Audit trail of an event: who changed what, when',
    response: historyOutput,
    handler: async (req) => {
      const { event, can } = await eventWithPermissions(req);
      return (await historyFor('event', event.id, can)).map((entry) => ({
        ...entry,
        at: entry.at.toISOString(),
      }));
    },
  });

  const rooms = { ...editors, tag: 'Rooms', conflicts: archived };
  api.add({
    ...readers,
    tag: 'Rooms',
    operationId: 'listEventRooms',
    method: 'get',
    path: '/events/:eventId/rooms',
    summary: "List an event's rooms",
    response: z.array(roomOutput),
    handler: async (req) => (await eventOf(req)).rooms.map(roomJson),
  });

  api.add({
    ...rooms,
    operationId: 'createRoom',
    method: 'post',
    path: '/events/:eventId/rooms',
    summary: 'Add a room',
    body: roomInput,
    status: 201,
    response: roomOutput,
    handler: async (req, body) => {
      const event = await addRoom((await editable(req)).id, body, actorOf(req), clock);
      return roomJson(event.rooms[event.rooms.length - 1] as RoomView);
    },
  });

  api.add({
    ...rooms,
    operationId: 'updateRoom',
    method: 'patch',
    path: '/events/:eventId/rooms/:roomId',
    summary: 'Change a room: only the fields given change',
    body: roomPatchInput,
    response: roomOutput,
    handler: async (req, body) => {
      const roomId = pathParam(req, 'roomId');
      const event = await updateRoom((await editable(req)).id, roomId, body, actorOf(req), clock);
      const room = event.rooms.find((r) => r.id === roomId);
      if (!room) throw new ValidationError([{ field: 'roomId', code: 'unknown_reference' }]);
      return roomJson(room);
    },
  });

  api.add({
    ...rooms,
    operationId: 'deleteRoom',
    method: 'delete',
    path: '/events/:eventId/rooms/:roomId',
    summary: 'Remove a room',
    handler: async (req) => {
      await removeRoom((await editable(req)).id, pathParam(req, 'roomId'), actorOf(req), clock);
      return undefined;
    },
  });
}
