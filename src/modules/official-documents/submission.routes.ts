import { type Request, type Response, Router } from 'express';
import { countryName } from '../../shared/countries.js';
import { ValidationError } from '../../shared/errors.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { parse } from '../../shared/validate.js';
import { readFileForm } from '../../web/body.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm } from '../../web/forms.js';
import { pathParam } from '../../web/params.js';
import { localized, type EventView } from '../events/index.js';
import { fullName, openInvitation } from '../invitations/index.js';
import type { OfficialDocumentDeps } from './document.routes.js';
import { fileLanguage } from './document.schemas.js';
import { pageHelpers, sizeText } from './document.page.js';
import { submissionOf, submitFile, type Submitter } from './submission.js';
import { delegationOfLink, focalActor } from '../registrations/index.js';

const code = (id: string) => id.slice(-6).toUpperCase();
const slugPart = (event: EventView) => event.slug.toUpperCase();

/** A speaker, through their invitation link: their presentation for their session. */
async function speaker(req: Request, deps: OfficialDocumentDeps) {
  const invitation = await openInvitation(pathParam(req, 'token'), deps.clock);
  const { event, session, assignment, person } = invitation;
  const name = fullName(person);
  const submitter: Submitter = {
    kind: 'speaker',
    id: assignment.id,
    symbol: `${slugPart(event)}/PRES/${code(assignment.id)}`,
    documentKind: 'presentation',
    title: Object.fromEntries(
      LANGUAGES.map((l) => [l, `${name}: ${localized(session.title, l, event.languages)}`]),
    ),
    sessionIds: [session.id],
    name: [name, person.organization].filter(Boolean).join(', '),
    actor: { label: `${name} (invitation link)`, via: 'link' },
  };
  return { event, submitter, language: invitation.language };
}

/** A focal point, through the nomination link: the delegation's statement. */
async function focalPoint(req: Request, deps: OfficialDocumentDeps) {
  const { delegation, event } = await delegationOfLink(pathParam(req, 'token'), deps.clock);
  const submitter: Submitter = {
    kind: 'focal-point',
    id: delegation.id,
    symbol: `${slugPart(event)}/STATEMENT/${delegation.country}`,
    documentKind: 'statement',
    title: Object.fromEntries(LANGUAGES.map((l) => [l, countryName(delegation.country, l)])),
    sessionIds: [],
    name: countryName(delegation.country, 'es'),
    actor: focalActor(delegation),
  };
  return { event, submitter, language: req.language };
}

type Open = typeof speaker;

/**
 * What participants send through their private link: a speaker's presentation, a delegation's
 * statement. Each lands as a draft for the team; the page says where it stands.
 */
export function submissionRoutes(deps: OfficialDocumentDeps): Router {
  const router = Router();
  const pages: [string, Open, string][] = [
    ['/invitations/:token/submission', speaker, 'officialDocuments.submitPresentation'],
    ['/nominations/:token/statement', focalPoint, 'officialDocuments.submitStatement'],
  ];
  for (const [path, open, heading] of pages) {
    const page = async (req: Request) => {
      const { event, submitter, language } = await open(req, deps);
      const submission = await submissionOf(event, submitter);
      return {
        title: req.t(heading),
        heading: req.t(heading),
        event,
        eventTitle: localized(event.title, req.language, event.languages),
        submission,
        action: req.path,
        back: req.path.replace(/\/(submission|statement)$/, ''),
        languages: LANGUAGES,
        defaultLanguage: language,
        maxSize: sizeText(deps.maxBytes, req.language),
        ...pageHelpers(req, event),
      };
    };
    const show = async (req: Request, res: Response) => {
      res.render('official-documents/submission', await page(req));
    };
    router.get(path, show);
    router.post(path, async (req, res) => {
      const { event, submitter } = await open(req, deps);
      await handleForm(
        req,
        res,
        { view: 'official-documents/submission', locals: () => page(req) },
        async () => {
          const file = await readFileForm(req, res, 'upload', deps.maxBytes);
          const { language } = parse(fileLanguage, formBody(req));
          if (!file) throw new ValidationError([{ field: 'upload', code: 'required' }]);
          await submitFile(
            event,
            submitter,
            language,
            { bytes: file.buffer, fileName: file.originalname },
            deps,
          );
          await flash(req, req.t('flash.submissionReceived'));
          res.redirect(303, req.originalUrl.split('?')[0]!);
        },
      );
    });
  }
  return router;
}
