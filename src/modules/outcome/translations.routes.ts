import { accountNamer } from '../auth/index.js';
import { type Request, Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import { NotFoundError } from '../../shared/errors.js';
import { translatorFor } from '../../shared/i18n/index.js';
import { formatInstant } from '../../shared/time.js';
import { parse } from '../../shared/validate.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm } from '../../web/forms.js';
import { pathParam, queryOf } from '../../web/params.js';
import { actorOf } from '../auth/index.js';
import { documentLanguage, sendPdf, type PdfRenderer } from '../documents/index.js';
import { eventOf, eventPage, eventWithPermissions, localized } from '../events/index.js';
import { outcomeTextLayout } from './outcome-text.js';
import { translationInput } from './outcome.schemas.js';
import { getOutcome } from './outcome.service.js';
import { versionName } from './outcome.views.js';
import {
  saveTranslation,
  translatedItems,
  translationCounts,
  translationLanguageOf,
  translationLanguages,
} from './translations.service.js';

const OUTCOME = '/admin/events/:eventId/outcome/:outcomeId';

const listQuery = z.strictObject({ show: z.enum(['all', 'todo']).optional() });
const textQuery = z.strictObject({
  lang: z.string().optional(),
  version: z.coerce.number().int().min(0).max(999).optional(),
});

/**
 * The translations of a text: per language, the paragraphs beside their translations, those
 * missing or out of date marked (and, for the team, a form each); and the text as a PDF in any of
 * its languages.
 */
export function translationRoutes(deps: { clock: Clock; renderer: PdfRenderer }): Router {
  const router = Router();
  const path = `${OUTCOME}/translations/:language`;

  const page = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    const language = translationLanguageOf(event, outcome, pathParam(req, 'language'));
    const { show = 'all' } = parse(listQuery, queryOf(req));
    const rows = await translatedItems(outcome, language, outcome.currentVersion);
    const nameOf = await accountNamer(
      rows.flatMap((row) => (row.translation ? [row.translation.savedBy] : [])),
    );
    const languageName = req.t(`language.${language}`);
    return {
      ...eventPage(event, req.language, req.t('outcome.translations.title', { language: languageName })),
      event,
      outcome,
      language,
      languageName,
      workingName: req.t(`language.${outcome.workingLanguage}`),
      name: localized(outcome.title, req.language, event.languages),
      version: versionName(req.t, outcome.currentVersion),
      rows: show === 'todo' ? rows.filter((row) => row.state !== 'current') : rows,
      show,
      counts: translationCounts(rows),
      others: translationLanguages(event, outcome)
        .filter((l) => l !== language)
        .map((l) => ({ value: l, label: req.t(`language.${l}`) })),
      canEdit: can.edit && event.status !== 'archived',
      savedAt: (at: Date) => formatInstant(at, event.timezone, req.language),
      savedBy: nameOf,
    };
  };

  router.get(path, async (req, res) => {
    res.render('outcome/translations', await page(req));
  });

  router.post(`${path}/:paragraphId`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const ref = pathParam(req, 'paragraphId');
    const form = {
      view: 'outcome/translations',
      locals: async () => ({ ...(await page(req)), failed: ref }),
      values: body,
      // Each paragraph has its own form: the summary links to the field of the one sent.
      fieldName: (field: string) => `${field}-${ref}`,
    };
    await handleForm(req, res, form, async () => {
      const input = parse(translationInput, body);
      const outcomeId = pathParam(req, 'outcomeId');
      const language = pathParam(req, 'language');
      const { item, state } = await saveTranslation(
        event,
        outcomeId,
        language,
        ref,
        input,
        actorOf(req),
        deps.clock,
      );
      const label = item.label || req.t('outcome.kinds.section');
      await flash(req, req.t(`outcome.translations.flash.${state}`, { item: label }));
      const base = `/admin/events/${event.id}/outcome/${outcomeId}`;
      res.redirect(
        303,
        input.from === 'paragraph'
          ? `${base}/paragraphs/${item.ref}#translations`
          : `${base}/translations/${language}#t-${item.ref}`,
      );
    });
  });

  router.get(`${OUTCOME}/text.pdf`, async (req, res) => {
    const language = documentLanguage(req);
    const { event } = await eventWithPermissions(req);
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    const { version = outcome.currentVersion } = parse(textQuery, queryOf(req));
    if (version > outcome.currentVersion) throw new NotFoundError();
    if (language !== outcome.workingLanguage) translationLanguageOf(event, outcome, language);
    const t = translatorFor(language);
    const layout = await outcomeTextLayout(outcome, version, language, t, {
      stamp: `${versionName(t, version)} – ${formatInstant(deps.clock.now(), event.timezone, language)}`,
    });
    const pdf = await deps.renderer.render({ kind: 'outcome', layout });
    sendPdf(res, pdf, `${event.slug}-text-${version}-${language}.pdf`, 'private');
  });

  return router;
}
