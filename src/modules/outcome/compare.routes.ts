import { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../shared/errors.js';
import type { Translate } from '../../shared/i18n/index.js';
import { parse } from '../../shared/validate.js';
import { pathParam, queryOf } from '../../web/params.js';
import { eventPage, eventWithPermissions, localized } from '../events/index.js';
import { circulatedTextOf } from './circulated.js';
import { compareVersions } from './compare.js';
import { getOutcome } from './outcome.service.js';
import { versionName } from './outcome.views.js';
import { itemsOf } from './paragraphs.service.js';

const PATH = '/admin/events/:eventId/outcome/:outcomeId/compare';
const version = z.coerce.number().int().min(0).max(999);
const compareQuery = z.strictObject({ from: version.optional(), to: version.optional() });

/** "Rev.1 compared with the zero draft". */
export const comparisonTitle = (t: Translate, from: number, to: number) =>
  from === 0
    ? t('outcome.compare.withZero', { later: versionName(t, to) })
    : t('outcome.compare.with', { later: versionName(t, to), earlier: versionName(t, from) });

/** Any two versions of a text compared word by word; by default the current one with the one before. */
export function compareRoutes(): Router {
  const router = Router();
  router.get(PATH, async (req, res) => {
    const { event } = await eventWithPermissions(req);
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    const query = parse(compareQuery, queryOf(req));
    const to = query.to ?? outcome.currentVersion;
    const from = query.from ?? Math.max(0, to - 1);
    if (to > outcome.currentVersion || from > outcome.currentVersion) throw new NotFoundError();
    // An earlier version as its round received it: decisions changed its own paragraphs since.
    const textOf = async (v: number) =>
      (v < outcome.currentVersion && (await circulatedTextOf(outcome, v))) || itemsOf(outcome, v);
    const [before, after] = await Promise.all([textOf(from), textOf(to)]);
    res.render('outcome/compare', {
      ...eventPage(event, req.language, comparisonTitle(req.t, from, to)),
      event,
      outcome,
      name: localized(outcome.title, req.language, event.languages),
      lines: compareVersions(before, after),
    });
  });
  return router;
}
