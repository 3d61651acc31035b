import { type Request, type Response, Router } from 'express';
import type { Config } from '../../../config/index.js';
import type { Clock } from '../../../shared/clock.js';
import { parse } from '../../../shared/validate.js';
import { formBody, handleForm, many, withoutBlanks } from '../../../web/forms.js';
import { preferLanguage } from '../../../web/language.js';
import { pathParam } from '../../../web/params.js';
import { wantsJson } from '../../../web/errors.js';
import { personalDownloads } from '../../calendar/index.js';
import { eventPage, localized } from '../../events/index.js';
import { answerInput } from './response.schemas.js';
import {
  answerInvitation,
  openInvitation,
  type InvitationView,
  type OnConfirmed,
} from './response.service.js';
import { mailSettingsOf } from '../setup.js';
import { invitationPage } from './response.views.js';

/**
 * The private invitation page. GET never changes anything (mail scanners open links); the answer
 * is a POST.
 */
export function invitationResponseRoutes(config: Config, clock: Clock, onConfirmed?: OnConfirmed): Router {
  const router = Router();
  const settings = mailSettingsOf(config);
  const deps = { clock, settings, onConfirmed };

  const render = (req: Request, res: Response, view: InvitationView, extra: Record<string, unknown> = {}) => {
    preferLanguage(req, res, view.language);
    res.render('invitations/respond', {
      ...eventPage(
        view.event,
        req.language,
        localized(view.session.title, req.language, view.event.languages),
      ),
      ...invitationPage(view, req.language),
      token: pathParam(req, 'token'),
      chosen:
        req.query['answer'] === 'decline' ? 'decline' : req.query['answer'] === 'confirm' ? 'confirm' : '',
      answered: req.query['answered'] === '1',
      ...extra,
    });
  };

  router.get('/invitations/:token', async (req, res) => {
    const view = await openInvitation(pathParam(req, 'token'), clock);
    if (wantsJson(req)) {
      res.json(invitationPage(view, req.language));
      return;
    }
    // The calendar address and the personal programme are for those who come, after they said so.
    const confirmed = view.assignment.status === 'confirmed';
    render(req, res, view, {
      downloads: confirmed ? await personalDownloads(config, view.event, view.person.id) : undefined,
    });
  });

  router.post('/invitations/:token', async (req, res) => {
    const token = pathParam(req, 'token');
    const view = await openInvitation(token, clock);
    const body = formBody(req);
    const input = wantsJson(req)
      ? body
      : { ...withoutBlanks(body), interpretation: many(body['interpretation']) };
    if (wantsJson(req)) {
      const answered = await answerInvitation(token, parse(answerInput, input), deps);
      res.json(invitationPage(answered, answered.language));
      return;
    }
    preferLanguage(req, res, view.language);
    await handleForm(
      req,
      res,
      {
        view: 'invitations/respond',
        locals: async () => ({
          ...eventPage(
            view.event,
            req.language,
            localized(view.session.title, req.language, view.event.languages),
          ),
          ...invitationPage(await openInvitation(token, clock), req.language),
          token,
          chosen: typeof body['answer'] === 'string' ? body['answer'] : '',
          answered: false,
        }),
        values: body,
      },
      async () => {
        await answerInvitation(token, parse(answerInput, input), deps);
        res.redirect(303, `/invitations/${token}?lang=${req.language}&answered=1#answer`);
      },
    );
  });

  return router;
}
