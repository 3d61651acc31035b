import { type Request, Router } from 'express';
import type { Clock } from '../../shared/clock.js';
import { ValidationError } from '../../shared/errors.js';
import { parse } from '../../shared/validate.js';
import { readFileForm } from '../../web/body.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm, withoutBlanks } from '../../web/forms.js';
import { pathParam, queryOf } from '../../web/params.js';
import { actorOf, requireUser } from '../auth/index.js';
import {
  eventOf,
  eventPage,
  eventWithPermissions,
  historyLines,
  localized,
  type EventView,
} from '../events/index.js';
import { documentFromForm, fieldName, formChoices, formValues } from './document.form.js';
import { listDocuments } from './document.list.js';
import { documentInput, fileLanguage, listQuery } from './document.schemas.js';
import {
  addLanguageVersion,
  currentFiles,
  filesOf,
  getDocument,
  getFile,
  registerDocument,
  updateDocument,
} from './document.service.js';
import { sendStoredFile } from './document.download.js';
import { symbolPath } from './symbol.js';
import { announceDocument } from './publication.js';
import type { MailDeps } from '../invitations/index.js';
import { GROUP, groupKeys, groupLabel } from '../notices/index.js';
import { listSessions } from '../agenda/index.js';
import { countriesByName } from '../../shared/countries.js';
import { z } from 'zod';

const announceInput = z.strictObject({ group: z.string().regex(GROUP, { message: 'invalid_choice' }) });

/** The groups a notice can reach, named in the reader's language. */
async function noticeGroups(req: Request, event: EventView) {
  const sessions = await listSessions(event.id);
  const titles = new Map(sessions.map((s) => [s.id, localized(s.title, req.language, event.languages)]));
  return groupKeys(
    sessions.map((s) => s.id),
    countriesByName(req.language, event.countries).map((c) => c.code),
  ).map((key) => ({ value: key, label: groupLabel(req, key, titles) }));
}
import { writeDocumentsCsv } from './document.outputs.js';
import { pageHelpers, sizeText } from './document.page.js';

export interface OfficialDocumentDeps {
  clock: Clock;
  /** Where notices' links point and who sends them. */
  settings: MailDeps['settings'];
  /** The largest language version accepted, in bytes. */
  maxBytes: number;
}

/** The register of an event's documents for its team: record, edit, add language versions. */
export function documentAdminRoutes(deps: OfficialDocumentDeps): Router {
  const { clock } = deps;
  const router = Router();
  const base = '/admin/events/:eventId/documents';
  router.use(base, requireUser);

  router.get(base, async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    const { after, before, ...filter } = parse(listQuery, withoutBlanks(queryOf(req)));
    const page = await listDocuments(event.id, ['team', 'participants', 'public'], filter, { after, before });
    res.render('official-documents/admin-list', {
      ...eventPage(event, req.language, req.t('officialDocuments.title')),
      event,
      canEdit: can.edit,
      page,
      filter,
      symbolPath,
      ...pageHelpers(req, event),
      ...(await formChoices(req, event)),
    });
  });

  const newPage = async (req: Request, event: EventView) => ({
    ...eventPage(event, req.language, req.t('officialDocuments.new')),
    event,
    ...(await formChoices(req, event)),
  });

  router.get('/admin/events/:eventId/documents.csv', async (req, res) => {
    const event = await eventOf(req, { edit: true });
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="${event.slug}-documents.csv"`);
    await writeDocumentsCsv(res, event, req.language);
    res.end();
  });

  router.get(`${base}/new`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    res.render('official-documents/new', {
      ...(await newPage(req, event)),
      values: { kind: 'working', distribution: 'general', status: 'draft', date: event.startDate },
    });
  });

  router.post(base, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const form = {
      view: 'official-documents/new',
      locals: () => newPage(req, event),
      values: body,
      fieldName,
    };
    await handleForm(req, res, form, async () => {
      const document = await registerDocument(
        event,
        parse(documentInput, documentFromForm(body)),
        actorOf(req),
        clock,
      );
      await flash(req, req.t('flash.documentRegistered', { symbol: document.symbol }));
      res.redirect(303, `/admin/events/${event.id}/documents/${document.id}`);
    });
  });

  const showPage = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    const document = await getDocument(event.id, pathParam(req, 'documentId'));
    const files = await filesOf(document.id);
    const current = currentFiles(files);
    return {
      ...eventPage(event, req.language, document.symbol),
      event,
      document,
      canEdit: can.edit,
      current: [...current.values()],
      earlier: files.filter((f) => current.get(f.language)?.id !== f.id),
      symbolPath,
      ...pageHelpers(req, event),
      maxSize: sizeText(deps.maxBytes, req.language),
      groups: await noticeGroups(req, event),
      history: await historyLines(req, { type: 'document', id: document.id }, can, { event }),
      values: formValues(document),
      ...(await formChoices(req, event)),
    };
  };

  router.get(`${base}/:documentId`, async (req, res) => {
    res.render('official-documents/show', await showPage(req));
  });

  router.post(`${base}/:documentId`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const form = { view: 'official-documents/show', locals: () => showPage(req), values: body, fieldName };
    await handleForm(req, res, form, async () => {
      await updateDocument(
        event,
        pathParam(req, 'documentId'),
        parse(documentInput, documentFromForm(body)),
        actorOf(req),
        clock,
      );
      await flash(req, req.t('flash.saved'));
      res.redirect(303, `/admin/events/${event.id}/documents/${pathParam(req, 'documentId')}`);
    });
  });

  router.post(`${base}/:documentId/files`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const documentId = pathParam(req, 'documentId');
    const document = await getDocument(event.id, documentId);
    const form = {
      view: 'official-documents/show',
      locals: async () => ({ ...(await showPage(req)), fileValues: formBody(req) }),
      values: formValues(document),
    };
    await handleForm(req, res, form, async () => {
      const file = await readFileForm(req, res, 'upload', deps.maxBytes);
      const { language } = parse(fileLanguage, formBody(req));
      if (!file) throw new ValidationError([{ field: 'upload', code: 'required' }]);
      await addLanguageVersion(
        event,
        documentId,
        language,
        { bytes: file.buffer, fileName: file.originalname },
        actorOf(req),
        deps,
      );
      await flash(req, req.t('flash.documentFileAdded', { language: req.t(`language.${language}`) }));
      res.redirect(303, `/admin/events/${event.id}/documents/${documentId}`);
    });
  });

  router.post(`${base}/:documentId/announce`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const document = await getDocument(event.id, pathParam(req, 'documentId'));
    const form = {
      view: 'official-documents/show',
      locals: () => showPage(req),
      values: formValues(document),
    };
    await handleForm(req, res, form, async () => {
      const { group } = parse(announceInput, formBody(req));
      const outcome = await announceDocument(event, document, group, actorOf(req), deps);
      await flash(req, req.t('flash.documentAnnounced', { count: outcome.queued }));
      res.redirect(303, `/admin/outbox/batches/${outcome.batchId}?event=${event.id}&kind=announcements`);
    });
  });

  // Any file a document has had, the replaced ones too (the history's links).
  router.get(`${base}/:documentId/files/:fileId`, async (req, res) => {
    const { event } = await eventWithPermissions(req);
    const document = await getDocument(event.id, pathParam(req, 'documentId'));
    const file = await getFile(document.id, pathParam(req, 'fileId'));
    await sendStoredFile(res, file, document.symbol, 'private');
  });

  return router;
}
