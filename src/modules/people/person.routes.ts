import { mailsAbout } from '../messaging/index.js';
import { type Request, Router } from 'express';
import type { Clock } from '../../shared/clock.js';
import { countriesByName } from '../../shared/countries.js';
import { ValidationError } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n/index.js';
import { parse } from '../../shared/validate.js';
import { confirmedOrAsk } from '../../web/confirm.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm } from '../../web/forms.js';
import { singleUpload } from '../../web/body.js';
import { pathParam, queryOf } from '../../web/params.js';
import { historyLines } from '../events/index.js';
import { actorOf, requireRole, requireUser } from '../auth/index.js';
import { decodeUpload } from '../imports/index.js';
import { confirmImport, getImportPreview, previewImport } from './import.service.js';
import { streamCsv } from '../../shared/csv.js';
import { CSV_COLUMNS, personRow } from './person.csv.js';
import { formValuesOfPerson, personFieldName, personFormLocals, personInputFromForm } from './person.form.js';
import { SECTORS } from './person.model.js';
import { personInput, personPatchInput, personSearchInput, type PersonSearch } from './person.schemas.js';
import {
  createPerson,
  everyone,
  getPerson,
  resetCalendarFeeds,
  searchPeople,
  updatePerson,
  type OnPersonChanged,
} from './person.service.js';
import { PAGE_SIZE } from './directory.js';
import { peopleAccess, shownPeople, type PeopleEvents } from './person.access.js';
import { displayName, withoutContactDetails } from './person.views.js';

/** Admins and organizers add people and import lists (a new person belongs to no event yet). */
const addsPeople = (req: Request) => req.user?.role === 'admin' || req.user?.role === 'organizer';

/** Roles a person holds in programmes; given by the agenda module, which depends on this one. */
export type RolesOf = (personId: string, language: Language) => Promise<unknown[]>;
/** Who holds a role in any programme; also given by the agenda module. */
export type PeopleInRole = (role: NonNullable<PersonSearch['role']>) => Promise<string[]>;

export interface PersonRouteOptions {
  rolesOf?: RolesOf;
  peopleInRole?: PeopleInRole;
  events?: PeopleEvents;
  onChanged?: OnPersonChanged;
}

/** A search with its role filter turned into the ids of the people who hold that role. */
export async function searchWithRole(search: PersonSearch, peopleInRole: PeopleInRole | undefined) {
  return searchPeople({
    ...search,
    ...(search.role && peopleInRole && { ids: await peopleInRole(search.role) }),
  });
}

