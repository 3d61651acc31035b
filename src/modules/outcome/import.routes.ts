import { createHash } from 'node:crypto';
import { type Request, Router } from 'express';
import type { Clock } from '../../shared/clock.js';
import { parse } from '../../shared/validate.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm } from '../../web/forms.js';
import { pathParam } from '../../web/params.js';
import { actorOf } from '../auth/index.js';
import { eventOf, eventPage } from '../events/index.js';
import { formChoices } from './outcome.form.js';
import { importInput } from './outcome.schemas.js';
import { getOutcome } from './outcome.service.js';
import { importDraft, previewImport } from './paragraphs.service.js';
import { IMPORT_LIMITS } from './text-import.js';

/**
 * A draft pasted as plain text or Markdown: shown first as it would be numbered, saved only when
 * the organizer confirms what they saw.
 */
export function importRoutes(clock: Clock): Router {
  const router = Router();
  const path = '/admin/events/:eventId/outcome/:outcomeId/import';

  const page = async (req: Request) => {
    const event = await eventOf(req, { edit: true });
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    return {
      ...eventPage(event, req.language, req.t('outcome.import.title')),
      event,
      outcome,
      maxCharacters: IMPORT_LIMITS.characters,
      ...formChoices(req),
    };
  };

  router.get(path, async (req, res) => {
    res.render('outcome/import', { ...(await page(req)), values: { firstKind: 'PP' } });
  });

  router.post(path, async (req, res) => {
    const shown = await page(req);
    const body = formBody(req);
    await handleForm(req, res, { view: 'outcome/import', locals: shown, values: body }, async () => {
      const input = parse(importInput, body);
      const fingerprint = createHash('sha256').update(input.source).digest('hex');
      if (input.step === 'preview' || input.previewed !== fingerprint) {
        const preview = await previewImport(shown.outcome, input);
        res.render('outcome/import', { ...shown, values: { ...body, previewed: fingerprint }, preview });
        return;
      }
      const count = await importDraft(shown.event, shown.outcome.id, input, actorOf(req), clock);
      await flash(req, req.t('outcome.flash.imported', { count }));
      res.redirect(303, `/admin/events/${shown.event.id}/outcome/${shown.outcome.id}`);
    });
  });

  return router;
}
