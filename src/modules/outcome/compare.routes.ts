import { type Request, Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import { NotFoundError } from '../../shared/errors.js';
import { translatorFor, type Translate } from '../../shared/i18n/index.js';
import { formatInstant } from '../../shared/time.js';
import { parse } from '../../shared/validate.js';
import { pathParam, queryOf } from '../../web/params.js';
import { documentLanguage, sendPdf, type OutcomeLayout, type PdfRenderer } from '../documents/index.js';
import { eventPage, eventWithPermissions, localized } from '../events/index.js';
import { textOfVersion } from './circulated.js';
import { compareVersions, type ComparedLine } from './compare.js';
import { getOutcome } from './outcome.service.js';
import { versionName } from './outcome.views.js';

const PATH = '/admin/events/:eventId/outcome/:outcomeId/compare';
const version = z.coerce.number().int().min(0).max(999);
const compareQuery = z.strictObject({
  from: version.optional(),
  to: version.optional(),
  lang: z.string().optional(),
});

/** "Rev.1 compared with the zero draft". */
export const comparisonTitle = (t: Translate, from: number, to: number) =>
  from === 0
    ? t('outcome.compare.withZero', { later: versionName(t, to) })
    : t('outcome.compare.with', { later: versionName(t, to), earlier: versionName(t, from) });

/** The two versions a request compares: by default the current one with the one before. */
async function compared(req: Request) {
  const { event } = await eventWithPermissions(req);
  const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
  const query = parse(compareQuery, queryOf(req));
  const to = query.to ?? outcome.currentVersion;
  const from = query.from ?? Math.max(0, to - 1);
  if (to > outcome.currentVersion || from > outcome.currentVersion) throw new NotFoundError();
  const [before, after] = await Promise.all([textOfVersion(outcome, from), textOfVersion(outcome, to)]);
  return { event, outcome, from, to, lines: compareVersions(before, after) };
}

/** A comparison as printed: a paragraph added or removed whole says so after its text. */
function printedLine(line: ComparedLine, t: Translate): OutcomeLayout['lines'][number] {
  const changed = line.change === 'added' || line.change === 'removed';
  return {
    kind: line.kind === 'section' ? 'section' : 'paragraph',
    label: line.label,
    runs: line.runs,
    ...(changed && { note: { text: `(${t(`outcome.compare.${line.change}`)})`, at: 'end' as const } }),
  };
}

/** Any two versions of a text compared word by word, as a page and as a PDF. */
export function compareRoutes(deps: { clock: Clock; renderer: PdfRenderer }): Router {
  const router = Router();
  router.get(PATH, async (req, res) => {
    const { event, outcome, from, to, lines } = await compared(req);
    const search = new URLSearchParams({ from: String(from), to: String(to) }).toString();
    res.render('outcome/compare', {
      ...eventPage(event, req.language, comparisonTitle(req.t, from, to)),
      event,
      outcome,
      name: localized(outcome.title, req.language, event.languages),
      lines,
      pdf: `${req.path}.pdf?${search}`,
    });
  });

  router.get(`${PATH}.pdf`, async (req, res) => {
    const language = documentLanguage(req);
    const { event, outcome, from, to, lines } = await compared(req);
    const t = translatorFor(language);
    const title = comparisonTitle(t, from, to);
    const layout: OutcomeLayout = {
      language: outcome.workingLanguage,
      title: localized(outcome.title, language, event.languages),
      subtitle: title,
      legend: t('outcome.compare.legend'),
      stamp: `${title} – ${formatInstant(deps.clock.now(), event.timezone, language)}`,
      pageOf: t('outcome.compilation.pageOf'),
      empty: t('outcome.noParagraphs'),
      lines: lines.map((line) => printedLine(line, t)),
    };
    const pdf = await deps.renderer.render({ kind: 'outcome', layout });
    sendPdf(res, pdf, `${event.slug}-compare-${from}-${to}-${language}.pdf`, 'private');
  });
  return router;
}
