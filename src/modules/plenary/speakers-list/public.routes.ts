import { type Request, Router } from 'express';
import { NotFoundError } from '../../../shared/errors.js';
import { pathParam } from '../../../web/params.js';
import { getSession } from '../../agenda/index.js';
import type { PdfRenderer } from '../../documents/index.js';
import { getPublicEvent, localized } from '../../events/index.js';
import { sendListPdf } from '../list-pdf.js';
import { entryLine, speakersPdfLayout } from './speakers.present.js';
import { listOfSessionOr404, listState } from './speakers.state.js';
import type { Clock } from '../../../shared/clock.js';

/** A session's list of speakers for everyone: its names once published, who has spoken; and as a PDF. */
export function speakersPublicRoutes(deps: { clock: Clock; renderer: PdfRenderer }): Router {
  const router = Router();

  const publicList = async (req: Request) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const session = await getSession(event.id, pathParam(req, 'sessionId')).catch(() => {
      throw new NotFoundError();
    });
    if (session.status !== 'scheduled') throw new NotFoundError();
    const list = await listOfSessionOr404(event.id, session.id);
    const state = await listState(list, session.startsAt);
    return { event, session, list, state };
  };

  router.get('/events/:slug/sessions/:sessionId/speakers', async (req, res) => {
    const { event, session, list, state } = await publicList(req);
    const sessionTitle = localized(session.title, req.language, event.languages);
    res.render('plenary/public', {
      title: `${req.t('speakers.listTitle', { session: sessionTitle })} · ${localized(event.title, req.language, event.languages)}`,
      heading: req.t('speakers.listTitle', { session: sessionTitle }),
      event,
      session,
      list,
      lines: list.publishedAt
        ? state.entries.map((e) => entryLine(e, req.t, req.language, event.timezone))
        : [],
    });
  });

  router.get('/events/:slug/sessions/:sessionId/speakers.pdf', async (req, res) => {
    const { event, session, list, state } = await publicList(req);
    if (!list.publishedAt) throw new NotFoundError();
    await sendListPdf(req, res, deps.renderer, `${event.slug}-speakers`, (t, language) =>
      speakersPdfLayout(
        {
          eventTitle: localized(event.title, language, event.languages),
          sessionTitle: localized(session.title, language, event.languages),
          state,
          timeZone: event.timezone,
          now: deps.clock.now(),
        },
        t,
        language,
      ),
    );
  });

  return router;
}
