import { type Request, Router } from 'express';
import { parse } from '../../shared/validate.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm } from '../../web/forms.js';
import { pathParam } from '../../web/params.js';
import { actorOf } from '../auth/index.js';
import { eventOf } from '../events/index.js';
import type { OutcomeDeps } from './adoption.js';
import { silenceInput } from './silence.schemas.js';
import { startSilence } from './silence.service.js';

const OUTCOME = '/admin/events/:eventId/outcome/:outcomeId';

/**
 * The team puts the version being worked on under silence until a deadline. `showPage` draws the
 * document's page again when the form has a mistake.
 */
export function silenceRoutes(
  deps: OutcomeDeps,
  showPage: (req: Request) => Promise<Record<string, unknown>>,
): Router {
  const router = Router();

  router.post(`${OUTCOME}/silence`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const form = {
      view: 'outcome/show',
      locals: async () => ({ ...(await showPage(req)), silenceValues: body }),
    };
    await handleForm(req, res, form, async () => {
      const outcomeId = pathParam(req, 'outcomeId');
      await startSilence(event, outcomeId, parse(silenceInput, body), actorOf(req), deps);
      await flash(req, req.t('outcome.flash.silenceStarted'));
      res.redirect(303, `/admin/events/${event.id}/outcome/${outcomeId}#silence`);
    });
  });

  return router;
}
