import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import { assignmentEffects, type AgendaHooks } from './agenda.hooks.js';
import type { ApiRegistry } from '../../web/api-registry.js';
import { pathParam } from '../../web/params.js';
import { actorOf, requireUser } from '../auth/index.js';
import { eventOf, type EventView } from '../events/index.js';
import { assignmentInput, assignmentPatchInput, sessionInput, sessionPatchInput } from './agenda.schemas.js';
import type { AssignmentView, SessionView } from './agenda.views.js';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES } from './assignments/assignment.model.js';
import {
  assignPerson,
  getAssignment,
  listAssignments,
  removeAssignment,
  updateAssignment,
} from './assignments/assignment.service.js';
import { checksOf, loadWorkingProgramme } from './working-programme/working-programme.service.js';
import { SESSION_STATUSES, SESSION_TYPES } from './sessions/session.model.js';
import { createSession, getSession, listSessions, updateSession } from './sessions/session.service.js';

const trilingual = z.object({ es: z.string(), en: z.string(), pt: z.string() }).partial();
const sessionOutput = z.object({
  id: z.string(),
  type: z.enum(SESSION_TYPES),
  title: trilingual,
  description: trilingual,
  roomId: z.string().optional(),
  startsAt: z.string().optional().describe('ISO 8601 with the offset of the event time zone'),
  endsAt: z.string().optional(),
  theme: z.string().optional(),
  language: z.string().optional(),
  interpretation: z.array(z.string()),
  expectedAttendance: z.number().int().optional(),
  capacity: z.number().int().optional(),
  status: z.enum(SESSION_STATUSES),
  revision: z.number().int(),
});
const assignmentOutput = z.object({
  id: z.string(),
  sessionId: z.string(),
  personId: z.string(),
  role: z.enum(ASSIGNMENT_ROLES),
  order: z.number().int(),
  status: z.enum(ASSIGNMENT_STATUSES),
  respondedAt: z.string().optional(),
  message: z.string().optional(),
});
const warningOutput = z.object({
  code: z.string(),
  sessionIds: z.array(z.string()),
  personId: z.string().optional(),
  roomId: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** Instants in the event's own offset, so API readers see the local wall-clock time too. */
export const isoInZone = (at: Date | undefined, timeZone: string) =>
  at
    ? (DateTime.fromJSDate(at, { zone: timeZone }).toISO({ suppressMilliseconds: true }) ?? undefined)
    : undefined;

const sessionJson = (s: SessionView, event: EventView) => {
  const { eventId: _eventId, ...rest } = s;
  return {
    ...rest,
    startsAt: isoInZone(s.startsAt, event.timezone),
    endsAt: isoInZone(s.endsAt, event.timezone),
  };
};
const assignmentJson = (a: AssignmentView) => {
  const { eventId: _eventId, ...rest } = a;
  return { ...rest, respondedAt: a.respondedAt?.toISOString() };
};

export function registerAgendaApi(api: ApiRegistry, clock: Clock, hooks: AgendaHooks = {}): void {
  const { onCapacityChanged } = hooks;
  const confirmedIn = (event: EventView) => assignmentEffects(hooks, event);
  api.describeTag(
    'Programme',
    'The working programme: sessions (type, titles in es/pt/en, room, times in the event time zone, ' +
      'status), the people in them with their roles and the status of each assignment, and the ' +
      'checks (clashes, rooms, capacity, balance) that warn and never block.',
  );
  const readers = { tag: 'Programme', access: 'signed-in' as const, guards: [requireUser] };
  const editors = { tag: 'Programme', access: 'team' as const, guards: [requireUser] };
  const archived = { EVENT_ARCHIVED: 'the event is archived' };
  const base = '/events/:eventId/sessions';

  api.add({
    ...readers,
    operationId: 'listEventSessions',
    method: 'get',
    path: base,
    summary: 'List the sessions of the working programme',
    response: z.array(sessionOutput),
    handler: async (req) => {
      const event = await eventOf(req);
      return (await listSessions(event.id)).map((s) => sessionJson(s, event));
    },
  });
  api.add({
    ...editors,
    operationId: 'createSession',
    method: 'post',
    path: base,
    status: 201,
    conflicts: archived,
    summary: 'Create a session; date, start and end are wall-clock values in the event time zone',
    body: sessionInput,
    response: sessionOutput,
    handler: async (req, body) => {
      const event = await eventOf(req, { edit: true });
      return sessionJson(await createSession(event, body, actorOf(req), clock), event);
    },
  });
  api.add({
    ...readers,
    operationId: 'getSession',
    method: 'get',
    path: `${base}/:sessionId`,
    summary: 'Read a session',
    response: sessionOutput,
    handler: async (req) => {
      const event = await eventOf(req);
      return sessionJson(await getSession(event.id, pathParam(req, 'sessionId')), event);
    },
  });
  api.add({
    ...editors,
    operationId: 'updateSession',
    method: 'patch',
    path: `${base}/:sessionId`,
    conflicts: { ...archived, STALE_EDIT: 'the session changed since the `revision` sent' },
    summary: 'Change, move or cancel a session; null clears a field; with revision, a stale copy gets 409',
    body: sessionPatchInput,
    response: sessionOutput,
    handler: async (req, body) => {
      const event = await eventOf(req, { edit: true });
      const session = await updateSession(event, pathParam(req, 'sessionId'), body, actorOf(req), clock);
      if (body.capacity !== undefined) await onCapacityChanged?.(event, session.id);
      return sessionJson(session, event);
    },
  });
  api.add({
    ...readers,
    operationId: 'listSessionAssignments',
    method: 'get',
    path: `${base}/:sessionId/assignments`,
    summary: "List a session's people and roles",
    response: z.array(assignmentOutput),
    handler: async (req) => {
      const event = await eventOf(req);
      const session = await getSession(event.id, pathParam(req, 'sessionId'));
      return (await listAssignments({ sessionId: session.id })).map(assignmentJson);
    },
  });
  api.add({
    ...editors,
    operationId: 'createAssignment',
    method: 'post',
    path: `${base}/:sessionId/assignments`,
    status: 201,
    conflicts: { ALREADY_ASSIGNED: 'the person has this role in the session already' },
    summary: 'Put a person in a session in a role (409 if they already have it)',
    body: assignmentInput,
    response: assignmentOutput,
    handler: async (req, body) => {
      const event = await eventOf(req, { edit: true });
      const session = await getSession(event.id, pathParam(req, 'sessionId'));
      const assignment = await assignPerson(session, body, actorOf(req), clock, confirmedIn(event));
      return assignmentJson(assignment);
    },
  });
  api.add({
    ...editors,
    operationId: 'updateAssignment',
    method: 'patch',
    path: `${base}/:sessionId/assignments/:assignmentId`,
    conflicts: { ILLEGAL_TRANSITION: 'the assignment cannot go from its status to that one' },
    summary: 'Change the status, order or message of an assignment',
    body: assignmentPatchInput,
    response: assignmentOutput,
    handler: async (req, body) => {
      const event = await eventOf(req, { edit: true });
      const session = await getSession(event.id, pathParam(req, 'sessionId'));
      await getAssignment(session.id, pathParam(req, 'assignmentId'));
      const assignment = await updateAssignment(
        session.id,
        pathParam(req, 'assignmentId'),
        body,
        actorOf(req),
        clock,
        confirmedIn(event),
      );
      return assignmentJson(assignment);
    },
  });
  api.add({
    ...editors,
    operationId: 'deleteAssignment',
    method: 'delete',
    path: `${base}/:sessionId/assignments/:assignmentId`,
    summary: 'Remove an assignment',
    handler: async (req) => {
      const event = await eventOf(req, { edit: true });
      const session = await getSession(event.id, pathParam(req, 'sessionId'));
      await removeAssignment(session.id, pathParam(req, 'assignmentId'), actorOf(req), clock);
      return undefined;
    },
  });
  api.add({
    ...readers,
    operationId: 'getEventChecks',
    method: 'get',
    path: '/events/:eventId/checks',
    summary: 'Warnings (clashes, rooms, capacity, balance) and programme figures; they never block saving',
    response: z.object({ warnings: z.array(warningOutput), figures: z.record(z.string(), z.unknown()) }),
    handler: async (req) => {
      const event = await eventOf(req);
      return checksOf(event, await loadWorkingProgramme(event));
    },
  });
}
