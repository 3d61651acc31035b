import { type Request, Router } from 'express';
import { ForbiddenError, ValidationError } from '../../../shared/errors.js';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { parse } from '../../../shared/validate.js';
import { instantToLocal } from '../../../shared/zoned-time.js';
import { flash } from '../../../web/flash.js';
import { readFileForm } from '../../../web/body.js';
import { formBody, handleForm, withoutBlanks } from '../../../web/forms.js';
import { pathParam, queryOf } from '../../../web/params.js';
import { getSession, listSessions } from '../../agenda/index.js';
import { actorOf, requireUser } from '../../auth/index.js';
import { eventPage, eventWithPermissions, historyLines, localized } from '../../events/index.js';
import { searchPeople } from '../../people/index.js';
import { SPEAKER_LEVELS } from './speakers.order.js';
import { entryLine } from './speakers.present.js';
import {
  directorySearchInput,
  listSettingsInput,
  moveInput,
  organizerInscriptionInput,
  statementInput,
} from './speakers.schemas.js';
import {
  inscribeFromDirectory,
  moveEntry,
  publishSpeakersList,
  saveSpeakersList,
  type PlenaryDeps,
} from './speakers.service.js';
import { listOfSession, listOfSessionOr404, listsOfEvent, listState } from './speakers.state.js';
import { attachStatement, spokenStatements } from './statements.js';

/** Sessions where a list of speakers is usual come first on the index. */
const PLENARY_TYPES = new Set(['opening', 'plenary', 'closing']);

/**
 * The organizers' side of the lists of speakers: every session and its list, and one list's page
 * (its settings, the entries in order with a move for each, inscription from the people
 * directory, publication). Viewers read; the event's team changes.
 */
