import { type Request, type Response, Router } from 'express';
import type { Config } from '../../../config/index.js';
import { NotFoundError, ValidationError } from '../../../shared/errors.js';
import { isLanguage, type Language } from '../../../shared/i18n/index.js';
import { pathParam } from '../../../web/params.js';
import { assertPersonalToken, type AttendanceLookup } from '../../calendar/index.js';
import { getPublicEvent, type EventView } from '../../events/index.js';
import { displayName, getPerson } from '../../people/index.js';
import {
  latestVersion,
  latestVersionNumber,
  personalSessions,
  type Version,
} from '../../published-programme/index.js';
import { personalProgrammePdf, programmePdf, type DocumentDeps } from './programme.service.js';

/** `?lang=es|en|pt`, else the reader's language. */
export function documentLanguage(req: Request): Language {
  const asked = req.query['lang'];
  if (asked === undefined) return req.language;
  if (!isLanguage(asked)) throw new ValidationError([{ field: 'lang', code: 'invalid_choice' }]);
  return asked;
}

export function sendPdf(res: Response, pdf: Buffer, file: string, cache: 'public' | 'private'): void {
  res
    .type('application/pdf')
    .set('Content-Disposition', `inline; filename="${file}"`)
    .set('Cache-Control', cache === 'public' ? 'public, max-age=300' : 'private, no-store')
    .send(pdf);
}

async function published(req: Request): Promise<{ event: EventView; version: Version }> {
  const event = await getPublicEvent(pathParam(req, 'slug'));
  const version = await latestVersion(event.id);
  if (!version) throw new NotFoundError();
  return { event, version };
}

/** The published programme as PDF for everyone, and a person's own programme at their secret address. */
export function programmeDocumentRoutes(
  config: Config,
  deps: DocumentDeps,
  attendanceOf: AttendanceLookup,
): Router {
  const router = Router();

  router.get('/events/:slug/programme.pdf', async (req, res) => {
    const language = documentLanguage(req);
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const number = await latestVersionNumber(event.id);
    if (number === undefined) throw new NotFoundError();
    const pdf = await programmePdf(deps, event, number, language);
    sendPdf(res, pdf, `${event.slug}-v${number}-${language}.pdf`, 'public');
  });

  router.get('/events/:slug/people/:personId/:token/programme.pdf', async (req, res) => {
    const language = documentLanguage(req);
    const { event, version } = await published(req);
    const personId = pathParam(req, 'personId');
    await assertPersonalToken(config, event.id, personId, pathParam(req, 'token'));
    const person = await getPerson(personId);
    const sessions = personalSessions(version.snapshot, personId, await attendanceOf(event.id, personId));
    const pdf = await personalProgrammePdf(
      deps,
      event,
      version,
      language,
      { id: personId, name: displayName(person) },
      sessions,
    );
    res.set('Referrer-Policy', 'no-referrer').set('X-Robots-Tag', 'noindex');
    sendPdf(res, pdf, `${event.slug}-v${version.number}-${language}-personal.pdf`, 'private');
  });

  return router;
}