export function personRoutes(clock: Clock, options: PersonRouteOptions = {}): Router {
  const { rolesOf, peopleInRole } = options;
  const access = peopleAccess(options.events);
  const router = Router();
  router.use('/admin/people', requireUser);
  const editors = requireRole('admin', 'organizer');

  const formLocals = (req: Request) => personFormLocals(req.language);

  router.get('/admin/people', async (req, res) => {
    const search = parse(personSearchInput, queryOf(req));
    const result = await searchWithRole(search, peopleInRole);
    res.render('people/list', {
      title: req.t('people.title'),
      pageSize: PAGE_SIZE,
      ...result,
      people: shownPeople(result.people, await access.of(req, result.people)),
      search,
      countryOptions: countriesByName(req.language),
      sectors: SECTORS,
      roles: peopleInRole ? ['chair', 'moderator', 'speaker', 'commentator', 'rapporteur'] : [],
      canEdit: addsPeople(req),
      contactDetails: addsPeople(req),
    });
  });

  router.get('/admin/people/export.csv', async (req, res) => {
    const permissionsOf = await access.forExport(req);
    res.attachment('foro-people.csv').type('text/csv; charset=utf-8');
    await streamCsv(res, CSV_COLUMNS, everyone(), async (batch) =>
      shownPeople(batch, await permissionsOf(batch)).map((p) =>
        personRow(p, { withContactDetails: addsPeople(req) }),
      ),
    );
    res.end();
  });

  router.get('/admin/people/new', ...editors, (req, res) => {
    res.render('people/form', { title: req.t('people.new'), ...formLocals(req), values: {} });
  });

  router.post('/admin/people', ...editors, async (req, res) => {
    const body = formBody(req);
    const form = {
      view: 'people/form',
      locals: { title: req.t('people.new'), ...formLocals(req) },
      values: body,
      fieldName: personFieldName,
    };
    await handleForm(req, res, form, async () => {
      const person = await createPerson(
        parse(personInput, personInputFromForm(body, 'create')),
        actorOf(req),
        clock,
      );
      await flash(req, req.t('flash.personCreated', { name: displayName(person) }));
      res.redirect(303, `/admin/people/${person.id}`);
    });
  });

  router.get('/admin/people/import', ...editors, (req, res) => {
    res.render('people/import', { title: req.t('people.import') });
  });

  router.post('/admin/people/import', ...editors, singleUpload('file'), async (req, res) => {
    await handleForm(
      req,
      res,
      { view: 'people/import', locals: { title: req.t('people.import') } },
      async () => {
        if (!req.file) throw new ValidationError([{ field: 'file', code: 'required' }]);
        const preview = await previewImport(
          { content: decodeUpload(req.file.buffer), fileName: req.file.originalname },
          actorOf(req),
          clock,
        );
        res.redirect(303, `/admin/people/import/${preview.id}`);
      },
    );
  });

  router.get('/admin/people/import/:importId', ...editors, async (req, res) => {
    const preview = await getImportPreview(pathParam(req, 'importId'), actorOf(req));
    res.render('people/import-preview', { title: req.t('people.importPreview'), preview });
  });

  router.post('/admin/people/import/:importId/confirm', ...editors, async (req, res) => {
    const result = await confirmImport(pathParam(req, 'importId'), actorOf(req), clock);
    res.render('people/import-done', { title: req.t('people.import'), result });
  });

  router.get('/admin/people/:id', async (req, res) => {
    const person = await getPerson(pathParam(req, 'id'));
    const can = (await access.of(req, [person])).get(person.id)!;
    res.render('people/show', {
      title: `${person.givenName} ${person.familyName}`,
      person: can.contactDetails ? person : withoutContactDetails(person),
      canEdit: can.edit,
      roles: rolesOf ? await rolesOf(person.id, req.language) : undefined,
      history: await historyLines(req, { type: 'person', id: person.id }, can),
      mails: await mailsAbout('person', person.id),
    });
  });

  router.post('/admin/people/:id/calendar-reset', ...editors, async (req, res) => {
    const person = await getPerson(pathParam(req, 'id'));
    await access.assertEdit(req, person);
    const asked = await confirmedOrAsk(req, res, () => ({
      question: req.t('confirm.resetFeeds.question', { name: displayName(person) }),
      consequences: [req.t('confirm.resetFeeds.old'), req.t('confirm.resetFeeds.new')],
      confirm: req.t('confirm.resetFeeds.confirm'),
      back: `/admin/people/${person.id}#roles`,
    }));
    if (!asked) return;
    await resetCalendarFeeds(person.id, actorOf(req), clock);
    await flash(req, req.t('flash.feedsReset'));
    res.redirect(303, `/admin/people/${person.id}`);
  });

  router.get('/admin/people/:id/edit', ...editors, async (req, res) => {
    const person = await getPerson(pathParam(req, 'id'));
    await access.assertEdit(req, person);
    res.render('people/form', {
      title: req.t('people.edit'),
      person,
      ...formLocals(req),
      values: formValuesOfPerson(person),
    });
  });

  router.post('/admin/people/:id', ...editors, async (req, res) => {
    const person = await getPerson(pathParam(req, 'id'));
    await access.assertEdit(req, person);
    const body = formBody(req);
    const locals = { title: req.t('people.edit'), person, ...formLocals(req) };
    await handleForm(
      req,
      res,
      { view: 'people/form', locals, values: body, fieldName: personFieldName },
      async () => {
        const saved = await updatePerson(
          person.id,
          parse(personPatchInput, personInputFromForm(body, 'edit')),
          actorOf(req),
          clock,
          options.onChanged,
        );
        await flash(req, req.t('flash.personSaved', { name: displayName(saved) }));
        res.redirect(303, `/admin/people/${person.id}`);
      },
    );
  });

  return router;
}
