import { Router, type Request, type RequestHandler } from 'express';
import { absentIfNotFound } from '../../shared/errors.js';
import { pathParam } from '../../web/params.js';
import {
  localized,
  getEvent,
  keepEventForPage,
  listEvents,
  policy,
  type EventView,
} from '../events/index.js';
import type { Reader } from '../events/index.js';
import type { Workspace } from './workspace.js';

const OBJECT_ID = /^[a-f0-9]{24}$/;

/**
 * Every page under `/admin/events/:eventId` carries the event's menu: the layout shows
 * `eventNav` when a page has it. An unknown event gets no menu (its route answers 404).
 */
export function eventNavigation(
  workspace: Workspace,
  /** Where the page names its event: the path, or a filter (the outbox's `?event=`). */
  eventIdOf: (req: Request) => unknown = (req) => pathParam(req, 'eventId'),
): RequestHandler {
  return async (req, res, next) => {
    const eventId = eventIdOf(req);
    // `/admin/events/new` and other words in the event's place name no event.
    if (!req.user || typeof eventId !== 'string' || !OBJECT_ID.test(eventId)) return next();
    const event = await getEvent(eventId).catch(absentIfNotFound);
    if (!event) return next();
    if (eventId === req.params['eventId']) keepEventForPage(req, event);
    res.locals['eventNav'] = {
      id: event.id,
      title: localized(event.title, req.language, event.languages),
      status: event.status,
      overviewCurrent: req.path === '/',
      groups: await workspace.menuFor(req.user, event.id, req.baseUrl + req.path),
    };
    next();
  };
}

/** What waits on a reader in one event: the tasks of its overview panels. */
async function waitingIn(workspace: Workspace, event: EventView, reader: Reader) {
  const canEdit = (await policy.forEvent(reader, event.id)).edit;
  const panels = await workspace.overview({ event, reader, canEdit });
  return panels.flatMap((panel) => panel.tasks).filter((task) => task.count > 0);
}

/** The overview of an event, and the signed-in user's home: their events and what waits on them. */
export function workspaceRoutes(workspace: Workspace): Router {
  const router = Router();

  router.get('/admin', async (req, res) => {
    const reader = req.user!;
    const all = await listEvents();
    const teams = reader.role === 'organizer' ? await policy.teamOf(reader) : undefined;
    const mine = all.filter((event) => (teams ? teams.has(event.id) : reader.role === 'admin'));
    const active = mine.filter((event) => event.status !== 'archived');
    const events = await Promise.all(
      active.map(async (event) => ({
        event,
        title: localized(event.title, req.language, event.languages),
        tasks: await waitingIn(workspace, event, reader),
      })),
    );
    res.render('workspace/home', {
      title: req.t('workspace.home.title'),
      events,
      others: all
        .filter((event) => !active.includes(event))
        .map((event) => ({ event, title: localized(event.title, req.language, event.languages) })),
    });
  });

  router.get('/admin/events/:eventId', async (req, res) => {
    const event = await getEvent(pathParam(req, 'eventId'));
    const reader = req.user!;
    const canEdit = (await policy.forEvent(reader, event.id)).edit;
    const panels = await workspace.overview({ event, reader, canEdit });
    res.render('workspace/overview', {
      title: localized(event.title, req.language, event.languages),
      event,
      canEdit,
      panels,
      tasks: panels.flatMap((panel) => panel.tasks).filter((task) => task.count > 0),
    });
  });

  return router;
}
