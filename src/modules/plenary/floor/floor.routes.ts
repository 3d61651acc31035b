import { type Request, Router } from 'express';
import { ForbiddenError } from '../../../shared/errors.js';
import { parse } from '../../../shared/validate.js';
import { flash } from '../../../web/flash.js';
import { formBody, handleForm } from '../../../web/forms.js';
import { pathParam } from '../../../web/params.js';
import { getSession } from '../../agenda/index.js';
import { actorOf, requireUser } from '../../auth/index.js';
import { eventPage, eventWithPermissions, localized } from '../../events/index.js';
import { entryLine } from '../speakers-list/speakers.present.js';
import type { PlenaryDeps } from '../speakers-list/speakers.service.js';
import { listOfSessionOr404, listState } from '../speakers-list/speakers.state.js';
import { floorStepInput, replyInput } from './floor.schemas.js';
import { addRightOfReply, recordFloorStep, stampOf } from './floor.service.js';

/**
 * The floor on the day, for a tablet or a projector: who speaks, who follows, the time left, and
 * the buttons that record what happened. Every button is a form (the page works without script);
 * with script, the countdown runs in the browser and the page reloads when another device changes
 * the list.
 */
export function floorRoutes(deps: PlenaryDeps): Router {
  const router = Router();
  const base = '/admin/events/:eventId/floor/:sessionId';
  router.use(base, requireUser);

  const loaded = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    const session = await getSession(event.id, pathParam(req, 'sessionId'));
    const list = await listOfSessionOr404(event.id, session.id);
    const state = await listState(list, session.startsAt);
    return { event, can, session, list, state };
  };

  const page = async (req: Request) => {
    const { event, can, session, list, state } = await loaded(req);
    const line = (e: (typeof state.entries)[number]) => entryLine(e, req.t, req.language, event.timezone);
    const sessionTitle = localized(session.title, req.language, event.languages);
    return {
      ...eventPage(event, req.language, req.t('floor.title', { session: sessionTitle })),
      event,
      session,
      list,
      canEdit: can.edit,
      current: state.current && line(state.current),
      next: state.next.map(line),
      lines: state.entries.map(line),
      stamp: stampOf(state),
      serverNow: deps.clock.now().toISOString(),
      action: `/admin/events/${event.id}/floor/${session.id}`,
    };
  };

  router.get(base, async (req, res) => {
    res.render('plenary/floor', await page(req));
  });

  router.get(`${base}/state`, async (req, res) => {
    const { state } = await loaded(req);
    res.set('Cache-Control', 'no-store').json({
      stamp: stampOf(state),
      current: state.current && {
        id: state.current.id,
        status: state.current.status,
        version: state.current.version,
      },
    });
  });

  const teamOnly = async (req: Request) => {
    const loadedList = await loaded(req);
    if (!loadedList.can.edit) throw new ForbiddenError();
    return loadedList;
  };

  router.post(`${base}/entries/:entryId`, async (req, res) => {
    const { list, session } = await teamOnly(req);
    const body = formBody(req);
    await handleForm(req, res, { view: 'plenary/floor', locals: () => page(req) }, async () => {
      const { step, version } = parse(floorStepInput, body);
      await recordFloorStep(
        list,
        session,
        pathParam(req, 'entryId'),
        step,
        version,
        actorOf(req),
        deps.clock,
      );
      await flash(req, req.t(`floor.done.${step}`));
      res.redirect(303, req.originalUrl.replace(/\/entries\/[^/?]+.*$/, ''));
    });
  });

  router.post(`${base}/reply`, async (req, res) => {
    const { event, list, session } = await teamOnly(req);
    const { entryId } = parse(replyInput, formBody(req));
    await addRightOfReply(event, session, list, entryId, actorOf(req), deps);
    await flash(req, req.t('floor.done.reply'));
    res.redirect(303, `/admin/events/${event.id}/floor/${session.id}`);
  });

  return router;
}
