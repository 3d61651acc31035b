import { type Request, Router } from 'express';
import { countryName, sortByCountryName } from '../../shared/countries.js';
import { translatorFor } from '../../shared/i18n/index.js';
import { formatInstant } from '../../shared/time.js';
import type { Clock } from '../../shared/clock.js';
import { parse } from '../../shared/validate.js';
import { withoutBlanks } from '../../web/forms.js';
import { pathParam, queryOf } from '../../web/params.js';
import { documentLanguage, sendPdf, type PdfRenderer } from '../documents/index.js';
import { eventPage, eventWithPermissions, localized } from '../events/index.js';
import { delegationsOf } from '../registrations/index.js';
import { compilationOf, compilationQuery, compilationWords } from './compilation.service.js';
import { PARAGRAPH_STATUSES } from './outcome.model.js';
import { getOutcome } from './outcome.service.js';
import { versionName } from './outcome.views.js';

export interface CompilationDeps {
  clock: Clock;
  renderer: PdfRenderer;
}

const PATH = '/admin/events/:eventId/outcome/:outcomeId/compilation';

/** The filters of a request, without the language a PDF may be asked in. */
function filtersOf(req: Request) {
  const { lang: _lang, ...rest } = withoutBlanks(queryOf(req));
  return parse(compilationQuery, rest);
}

/** The compilation text for the team and viewers: page and PDF, with the same filters. */
export function compilationRoutes(deps: CompilationDeps): Router {
  const router = Router();

  router.get(PATH, async (req, res) => {
    const { event } = await eventWithPermissions(req);
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    const query = filtersOf(req);
    const lines = await compilationOf(outcome, query, compilationWords(req.t, req.language));
    const delegations = sortByCountryName(await delegationsOf(event.id), (d) => d.country, req.language);
    const search = new URLSearchParams(Object.entries(query) as [string, string][]).toString();
    res.render('outcome/compilation', {
      ...eventPage(event, req.language, req.t('outcome.compilation.title')),
      event,
      outcome,
      title: `${req.t('outcome.compilation.title')} · ${localized(outcome.title, req.language, event.languages)}`,
      name: localized(outcome.title, req.language, event.languages),
      version: versionName(req.t, outcome.currentVersion),
      lines,
      filter: query,
      pdf: `${req.path}.pdf${search ? `?${search}` : ''}`,
      delegations: delegations.map((d) => ({
        value: d.country,
        label: countryName(d.country, req.language),
      })),
      statuses: PARAGRAPH_STATUSES.map((s) => ({ value: s, label: req.t(`outcome.paragraphStatuses.${s}`) })),
    });
  });

  router.get(`${PATH}.pdf`, async (req, res) => {
    const language = documentLanguage(req);
    const { event } = await eventWithPermissions(req);
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    const t = translatorFor(language);
    const lines = await compilationOf(outcome, filtersOf(req), compilationWords(t, language));
    const name = localized(outcome.title, language, event.languages);
    const layout = {
      language,
      title: name,
      subtitle: `${t('outcome.compilation.title')} · ${versionName(t, outcome.currentVersion)}`,
      stamp: `${t('outcome.compilation.title')} – ${formatInstant(deps.clock.now(), event.timezone, language)}`,
      pageOf: t('outcome.compilation.pageOf'),
      empty: t('outcome.compilation.empty'),
      // Each paragraph's status after its text, pending ones too: a printed page is read alone.
      lines: lines.map((line) =>
        line.kind === 'paragraph'
          ? {
              ...line,
              note: {
                text: `(${t(`outcome.paragraphStatuses.${line.status ?? 'pending'}`)})`,
                at: 'end' as const,
              },
            }
          : line,
      ),
    };
    const pdf = await deps.renderer.render({ kind: 'outcome', layout });
    sendPdf(res, pdf, `${event.slug}-compilation-${language}.pdf`, 'private');
  });

  return router;
}