export function speakersAdminRoutes(deps: PlenaryDeps): Router {
  const router = Router();
  const base = '/admin/events/:eventId/sessions/:sessionId/speakers';
  router.use(['/admin/events/:eventId/speakers', base], requireUser);

  router.get('/admin/events/:eventId/speakers', async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    const [sessions, lists] = await Promise.all([listSessions(event.id), listsOfEvent(event.id)]);
    const rows = sessions
      .filter((s) => s.status !== 'cancelled' && s.type !== 'break')
      .sort((a, b) => Number(!PLENARY_TYPES.has(a.type)) - Number(!PLENARY_TYPES.has(b.type)))
      .map((session) => ({
        session,
        title: localized(session.title, req.language, event.languages),
        list: lists.find((l) => l.sessionId === session.id),
      }));
    res.render('plenary/lists', {
      ...eventPage(event, req.language, req.t('speakers.title')),
      event,
      rows,
      canEdit: can.edit,
    });
  });

  const listPage = async (req: Request, values?: Record<string, unknown>) => {
    const { event, can } = await eventWithPermissions(req);
    const session = await getSession(event.id, pathParam(req, 'sessionId'));
    const list = await listOfSession(event.id, session.id);
    const state = list ? await listState(list, session.startsAt) : undefined;
    const { q } = parse(directorySearchInput, queryOf(req));
    const found = can.edit && q ? await searchPeople({ q }) : undefined;
    const local = (at: Date | undefined) => (at ? instantToLocal(at, event.timezone) : undefined);
    const defaults = session.startsAt
      ? {
          opens: local(new Date(session.startsAt.getTime() - 7 * 86_400_000)),
          closes: local(session.startsAt),
        }
      : { opens: undefined, closes: undefined };
    const opens = local(list?.opensAt) ?? defaults.opens;
    const closes = local(list?.closesAt) ?? defaults.closes;
    return {
      ...eventPage(
        event,
        req.language,
        req.t('speakers.listTitle', { session: localized(session.title, req.language, event.languages) }),
      ),
      event,
      session,
      list,
      state,
      lines: state ? state.entries.map((e) => entryLine(e, req.t, req.language, event.timezone)) : [],
      canEdit: can.edit,
      q,
      found: found?.people ?? [],
      levels: SPEAKER_LEVELS,
      languages: LANGUAGES,
      statements: state ? await spokenStatements(event, session, state) : [],
      history: list ? await historyLines(req, { type: 'speakers-list', id: list.id }, can, { event }) : [],
      historyZone: event.timezone,
      values: values ?? {
        opensDate: opens?.date,
        opensTime: opens?.time,
        closesDate: closes?.date,
        closesTime: closes?.time,
        minutes: list?.minutes ?? 5,
        headMinutes: list?.headMinutes,
        onePerDelegation: list ? (list.onePerDelegation ? 'yes' : undefined) : 'yes',
        moveNotice: list?.moveNotice ?? 3,
      },
    };
  };

  const teamOnly = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    if (!can.edit) throw new ForbiddenError();
    const session = await getSession(event.id, pathParam(req, 'sessionId'));
    return { event, session };
  };
  const pageOf = (req: Request) =>
    `/admin/events/${pathParam(req, 'eventId')}/sessions/${pathParam(req, 'sessionId')}/speakers`;

  router.get(base, async (req, res) => {
    res.render('plenary/list', await listPage(req));
  });

  router.post(base, async (req, res) => {
    const { event, session } = await teamOnly(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'plenary/list', locals: () => listPage(req, body), values: body },
      async () => {
        await saveSpeakersList(
          event,
          session,
          parse(listSettingsInput, withoutBlanks(body)),
          actorOf(req),
          deps.clock,
        );
        await flash(req, req.t('speakers.saved'));
        res.redirect(303, pageOf(req));
      },
    );
  });

  router.post(`${base}/publish`, async (req, res) => {
    const { event, session } = await teamOnly(req);
    const list = await listOfSessionOr404(event.id, session.id);
    await publishSpeakersList(event, session, list, actorOf(req), deps);
    await flash(req, req.t('speakers.publishedNow'));
    res.redirect(303, pageOf(req));
  });

  router.post(`${base}/entries`, async (req, res) => {
    const { event, session } = await teamOnly(req);
    const list = await listOfSessionOr404(event.id, session.id);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'plenary/list', locals: () => listPage(req), values: body },
      async () => {
        await inscribeFromDirectory(
          event,
          session,
          list,
          parse(organizerInscriptionInput, body),
          actorOf(req),
          deps,
        );
        await flash(req, req.t('speakers.inscribed'));
        res.redirect(303, pageOf(req));
      },
    );
  });

  router.post(`${base}/entries/:entryId/move`, async (req, res) => {
    const { event, session } = await teamOnly(req);
    const list = await listOfSessionOr404(event.id, session.id);
    const { to } = parse(moveInput, formBody(req));
    await moveEntry(event, session, list, pathParam(req, 'entryId'), to, actorOf(req), deps);
    await flash(req, req.t('speakers.moved', { place: to }));
    res.redirect(303, pageOf(req));
  });

  router.post(`${base}/entries/:entryId/statement`, async (req, res) => {
    const { event, session } = await teamOnly(req);
    const list = await listOfSessionOr404(event.id, session.id);
    await handleForm(req, res, { view: 'plenary/list', locals: () => listPage(req) }, async () => {
      const file = await readFileForm(req, res, 'upload', deps.documentMaxBytes);
      const { language } = parse(statementInput, formBody(req));
      if (!file) throw new ValidationError([{ field: 'upload', code: 'required' }]);
      await attachStatement(
        event,
        session,
        await listState(list, session.startsAt),
        pathParam(req, 'entryId'),
        { language, bytes: file.buffer, fileName: file.originalname },
        actorOf(req),
        { clock: deps.clock, maxBytes: deps.documentMaxBytes },
      );
      await flash(req, req.t('speakers.statementAttached'));
      res.redirect(303, `${pageOf(req)}#statements`);
    });
  });

  return router;
}
