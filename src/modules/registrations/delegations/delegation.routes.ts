import { compareKeys } from '../../../shared/name-order.js';
import { type Request, type Response, Router } from 'express';
import type { RegistrationDeps } from '../registration.service.js';
import { countryName } from '../../../shared/countries.js';
import { ForbiddenError, LinkNotFoundError, NotFoundError } from '../../../shared/errors.js';
import { parse } from '../../../shared/validate.js';
import { confirmedOrAsk } from '../../../web/confirm.js';
import { formBody, handleForm, withoutBlanks } from '../../../web/forms.js';
import { singleUpload } from '../../../web/body.js';
import { pathParam } from '../../../web/params.js';
import { actorOf, requireUser } from '../../auth/index.js';
import { contactsOfCountries } from '../../contacts/index.js';
import { eventPage, eventOf, eventWithPermissions, getEvent, localized } from '../../events/index.js';
import { openLink } from '../../links/index.js';
import { displayName, getPerson } from '../../people/index.js';
import { peopleOf } from '../lists/listing.js';
import { getRegistration } from '../registration.service.js';
import { nominationInvitationInput, nomineeInput } from './delegation.schemas.js';
import {
  NOMINATION_LINK,
  delegationsOf,
  getDelegation,
  inviteNomination,
  membersOf,
  nominate,
  officialNote,
  saveOfficialNote,
  withdrawNominee,
} from './delegation.service.js';

/** Organizers invite focal points to nominate; focal points nominate through their private link. */
export function delegationRoutes(deps: RegistrationDeps): Router {
  const { clock } = deps;
  const router = Router();
  const base = '/admin/events/:eventId/delegations';
  router.use(base, requireUser);

  const adminPage = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    const delegations = await delegationsOf(event.id);
    const contacts = (await contactsOfCountries(event.countries)).filter((c) => c.email);
    return {
      ...eventPage(event, req.language, req.t('delegations.title')),
      event,
      delegations: await Promise.all(
        delegations.map(async (d) => ({
          ...d,
          members: (await membersOf(d.id)).filter((m) => m.status !== 'cancelled').length,
        })),
      ),
      countries: event.countries.map((code) => ({ code, name: countryName(code, req.language) })),
      // Focal points to invite: only for those who may invite.
      contacts: can.edit ? contacts : [],
      canEdit: can.edit,
      values: {},
    };
  };

  router.get(base, async (req, res) => {
    res.render('delegations/admin', await adminPage(req));
  });

  router.post(base, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'delegations/admin', locals: () => adminPage(req), values: body },
      async () => {
        await inviteNomination(event, parse(nominationInvitationInput, body), actorOf(req), deps);
        res.redirect(303, `/admin/events/${event.id}/delegations`);
      },
    );
  });

  // The official note is a credentials paper: for the event's team and admins.
  router.get(`${base}/:delegationId/note`, async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    if (!can.contactDetails) throw new ForbiddenError();
    const delegation = await getDelegation(pathParam(req, 'delegationId'));
    if (delegation.eventId !== event.id) throw new LinkNotFoundError();
    sendNote(res, await officialNote(delegation.id));
  });

  // The focal point's side: every route resolves the delegation from the link, never from input.
  const own = async (req: Request) => {
    const link = await openLink(pathParam(req, 'token'), NOMINATION_LINK, clock);
    const delegation = await getDelegation(link.subject).catch(() => {
      throw new LinkNotFoundError();
    });
    return { delegation, event: await getEvent(delegation.eventId) };
  };

  const focalPage = async (req: Request) => {
    const { delegation, event } = await own(req);
    const members = (await membersOf(delegation.id)).filter((m) => m.status !== 'cancelled');
    const people = await peopleOf(members);
    return {
      ...eventPage(
        event,
        req.language,
        req.t('delegations.focalTitle', { country: countryName(delegation.country, req.language) }),
      ),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      delegation,
      members: members
        .map((m) => ({ registration: m, person: people.get(m.personId) }))
        .sort((a, b) => compareKeys(a.person?.sortKey ?? '', b.person?.sortKey ?? '')),
      token: pathParam(req, 'token'),
      values: {},
    };
  };

  router.get('/nominations/:token', async (req, res) => {
    res.render('delegations/focal', await focalPage(req));
  });

  router.post('/nominations/:token/members', async (req, res) => {
    const { delegation, event } = await own(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'delegations/focal', locals: () => focalPage(req), values: body },
      async () => {
        await nominate(event, delegation, parse(nomineeInput, withoutBlanks(body)), deps);
        res.redirect(303, `/nominations/${pathParam(req, 'token')}`);
      },
    );
  });

  router.post('/nominations/:token/members/:registrationId/withdraw', async (req, res) => {
    const { delegation, event } = await own(req);
    const registration = await getRegistration(pathParam(req, 'registrationId'));
    if (registration.delegationId !== delegation.id) throw new NotFoundError();
    const person = await getPerson(registration.personId);
    const asked = await confirmedOrAsk(req, res, () => ({
      question: req.t('confirm.withdrawNominee.question', { name: displayName(person) }),
      consequences: [req.t('confirm.withdrawNominee.effect'), req.t('confirm.withdrawNominee.mail')],
      confirm: req.t('confirm.withdrawNominee.confirm'),
      back: `/nominations/${pathParam(req, 'token')}`,
    }));
    if (!asked) return;
    await withdrawNominee(event, delegation, pathParam(req, 'registrationId'), deps);
    res.redirect(303, `/nominations/${pathParam(req, 'token')}`);
  });

  router.post('/nominations/:token/note', singleUpload('note'), async (req, res) => {
    const { delegation } = await own(req);
    await handleForm(req, res, { view: 'delegations/focal', locals: () => focalPage(req) }, async () => {
      await saveOfficialNote(delegation, req.file, clock);
      res.redirect(303, `/nominations/${pathParam(req, 'token')}`);
    });
  });

  router.get('/nominations/:token/note', async (req, res) => {
    const { delegation } = await own(req);
    sendNote(res, await officialNote(delegation.id));
  });

  return router;
}

function sendNote(res: Response, note: { content: Buffer; fileName: string }) {
  res
    .type('application/pdf')
    .set('Content-Disposition', `attachment; filename="${encodeURIComponent(note.fileName)}"`)
    .set('Content-Security-Policy', "default-src 'none'; sandbox")
    .send(note.content);
}
