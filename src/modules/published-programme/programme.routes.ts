import { accountNamer } from '../auth/index.js';
import { type Request, type Response, Router } from 'express';
import type { Clock } from '../../shared/clock.js';
import type { Language } from '../../shared/i18n/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { flash } from '../../web/flash.js';
import { pathParam } from '../../web/params.js';
import { actorOf, requireUser } from '../auth/index.js';
import { checksOf, describeWarning, loadWorkingProgramme } from '../agenda/index.js';
import {
  eventPage,
  canEditEvent,
  getPublicEvent,
  localized,
  type EventView,
  eventOf,
} from '../events/index.js';
import { describeChanges, programmeDays } from './programme.presenter.js';
import { programmeJson } from './programme.json.js';
import {
  draftNextVersion,
  getVersion,
  latestVersion,
  latestVersionNumber,
  listVersions,
  publishProgramme,
  type OnPublished,
  type Version,
} from './publish.service.js';
import type { Snapshot } from './snapshot.js';

/** The official documents of each session of an event, by symbol. */
export type SessionDocumentsLookup = (eventId: string) => Promise<ReadonlyMap<string, readonly string[]>>;

function renderProgramme(
  req: Request,
  res: Response,
  event: EventView,
  snapshot: Snapshot | undefined,
  extra: Record<string, unknown>,
): void {
  res.render('programme/public', {
    documents: new Map(),
    title: `${req.t('programme.title')} · ${localized(event.title, req.language, event.languages)}`,
    event,
    eventTitle: localized(event.title, req.language, event.languages),
    days: snapshot ? programmeDays(snapshot, req.language) : [],
    ...extra,
  });
}

const versionNumber = (req: Request) => {
  const n = Number(pathParam(req, 'number'));
  if (!Number.isInteger(n) || n < 1) throw new NotFoundError();
  return n;
};

/**
 * Rooms busy outside the programme (bilateral meetings), as the public may see them: room and
 * time, nothing about who meets (the bilaterals module answers).
 */
export type ReservedRooms = (
  event: EventView,
  language: Language,
) => Promise<{ label: string; blocks: { room: string; time: string }[] }[]>;

/** The sessions whose list of speakers is published (the plenary module answers). */
export type PublishedSpeakersLists = (eventId: string) => Promise<ReadonlySet<string>>;

/** The published programme for everyone, and its JSON; earlier versions stay readable. */
export function programmePublicRoutes(
  sessionDocuments: SessionDocumentsLookup,
  lookups: { reservedRooms?: ReservedRooms; speakersLists?: PublishedSpeakersLists } = {},
): Router {
  const { reservedRooms } = lookups;
  const speakersLists = async (eventId: string) =>
    lookups.speakersLists ? lookups.speakersLists(eventId) : new Set<string>();
  const router = Router();

  router.get('/events/:slug/programme', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const version = await latestVersion(event.id);
    renderProgramme(req, res, event, version?.snapshot, {
      reserved: reservedRooms ? await reservedRooms(event, req.language) : [],
      version,
      versions: version ? await listVersions(event.id) : [],
      documents: await sessionDocuments(event.id),
      speakersLists: await speakersLists(event.id),
    });
  });

  router.get('/events/:slug/programme.json', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const version = await latestVersion(event.id);
    if (!version) throw new NotFoundError();
    res
      .set('Cache-Control', 'public, max-age=60')
      .json(programmeJson(version, await sessionDocuments(event.id), await speakersLists(event.id)));
  });

  router.get('/events/:slug/programme/versions/:number', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const version = await getVersion(event.id, versionNumber(req));
    const before = version.number > 1 ? await getVersion(event.id, version.number - 1) : undefined;
    // The latest version's page is the current programme with what changed in it, said as such.
    const current = version.number === (await latestVersionNumber(event.id));
    renderProgramme(req, res, event, version.snapshot, {
      version,
      old: !current,
      current,
      changes: describeChanges(
        version.changelog,
        { before: before?.snapshot, after: version.snapshot },
        req.t,
        req.language,
      ),
    });
  });

  return router;
}

/** Organizers: the versions, a preview of the unpublished state, and publishing with its warnings. */
export function programmeAdminRoutes(clock: Clock, onPublished: OnPublished): Router {
  const router = Router();
  const base = '/admin/events/:eventId/programme';
  router.use(base, requireUser);

  router.get(base, async (req, res) => {
    const event = await eventOf(req);
    const programme = await loadWorkingProgramme(event);
    const { previous, snapshot, changelog } = await draftNextVersion(event, programme);
    const versions = await listVersions(event.id);
    const nameOf = await accountNamer(versions.map((v) => v.publishedBy));
    res.render('programme/admin', {
      ...eventPage(event, req.language, req.t('programme.publishing')),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      warnings: checksOf(event, programme).warnings.map(
        (w) => describeWarning(w, { event, programme, t: req.t, language: req.language }).text,
      ),
      pending: describeChanges(
        changelog,
        { before: previous?.snapshot, after: snapshot },
        req.t,
        req.language,
      ),
      hasVersion: Boolean(previous),
      sessionsInNext: snapshot.sessions.length,
      versions: versions.map((v: Omit<Version, 'snapshot'>) => ({
        ...v,
        publishedBy: nameOf(v.publishedBy),
        changes: v.changelog.length,
      })),
      canEdit: await canEditEvent(req.user, event.id),
      notices:
        typeof req.query['notices'] === 'string' && /^[0-9a-f-]{36}$/.test(req.query['notices'])
          ? { batchId: req.query['notices'], count: Number(req.query['count']) || 0 }
          : undefined,
    });
  });

  router.get(`${base}/preview`, async (req, res) => {
    const event = await eventOf(req);
    const { snapshot } = await draftNextVersion(event);
    renderProgramme(req, res, event, snapshot, { preview: true });
  });

  router.post(`${base}/publish`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const version = await publishProgramme(event, actorOf(req), clock);
    const notices = await onPublished(event, version);
    await flash(req, req.t('notices.published', { number: version.number }));
    const follow = notices.queued > 0 ? `?notices=${notices.batchId}&count=${notices.queued}` : '';
    res.redirect(303, `/admin/events/${event.id}/programme${follow}`);
  });

  return router;
}
