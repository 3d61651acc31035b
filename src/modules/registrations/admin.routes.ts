import { type Request, Router } from 'express';
import type { RegistrationDeps } from './registration.service.js';
import { z } from 'zod';
import { NotFoundError } from '../../shared/errors.js';
import { parse } from '../../shared/validate.js';
import { confirmedOrAsk, withoutConfirmation } from '../../web/confirm.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm, many } from '../../web/forms.js';
import { pageQuery, pathParam, queryOf } from '../../web/params.js';
import { actorOf, requireRole, requireUser } from '../auth/index.js';
import { eventPage, eventOf, eventWithPermissions } from '../events/index.js';
import { withoutContactDetails } from '../people/index.js';
import { peopleOf } from './lists/listing.js';
import { CATEGORIES, PassportData, REGISTRATION_STATUSES } from './registration.model.js';
import { decisionInput, settingsForm, settingsInput } from './registration.schemas.js';
import { decideRegistration, getRegistration, registrationsPage } from './registration.service.js';
import { writeRegistrationsCsv } from './lists/registrations-csv.js';
import { countOf, registrationFigures } from './lists/figures.js';
import { scopes } from './places/seats.js';
import { purgeableFrom, purgePersonalData } from './privacy/privacy.service.js';
import { registrationRules } from './places/settings.service.js';
import { changeRegistrationRules } from './places/capacity.js';

const listQuery = pageQuery.extend({
  status: z.enum(REGISTRATION_STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
});

/** Organizers follow, approve, reject and cancel registrations, and set capacities and windows. */
export function registrationAdminRoutes(deps: RegistrationDeps): Router {
  const { clock } = deps;
  const router = Router();
  const base = '/admin/events/:eventId/registrations';
  router.use(base, requireUser);

  const listPage = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    const { after, before, ...filter } = parse(listQuery, queryOf(req));
    const page = await registrationsPage(event.id, filter, { after, before });
    const { registrations } = page;
    const people = await peopleOf(registrations);
    const rules = await registrationRules(event);
    const figures = await registrationFigures(
      event.id,
      rules.categories.map((c) => c.key),
      deps,
    );
    const seated = figures.seated[scopes.event(event.id)] ?? 0;
    const byCategory = rules.categories.map((c) => ({
      ...c,
      seated: figures.seated[scopes.category(event.id, c.key)] ?? 0,
    }));
    return {
      ...eventPage(event, req.language, req.t('registrations.title')),
      event,
      filter,
      statuses: REGISTRATION_STATUSES,
      categories: CATEGORIES,
      rows: registrations.map((r) => {
        const person = people.get(r.personId);
        return {
          registration: r,
          person: person && (can.contactDetails ? person : withoutContactDetails(person)),
        };
      }),
      page: {
        total: countOf(figures, filter),
        countedAt: figures.countedAt,
        next: page.next,
        previous: page.previous,
      },
      capacity: { total: rules.capacity, seated, byCategory },
      canEdit: can.edit,
    };
  };

  router.get(base, async (req, res) => {
    res.render('registrations/list', await listPage(req));
  });

  // Every registration as a spreadsheet, written as it is read: addresses for the event's team.
  router.get(`${base}.csv`, async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    const filter = parse(listQuery.pick({ status: true, category: true }), queryOf(req));
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="registrations-${event.slug}.csv"`);
    await writeRegistrationsCsv(res, event.id, filter, {
      contactDetails: can.contactDetails,
      t: req.t,
      language: req.language,
    });
    res.end();
  });

  router.post(`${base}/decisions`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = withoutConfirmation(formBody(req));
    const input = parse(decisionInput, {
      ...body,
      ids: many(body['ids']),
      reason: body['reason'] || undefined,
    });
    // Rejecting and cancelling end registrations and mail the people: the team confirms first.
    if (input.decision !== 'approve') {
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t(`confirm.decision.${input.decision}.question`, { count: input.ids.length }),
        consequences: [
          req.t(`confirm.decision.${input.decision}.status`, { count: input.ids.length }),
          req.t('confirm.decision.places'),
          req.t('confirm.decision.mail'),
          ...(input.reason ? [req.t('confirm.decision.reason', { reason: input.reason })] : []),
        ],
        confirm: req.t(`confirm.decision.${input.decision}.confirm`, { count: input.ids.length }),
        back: `/admin/events/${event.id}/registrations`,
      }));
      if (!asked) return;
    }
    const failed: string[] = [];
    for (const id of input.ids) {
      try {
        await decideRegistration(
          event,
          id,
          input.decision,
          { reason: input.reason, actor: actorOf(req) },
          deps,
        );
      } catch (error) {
        if (input.ids.length === 1) throw error;
        failed.push(id);
      }
    }
    await flash(req, req.t('flash.decisions', { count: input.ids.length - failed.length }));
    res.redirect(
      303,
      `/admin/events/${event.id}/registrations${failed.length ? `?failed=${failed.length}` : ''}`,
    );
  });

  router.get(`${base}/settings`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const rules = await registrationRules(event);
    res.render('registrations/settings', {
      ...eventPage(event, req.language, req.t('registrations.settings')),
      event,
      rules,
      values: {},
      purgeableFrom: await purgeableFrom(event),
      isAdmin: req.user?.role === 'admin',
      purged: req.query['purged'] === '1',
    });
  });

  router.post(`${base}/purge`, ...requireRole('admin'), async (req, res) => {
    const event = await eventOf(req);
    const asked = await confirmedOrAsk(req, res, () => ({
      question: req.t('confirm.purge.question'),
      consequences: [req.t('confirm.purge.effect'), req.t('confirm.purge.kept')],
      confirm: req.t('confirm.purge.confirm'),
      back: `/admin/events/${event.id}/registrations/settings`,
    }));
    if (!asked) return;
    await purgePersonalData(event, actorOf(req), clock);
    res.redirect(303, `/admin/events/${event.id}/registrations/settings?purged=1`);
  });

  router.post(`${base}/settings`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const blank = (v: unknown) => (v === '' || v === undefined ? undefined : v);
    const locals = async () => ({
      ...eventPage(event, req.language, req.t('registrations.settings')),
      event,
      rules: await registrationRules(event),
      purgeableFrom: await purgeableFrom(event),
      isAdmin: req.user?.role === 'admin',
    });
    await handleForm(req, res, { view: 'registrations/settings', locals, values: body }, async () => {
      const form = parse(settingsForm, body) as Record<string, string | undefined>;
      const input = {
        retentionDays: blank(form['retentionDays']),
        opensOn: blank(form['opensOn']),
        closesOn: blank(form['closesOn']),
        capacity: blank(form['capacity']),
        categories: CATEGORIES.map((key) => ({
          key,
          capacity: blank(form[`capacity_${key}`]),
          approval: form[`approval_${key}`] === 'yes',
        })),
      };
      await changeRegistrationRules(event, parse(settingsInput, input), deps);
      await flash(req, req.t('flash.saved'));
      res.redirect(303, `/admin/events/${event.id}/registrations/settings`);
    });
  });

  // Passport data is for admins only (DESIGN.md §6): it never appears in lists or exports.
  router.get(`${base}/:id/passport`, ...requireRole('admin'), async (req, res) => {
    const event = await eventOf(req);
    const registration = await getRegistration(pathParam(req, 'id'));
    if (registration.eventId !== event.id) throw new NotFoundError();
    const passport = await PassportData.findById(registration.id).lean();
    res.render('registrations/passport', {
      ...eventPage(event, req.language, req.t('registrations.passport')),
      event,
      registration,
      passport: passport ?? undefined,
    });
  });

  return router;
}
