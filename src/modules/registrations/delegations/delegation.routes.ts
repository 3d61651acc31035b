import { type Request, Router } from 'express';
import type { RegistrationDeps } from '../registration.service.js';
import { countriesByName, countryName } from '../../../shared/countries.js';
import { absentIfNotFound, ForbiddenError } from '../../../shared/errors.js';
import { parse } from '../../../shared/validate.js';
import { confirmedOrAsk, withoutConfirmation } from '../../../web/confirm.js';
import { formBody, handleForm } from '../../../web/forms.js';
import { pathParam, queryOf } from '../../../web/params.js';
import { addressLimit } from '../../../web/rate-limit.js';
import { actorOf, requireUser } from '../../auth/index.js';
import { contactsOfCountries, getContact, type ContactView } from '../../contacts/index.js';
import { eventPage, eventWithPermissions, historyLines, type EventView } from '../../events/index.js';
import { nominationInvitationInput, quotaInput, resendInput } from './delegation.schemas.js';
import {
  changeQuota,
  delegationOfEvent,
  delegationsOf,
  inviteNomination,
  resendNomination,
  type DelegationView,
} from './delegation.service.js';
import { nominationDigest, type NominationMember } from './nomination.mail.js';
import { nominationMembers, officialNote } from './nomination.service.js';
import { nominationRoutes, sendNote } from './nomination.routes.js';

/** What a notice after a step may say (`?done=`), so a page never prints what the query holds. */
const ADMIN_STEPS = new Set(['invited', 'resent', 'alreadyResent', 'quota']);

/**
 * The organizers' side of delegations: every participating country and where its delegation
 * stands, the invitation to nominate, and each delegation's own page (members, official note,
 * history, a resend of the link, the quota). The focal points' side is nomination.routes.ts.
 */
