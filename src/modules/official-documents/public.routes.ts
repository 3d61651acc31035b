import { type Request, type Response, Router } from 'express';
import type { Clock } from '../../shared/clock.js';
import { LinkNotFoundError, NotFoundError } from '../../shared/errors.js';
import { isLanguage, type Language } from '../../shared/i18n/index.js';
import { parse } from '../../shared/validate.js';
import { pathParam, queryOf } from '../../web/params.js';
import { withoutBlanks } from '../../web/forms.js';
import { getEvent, getPublicEvent, localized, type EventView } from '../events/index.js';
import { listSessions } from '../agenda/index.js';
import { openInvitation } from '../invitations/index.js';
import { ownRegistration } from '../registrations/index.js';
import type { Audience } from './document.model.js';
import { DOCUMENT_KINDS } from './document.model.js';
import { listDocuments } from './document.list.js';
import { listQuery } from './document.schemas.js';
import { currentFiles, filesOf, findBySymbol, getDocument } from './document.service.js';
import { sendStoredFile } from './document.download.js';
import type { DocumentView } from './document.views.js';
import { symbolPath } from './symbol.js';
import { documentListPdf, type ListPdfDeps } from './document.outputs.js';
import { pageHelpers } from './document.page.js';
import { delegationOfLink } from '../registrations/index.js';

const PUBLIC: Audience[] = ['public'];
const PARTICIPANTS: Audience[] = ['public', 'participants'];

/** The private links that open an event's restricted documents: registrants, speakers, focal points. */
export const PARTICIPANT_LINKS = ['registrations', 'invitations', 'nominations'] as const;
type LinkFamily = (typeof PARTICIPANT_LINKS)[number];

/** The event a participant's private link belongs to; a link that leads nowhere is a 404. */
async function participantEvent(family: LinkFamily, token: string, clock: Clock): Promise<EventView> {
  if (family === 'registrations') {
    const registration = await ownRegistration(token, clock);
    if (registration.status === 'rejected' || registration.status === 'cancelled')
      throw new LinkNotFoundError();
    return getEvent(registration.eventId);
  }
  if (family === 'invitations') return (await openInvitation(token, clock)).event;
  return (await delegationOfLink(token, clock)).event;
}

/** The current file of a document in a language, or 404 (never another language's file). */
async function currentFile(document: DocumentView, language: string) {
  if (!isLanguage(language)) throw new NotFoundError();
  const file = currentFiles(await filesOf(document.id)).get(language);
  if (!file) throw new NotFoundError();
  return file;
}

async function renderList(
  req: Request,
  res: Response,
  event: EventView,
  audiences: Audience[],
  fileBase: string,
  privateLink: boolean,
) {
  const { after, before, ...filter } = parse(listQuery, withoutBlanks(queryOf(req)));
  const page = await listDocuments(event.id, audiences, filter, { after, before });
  const sessions = await listSessions(event.id);
  const eventTitle = localized(event.title, req.language, event.languages);
  res.render('official-documents/public', {
    title: `${req.t('officialDocuments.publicTitle')} · ${eventTitle}`,
    event,
    eventTitle,
    page,
    filter,
    fileBase,
    privateLink,
    ...pageHelpers(req, event),
    href: (row: DocumentView, language: string) =>
      privateLink ? `${fileBase}/${row.id}/${language}` : `${fileBase}/${symbolPath(row.symbol)}/${language}`,
    kinds: DOCUMENT_KINDS,
    languages: event.languages,
    sessions: sessions
      .filter((s) => s.status !== 'draft')
      .map((s) => ({ value: s.id, label: localized(s.title, req.language, event.languages) })),
  });
}

/**
 * The documents of an event for everyone (general and limited distribution, once out of draft),
 * and for participants through their private link (restricted ones too). A file's address is
 * stable: `/events/<slug>/documents/<symbol>/<language>`.
 */
export function documentPublicRoutes(clock: Clock, pdf: ListPdfDeps): Router {
  const router = Router();

  router.get('/events/:slug/documents.pdf', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const language = isLanguage(req.query['lang']) ? req.query['lang'] : req.language;
    const file = await documentListPdf(pdf, event, language);
    res
      .type('application/pdf')
      .set('Content-Disposition', `inline; filename="${event.slug}-documents-${language}.pdf"`)
      .set('Cache-Control', 'public, max-age=300')
      .send(file);
  });

  router.get('/events/:slug/documents', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    await renderList(req, res, event, PUBLIC, `/events/${event.slug}/documents`, false);
  });

  // The symbol may hold slashes: the last part of the path is the language.
  router.get('/events/:slug/documents/*path', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const parts = (req.params as { path?: string[] }).path ?? [];
    const language = parts.at(-1) ?? '';
    const document = await findBySymbol(event.id, parts.slice(0, -1).join('/'));
    if (!document || !PUBLIC.includes(document.audience)) throw new NotFoundError();
    await sendStoredFile(res, await currentFile(document, language), document.symbol, 'public');
  });

  for (const family of PARTICIPANT_LINKS) {
    router.get(`/${family}/:token/documents`, async (req, res) => {
      const token = pathParam(req, 'token');
      const event = await participantEvent(family, token, clock);
      await renderList(req, res, event, PARTICIPANTS, `/${family}/${token}/documents`, true);
    });

    router.get(`/${family}/:token/documents/:documentId/:language`, async (req, res) => {
      const event = await participantEvent(family, pathParam(req, 'token'), clock);
      const document = await getDocument(event.id, pathParam(req, 'documentId'));
      if (!PARTICIPANTS.includes(document.audience)) throw new NotFoundError();
      const language = pathParam(req, 'language') as Language;
      await sendStoredFile(res, await currentFile(document, language), document.symbol, 'private');
    });
  }

  return router;
}
