import { type Request, type Response, Router } from 'express';
import type { Config } from '../../config/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { pathParam } from '../../web/params.js';
import { getPublicEvent, localized, type EventView } from '../events/index.js';
import {
  getVersion,
  latestVersion,
  latestVersionNumber,
  personalSessions,
  type Attendance,
  type SnapshotSession,
  type Version,
} from '../published-programme/index.js';
import { buildCalendar } from './calendar.build.js';
import { assertPersonalToken } from './person-feeds.js';

async function publishedVersion(req: Request): Promise<{ event: EventView; version: Version }> {
  const event = await getPublicEvent(pathParam(req, 'slug'));
  const version = await latestVersion(event.id);
  if (!version) throw new NotFoundError();
  return { event, version };
}

/** Keeps a generated file per key (the database-backed cache of the documents module, passed in). */
export type FileCache = (
  key: { id: string; eventId: string; version: number; contentType: string },
  draw: () => Promise<Buffer>,
) => Promise<Buffer>;

/** Where a person's registration for an event stands (their workshops and the sessions for everyone). */
export type AttendanceLookup = (eventId: string, personId: string) => Promise<Attendance | undefined>;

/** Calendar files of the published programme: the whole programme, one session, one person's feed. */
export function calendarRoutes(config: Config, attendanceOf: AttendanceLookup, cache: FileCache): Router {
  const router = Router();

  const draw = (
    req: Request,
    event: EventView,
    version: Version,
    sessions: SnapshotSession[],
    name: string,
  ) =>
    buildCalendar(version.snapshot, sessions, {
      language: req.language,
      t: req.t,
      programmeUrl: `${config.publicUrl}/events/${event.slug}/programme`,
      name,
      method: 'PUBLISH',
      stamp: version.publishedAt,
    });

  const reply = (res: Response, body: string | Buffer, file: string) =>
    res
      .type('text/calendar; charset=utf-8')
      .attachment(file)
      .set('Cache-Control', 'private, max-age=300')
      .send(body);

  const send = (
    req: Request,
    res: Response,
    event: EventView,
    version: Version,
    sessions: SnapshotSession[],
    name: string,
    file: string,
  ) => reply(res, draw(req, event, version, sessions, name), file);

  // The whole programme's calendar is the same for every reader of a language: kept per version.
  router.get('/events/:slug/calendar.ics', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    // A stored calendar is found by the version's number; the snapshot is read only to draw it.
    const number = await latestVersionNumber(event.id);
    if (number === undefined) throw new NotFoundError();
    const title = localized(event.title, req.language, event.languages);
    const key = {
      id: ['calendar', event.id, number, req.language, event.revision].join(':'),
      eventId: event.id,
      version: number,
      contentType: 'text/calendar',
    };
    const body = await cache(key, async () => {
      const version = await getVersion(event.id, number);
      return Buffer.from(draw(req, event, version, version.snapshot.sessions, title), 'utf8');
    });
    reply(res, body, `${event.slug}.ics`);
  });

  router.get('/events/:slug/sessions/:sessionId/calendar.ics', async (req, res) => {
    const { event, version } = await publishedVersion(req);
    const session = version.snapshot.sessions.find((s) => s.id === pathParam(req, 'sessionId'));
    if (!session) throw new NotFoundError();
    send(
      req,
      res,
      event,
      version,
      [session],
      localized(session.title, req.language, event.languages),
      `${event.slug}-${session.id}.ics`,
    );
  });

  router.get('/events/:slug/people/:personId/:token/calendar.ics', async (req, res) => {
    const { event, version } = await publishedVersion(req);
    const personId = pathParam(req, 'personId');
    await assertPersonalToken(config, event.id, personId, pathParam(req, 'token'));
    const attendance = await attendanceOf(event.id, personId);
    const mine = personalSessions(version.snapshot, personId, attendance).map((p) => p.session);
    const title = `${localized(event.title, req.language, event.languages)} · ${req.t('calendar.mySessions')}`;
    send(req, res, event, version, mine, title, `${event.slug}-mine.ics`);
  });

  return router;
}