export function delegationRoutes(deps: RegistrationDeps): Router {
  const router = Router();
  const base = '/admin/events/:eventId/delegations';
  router.use(base, requireUser);
  // A resend mails someone outside Foro: a few per delegation and hour, whoever asks, in every process.
  const resends = addressLimit(deps.clock, {
    name: 'nomination-resend',
    windowMs: 60 * 60_000,
    limit: 3,
    key: (req) => pathParam(req, 'delegationId'),
  });

  /** The focal points the invitation form offers: of one country, or of all grouped by country. */
  const contactChoices = (req: Request, event: EventView, contacts: ContactView[], country: unknown) => {
    const names = new Intl.Collator(req.language, { sensitivity: 'base' });
    const option = (c: ContactView) => ({
      value: c.id,
      label: `${c.name} (${req.t(`contacts.types.${c.type}`)})`,
    });
    const of = (code: string) =>
      contacts
        .filter((c) => c.country === code)
        .sort((a, b) => names.compare(a.name, b.name))
        .map(option);
    if (typeof country === 'string' && event.countries.includes(country))
      return { chosen: country, options: of(country), groups: [] };
    return {
      chosen: undefined,
      options: [],
      groups: countriesByName(req.language, event.countries)
        .map((c) => ({ label: c.name, options: of(c.code) }))
        .filter((g) => g.options.length > 0),
    };
  };

  const listPage = async (req: Request, values: Record<string, unknown>) => {
    const { event, can } = await eventWithPermissions(req);
    const delegations = await delegationsOf(event.id);
    const contacts = can.edit ? (await contactsOfCountries(event.countries)).filter((c) => c.email) : [];
    const rows = await Promise.all(
      countriesByName(req.language, event.countries).map(async ({ code, name }) => {
        const delegation = delegations.find((d) => d.country === code);
        const contact = delegation && (await getContact(delegation.contactId).catch(absentIfNotFound));
        const members = delegation ? (await nominationMembers(delegation)).length : 0;
        return { code, name, delegation, contact, members };
      }),
    );
    const query = queryOf(req);
    return {
      ...eventPage(event, req.language, req.t('delegations.title')),
      event,
      rows,
      countries: countriesByName(req.language, event.countries),
      choices: contactChoices(req, event, contacts, values['country'] ?? query['country']),
      hasContacts: contacts.length > 0,
      canEdit: can.edit,
      done: ADMIN_STEPS.has(String(query['done'])) ? String(query['done']) : undefined,
      values,
    };
  };

  router.get(base, async (req, res) => {
    const query = queryOf(req);
    res.render(
      'delegations/admin',
      await listPage(req, query['country'] ? { country: query['country'] } : {}),
    );
  });

  router.post(base, async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    if (!can.edit) throw new ForbiddenError();
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'delegations/admin', locals: () => listPage(req, body), values: body },
      async () => {
        const input = parse(nominationInvitationInput, body);
        const delegation = await inviteNomination(event, input, actorOf(req), deps);
        res.redirect(303, `/admin/events/${event.id}/delegations/${delegation.id}?done=invited`);
      },
    );
  });

  const ownDelegation = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    return { event, can, delegation: await delegationOfEvent(event.id, pathParam(req, 'delegationId')) };
  };

  const delegationPage = async (req: Request) => {
    const { event, can, delegation } = await ownDelegation(req);
    const contact = await getContact(delegation.contactId).catch(absentIfNotFound);
    const members = await nominationMembers(delegation);
    const query = queryOf(req);
    return {
      title: req.t('delegations.focalTitle', { country: countryName(delegation.country, req.language) }),
      event,
      delegation,
      contact,
      members,
      // Addresses of the people and the focal point, and the official note: the team's and admins'.
      contactDetails: can.contactDetails,
      canEdit: can.edit,
      changedSince: delegation.submittedAt !== undefined && changed(delegation, members),
      history: await historyLines(req, { type: 'delegation', id: delegation.id }, can, { event }),
      historyZone: event.timezone,
      done: ADMIN_STEPS.has(String(query['done'])) ? String(query['done']) : undefined,
      values: { quota: delegation.quota },
    };
  };

  router.get(`${base}/:delegationId`, async (req, res) => {
    res.render('delegations/delegation', await delegationPage(req));
  });

  router.post(`${base}/:delegationId/resend`, resends, async (req, res) => {
    const { event, can, delegation } = await ownDelegation(req);
    if (!can.edit) throw new ForbiddenError();
    const { shown } = parse(resendInput, formBody(req));
    const outcome = await resendNomination(event, delegation, shown, actorOf(req), deps);
    res.redirect(
      303,
      `/admin/events/${event.id}/delegations/${delegation.id}?done=${outcome === 'sent' ? 'resent' : 'alreadyResent'}`,
    );
  });

  router.post(`${base}/:delegationId/quota`, async (req, res) => {
    const { event, can, delegation } = await ownDelegation(req);
    if (!can.edit) throw new ForbiddenError();
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'delegations/delegation', locals: () => delegationPage(req), values: body },
      async () => {
        const { quota } = parse(quotaInput, withoutConfirmation(body));
        const named = (await nominationMembers(delegation)).length;
        if (quota < named) {
          // Lower than those named: nobody is removed, which the organizer should know first.
          const country = countryName(delegation.country, req.language);
          const asked = await confirmedOrAsk(req, res, () => ({
            question: req.t('confirm.lowerQuota.question', { country, quota }),
            consequences: [req.t('confirm.lowerQuota.effect', { named, quota })],
            confirm: req.t('confirm.lowerQuota.confirm'),
            back: `/admin/events/${event.id}/delegations/${delegation.id}`,
          }));
          if (!asked) return;
        }
        await changeQuota(event, delegation, quota, actorOf(req), deps);
        res.redirect(303, `/admin/events/${event.id}/delegations/${delegation.id}?done=quota`);
      },
    );
  });

  // The official note is a credentials paper: for the event's team and admins.
  router.get(`${base}/:delegationId/note`, async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    if (!can.contactDetails) throw new ForbiddenError();
    const delegation = await delegationOfEvent(event.id, pathParam(req, 'delegationId'));
    sendNote(res, await officialNote(delegation.id));
  });

  router.use(nominationRoutes(deps));
  return router;
}

/** Whether the delegation differs from what its focal point last sent. */
function changed(delegation: DelegationView, members: NominationMember[]) {
  return nominationDigest(delegation, members) !== delegation.submittedDigest;
}
