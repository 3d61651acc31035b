import { type Request, Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import { countriesByName, isCountryCode } from '../../shared/countries.js';
import { csvDocument } from '../../shared/csv.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { parse } from '../../shared/validate.js';
import { formBody, handleForm, withoutBlanks } from '../../web/forms.js';
import { singleUpload } from '../../web/body.js';
import { pathParam, queryOf } from '../../web/params.js';
import { historyLines, policy } from '../events/index.js';
import { actorOf, requireRole, requireUser } from '../auth/index.js';
import { CONTACT_TYPES, INSTITUTIONS } from './contact.model.js';
import { ValidationError } from '../../shared/errors.js';
import { decodeUpload } from '../imports/index.js';
import { CONTACT_COLUMNS } from './contact.csv.js';
import { contactInput, noteInput } from './contact.schemas.js';
import {
  addContactNote,
  confirmContactsImport,
  contactLog,
  contactsImportPreview,
  previewContactsImport,
  createContact,
  getContact,
  listContacts,
  updateContact,
  type ContactView,
} from './contact.service.js';

const listQuery = z.strictObject({
  country: z.string().toUpperCase().refine(isCountryCode).optional(),
  type: z.enum(CONTACT_TYPES).optional(),
});

/** Viewers see who the contacts are, not how to reach them (DESIGN.md §6). */
/** National contacts belong to no event: admins and organizers (policy.ts). */
const seesContacts = (req: Request) => policy.forNoEvent(req.user).contactDetails;
const withoutReach = (c: ContactView): ContactView => ({ ...c, email: undefined, phone: undefined });

/** National contacts: each government's focal point, alternates and liaisons, with their log. */
export function contactRoutes(clock: Clock): Router {
  const router = Router();
  router.use('/admin/contacts', requireUser);
  const editors = requireRole('admin', 'organizer');
  const formLocals = (req: Request) => ({
    countryOptions: countriesByName(req.language),
    institutions: INSTITUTIONS,
    types: CONTACT_TYPES,
    languages: LANGUAGES,
  });

  router.get('/admin/contacts', async (req, res) => {
    const filter = parse(listQuery, queryOf(req));
    const contacts = await listContacts(filter, req.language);
    res.render('contacts/list', {
      title: req.t('contacts.title'),
      contacts: seesContacts(req) ? contacts : contacts.map(withoutReach),
      filter,
      canEdit: seesContacts(req),
      ...formLocals(req),
    });
  });

  router.get('/admin/contacts.csv', ...editors, async (req, res) => {
    const contacts = await listContacts(parse(listQuery, queryOf(req)), req.language);
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', 'attachment; filename="national-contacts.csv"')
      .send(
        csvDocument(
          CONTACT_COLUMNS,
          contacts.map((c) =>
            CONTACT_COLUMNS.map((column) => (column === 'institution_name' ? c.institutionName : c[column])),
          ),
        ),
      );
  });

  router.get('/admin/contacts/import', ...editors, (req, res) => {
    res.render('contacts/import', { title: req.t('contacts.import'), columns: CONTACT_COLUMNS });
  });

  router.post('/admin/contacts/import', ...editors, singleUpload('file'), async (req, res) => {
    if (!req.file) throw new ValidationError([{ field: 'file', code: 'required' }]);
    const preview = await previewContactsImport(
      { content: decodeUpload(req.file.buffer), fileName: req.file.originalname },
      actorOf(req),
      clock,
    );
    res.redirect(303, `/admin/contacts/import/${preview.id}`);
  });

  router.get('/admin/contacts/import/:importId', ...editors, async (req, res) => {
    const preview = await contactsImportPreview(pathParam(req, 'importId'), actorOf(req));
    res.render('contacts/import-preview', { title: req.t('contacts.importPreview'), preview });
  });

  router.post('/admin/contacts/import/:importId/confirm', ...editors, async (req, res) => {
    const result = await confirmContactsImport(pathParam(req, 'importId'), actorOf(req), clock);
    res.redirect(303, `/admin/contacts?imported=${result.created}`);
  });

  router.get('/admin/contacts/new', ...editors, (req, res) => {
    res.render('contacts/form', {
      title: req.t('contacts.new'),
      values: { type: 'focal_point' },
      ...formLocals(req),
    });
  });

  router.post('/admin/contacts', ...editors, async (req, res) => {
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'contacts/form', locals: { title: req.t('contacts.new'), ...formLocals(req) }, values: body },
      async () => {
        const contact = await createContact(parse(contactInput, withoutBlanks(body)), actorOf(req), clock);
        res.redirect(303, `/admin/contacts/${contact.id}`);
      },
    );
  });

  const showPage = async (req: Request) => {
    const contact = await getContact(pathParam(req, 'id'));
    return {
      title: contact.name,
      contact: seesContacts(req) ? contact : withoutReach(contact),
      log: seesContacts(req) ? await contactLog(contact.id) : [],
      history: await historyLines(req, { type: 'contact', id: contact.id }, policy.forNoEvent(req.user)),
      canEdit: seesContacts(req),
      values: contact,
      ...formLocals(req),
    };
  };

  router.get('/admin/contacts/:id', async (req, res) => {
    res.render('contacts/show', await showPage(req));
  });

  router.post('/admin/contacts/:id', ...editors, async (req, res) => {
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'contacts/show', locals: () => showPage(req), values: body },
      async () => {
        await updateContact(
          pathParam(req, 'id'),
          parse(contactInput, withoutBlanks(body)),
          actorOf(req),
          clock,
        );
        res.redirect(303, `/admin/contacts/${pathParam(req, 'id')}`);
      },
    );
  });

  router.post('/admin/contacts/:id/notes', ...editors, async (req, res) => {
    const { text } = parse(noteInput, formBody(req));
    await addContactNote(pathParam(req, 'id'), text, actorOf(req), clock);
    res.redirect(303, `/admin/contacts/${pathParam(req, 'id')}#log`);
  });

  return router;
}
