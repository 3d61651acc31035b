import type { Request } from 'express';
import {
  describeHistory,
  historyOf,
  peopleNamedIn,
  type AuditRecord,
  type HistoryLine,
} from '../audit/index.js';
import { withAccountNames } from '../auth/index.js';
import { pathParam } from '../../web/params.js';
import { getEvent } from './event.service.js';
import type { EventView } from './event.views.js';
import { policy, type Permissions } from './policy.js';
import { assertCanEditEvent } from './team.service.js';

const readForMenu = new WeakMap<Request, EventView>();

/**
 * Hands the event the menu just read to the page's own first read of it, so a page under
 * `/admin/events/:eventId` reads its event once. Used once: a later read in the same request
 * (after the page changed the event) goes to the database.
 */
export function keepEventForPage(req: Request, event: EventView): void {
  readForMenu.set(req, event);
}

async function eventInPath(req: Request): Promise<EventView> {
  const id = pathParam(req, 'eventId');
  const kept = readForMenu.get(req);
  readForMenu.delete(req);
  return kept?.id === id ? kept : getEvent(id);
}

/** The event named by `:eventId` in the path (404 if none); with `edit`, the caller must be allowed to edit it (403). */
export async function eventOf(req: Request, options: { edit?: boolean } = {}): Promise<EventView> {
  const event = await eventInPath(req);
  if (options.edit) await assertCanEditEvent(req.user, event.id);
  return event;
}

/** The event named by `:eventId` and what the caller may do with its records (policy.ts). */
export async function eventWithPermissions(req: Request): Promise<{ event: EventView; can: Permissions }> {
  const event = await eventInPath(req);
  return { event, can: await policy.forEvent(req.user, event.id) };
}

/** A record's history as this reader may see it: the team's addresses only to the team and admins. */
export async function historyFor(
  subjectType: string,
  subjectId: string,
  can: Permissions,
): Promise<AuditRecord[]> {
  const history = await historyOf(subjectType, subjectId);
  return can.accountAddresses ? history : withAccountNames(history);
}

/** What a record's page knows that its history's sentences use. */
export interface HistoryContext {
  /** The record's event: times in its zone, rooms by name. */
  event?: Pick<EventView, 'timezone' | 'rooms'>;
  /** Names of the people the entries name by id (the agenda's people). */
  namesOf?: (personIds: string[]) => Promise<Map<string, string>>;
}

/**
 * A record's history for its page: one sentence per change in the reader's language, with
 * accounts by name (never by address) and times in the event's zone (UTC for records of no event).
 */
export async function historyLines(
  req: Request,
  subject: { type: string; id: string },
  can: Permissions,
  context: HistoryContext = {},
): Promise<HistoryLine[]> {
  const entries = await withAccountNames(await historyOf(subject.type, subject.id), {
    hideOtherAddresses: !can.accountAddresses,
  });
  const people = context.namesOf ? await context.namesOf(peopleNamedIn(entries)) : undefined;
  return describeHistory(entries, {
    t: req.t,
    language: req.language,
    subjectType: subject.type,
    zone: context.event?.timezone,
    rooms: context.event && new Map(context.event.rooms.map((room) => [room.id, room.name])),
    people,
  });
}
