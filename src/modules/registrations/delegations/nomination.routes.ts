import { type Request, type Response, Router } from 'express';
import { countryName } from '../../../shared/countries.js';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { ConflictError, NotFoundError } from '../../../shared/errors.js';
import { parse } from '../../../shared/validate.js';
import { singleUpload } from '../../../web/body.js';
import { confirmedOrAsk } from '../../../web/confirm.js';
import { formBody, handleForm, withoutBlanks } from '../../../web/forms.js';
import { pathParam, queryOf } from '../../../web/params.js';
import { localized } from '../../events/index.js';
import { displayName, getPerson } from '../../people/index.js';
import { registrationRules } from '../places/settings.service.js';
import { DELEGATION_ROLES } from '../registration.model.js';
import { getRegistration, type RegistrationDeps } from '../registration.service.js';
import { nomineeInput } from './delegation.schemas.js';
import { nominationDigest } from './nomination.mail.js';
import {
  nominate,
  nominationMembers,
  officialNote,
  saveOfficialNote,
  submitNomination,
  withdrawNominee,
} from './nomination.service.js';
import { delegationOfLink } from './nomination-link.js';

/** What a notice after a step may say (`?done=`). */
const FOCAL_STEPS = new Set(['added', 'withdrawn', 'note', 'sent', 'unchanged']);

/**
 * The focal point's side, through their private link: the deadline and the quota, the members
 * with their roles, naming and withdrawing, the official note, and sending the nomination. Each
 * step says on the page what it did. Every route resolves the delegation from the link, never
 * from input.
 */
export function nominationRoutes(deps: RegistrationDeps): Router {
  const { clock } = deps;
  const router = Router();
  const pageOf = (req: Request, query = '') => `/nominations/${pathParam(req, 'token')}${query}`;

  const own = (req: Request) => delegationOfLink(pathParam(req, 'token'), clock);

  const focalPage = async (req: Request) => {
    const { delegation, event } = await own(req);
    const members = await nominationMembers(delegation);
    const rules = await registrationRules(event);
    const query = queryOf(req);
    const done = FOCAL_STEPS.has(String(query['done'])) ? String(query['done']) : undefined;
    const added = done === 'added' ? members.find((m) => m.registration.id === query['member']) : undefined;
    return {
      title: req.t('delegations.focalTitle', { country: countryName(delegation.country, req.language) }),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      delegation,
      members,
      closesAt: rules.closesAt,
      full: members.length >= delegation.quota,
      hasHead: members.some((m) => m.registration.delegationRole === 'head'),
      changedSince:
        delegation.submittedAt !== undefined &&
        nominationDigest(delegation, members) !== delegation.submittedDigest,
      roles: DELEGATION_ROLES,
      languages: LANGUAGES,
      token: pathParam(req, 'token'),
      done: done === 'added' && !added ? undefined : done,
      added,
      bilaterals: deps.delegationBilaterals
        ? await deps.delegationBilaterals(event, delegation.id, req.language)
        : undefined,
      values: { role: 'member', language: req.language },
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
        const registration = await nominate(
          event,
          delegation,
          parse(nomineeInput, withoutBlanks(body)),
          deps,
        );
        res.redirect(303, pageOf(req, `?done=added&member=${registration.id}`));
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
      back: pageOf(req),
    }));
    if (!asked) return;
    await withdrawNominee(event, delegation, registration.id, deps);
    res.redirect(303, pageOf(req, '?done=withdrawn'));
  });

  router.post('/nominations/:token/note', singleUpload('note'), async (req, res) => {
    const { delegation } = await own(req);
    await handleForm(req, res, { view: 'delegations/focal', locals: () => focalPage(req) }, async () => {
      await saveOfficialNote(delegation, req.file, clock);
      res.redirect(303, pageOf(req, '?done=note'));
    });
  });

  router.get('/nominations/:token/note', async (req, res) => {
    const { delegation } = await own(req);
    sendNote(res, await officialNote(delegation.id));
  });

  // The last step: said first (what goes to whom, what is missing), then sent once.
  router.post('/nominations/:token/send', async (req, res) => {
    const { delegation, event } = await own(req);
    await handleForm(req, res, { view: 'delegations/focal', locals: () => focalPage(req) }, async () => {
      const members = await nominationMembers(delegation);
      if (members.length === 0) throw new ConflictError('NOMINATION_EMPTY');
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t('confirm.sendNomination.question', {
          country: countryName(delegation.country, req.language),
        }),
        consequences: [
          req.t('confirm.sendNomination.effect', { count: members.length, quota: delegation.quota }),
          ...(members.some((m) => m.registration.delegationRole === 'head')
            ? []
            : [req.t('confirm.sendNomination.noHead')]),
          ...(delegation.note ? [] : [req.t('confirm.sendNomination.noNote')]),
        ],
        confirm: req.t('confirm.sendNomination.confirm'),
        back: pageOf(req),
      }));
      if (!asked) return;
      const language = req.language;
      const focalUrl = `${deps.settings.publicUrl}${pageOf(req)}?lang=${language}`;
      const outcome = await submitNomination(event, delegation, focalUrl, deps);
      res.redirect(303, pageOf(req, `?done=${outcome}`));
    });
  });

  return router;
}

export function sendNote(res: Response, note: { content: Buffer; fileName: string }) {
  res
    .type('application/pdf')
    .set('Content-Disposition', `attachment; filename="${encodeURIComponent(note.fileName)}"`)
    .set('Content-Security-Policy', "default-src 'none'; sandbox")
    .send(note.content);
}
