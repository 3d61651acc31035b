import { randomBytes } from 'node:crypto';
import { type Request, Router } from 'express';
import { countryName } from '../../shared/countries.js';
import { LinkNotFoundError } from '../../shared/errors.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { parse } from '../../shared/validate.js';
import { confirmedOrAsk } from '../../web/confirm.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm, withoutBlanks } from '../../web/forms.js';
import { pathParam } from '../../web/params.js';
import { getEvent, localized } from '../events/index.js';
import { openLink } from '../links/index.js';
import { focalActor, getDelegation, NOMINATION_LINK } from '../registrations/index.js';
import { withoutConfirmation } from '../../web/confirm.js';
import type { OutcomeDeps } from './adoption.js';
import { breakInput } from './silence.schemas.js';
import { breakSilence, isUnderSilence, settled, silenceOf } from './silence.service.js';
import { getOutcome, listOutcomes } from './outcome.service.js';
import { versionName } from './outcome.views.js';
import { itemsOf } from './paragraphs.service.js';
import {
  isObserverState,
  ownProposal,
  proposalsOf,
  propose,
  takeStance,
  withdrawProposal,
} from './proposals.service.js';
import { PROPOSAL_KINDS } from './round.model.js';
import { proposalInput, stanceInput } from './round.schemas.js';
import { isOpen, roundOf } from './round.service.js';

/** A fresh key for a proposal form: the same form sent twice is stored once. */
export const formKey = () => randomBytes(16).toString('base64url');

/** The choices of a proposal's form, in the reader's language. */
export const proposalChoices = (req: Request) => ({
  proposalKinds: PROPOSAL_KINDS.map((k) => ({ value: k, label: req.t(`outcome.proposalKinds.${k}`) })),
  proposalLanguages: LANGUAGES.map((l) => ({ value: l, label: req.t(`language.${l}`) })),
});

/**
 * The focal point's side of the negotiation, through the nomination link: the texts, every
 * delegation's proposals, and their own delegation's proposals, support and objections. The
 * delegation comes from the link, never from the form.
 */
export function outcomeFocalRoutes(deps: OutcomeDeps): Router {
  const { clock } = deps;
  const router = Router();
  const base = '/nominations/:token/outcome';
  const own = async (req: Request) => {
    const link = await openLink(pathParam(req, 'token'), NOMINATION_LINK, clock);
    const delegation = await getDelegation(link.subject).catch(() => {
      throw new LinkNotFoundError();
    });
    const event = await getEvent(delegation.eventId);
    const actor = focalActor(delegation);
    return { delegation, event, actor, token: pathParam(req, 'token') };
  };

  router.get(base, async (req, res) => {
    const { delegation, event, token } = await own(req);
    const outcomes = await listOutcomes(event.id);
    res.render('outcome/focal-list', {
      title: req.t('outcome.focal.title', { country: countryName(delegation.country, req.language) }),
      eventTitle: localized(event.title, req.language, event.languages),
      token,
      outcomes: outcomes.map((o) => ({ ...o, name: localized(o.title, req.language, event.languages) })),
    });
  });

  const page = async (req: Request) => {
    const { delegation, event, token } = await own(req);
    const outcome = await settled(event, await getOutcome(event.id, pathParam(req, 'outcomeId')), deps);
    const [items, proposals, round, silence] = await Promise.all([
      itemsOf(outcome),
      proposalsOf(outcome),
      roundOf(outcome),
      silenceOf(outcome),
    ]);
    const observer = isObserverState(event, delegation.country);
    return {
      title: localized(outcome.title, req.language, event.languages),
      eventTitle: localized(event.title, req.language, event.languages),
      event,
      token,
      outcome,
      delegation,
      version: versionName(req.t, outcome.currentVersion),
      round,
      open: isOpen(round, clock.now()),
      silence,
      underSilence: isUnderSilence(outcome, silence, clock.now()),
      mayPropose: !observer || Boolean(round?.observersMayPropose),
      items,
      paragraphs: items.filter((item) => item.kind !== 'section'),
      proposals: proposals.filter((p) => p.state !== 'withdrawn' || p.delegationId === delegation.id),
      country: (code: string) => countryName(code, req.language),
      ...proposalChoices(req),
      values: { language: req.language, key: formKey() },
    };
  };
  const pathOf = (req: Request) =>
    `/nominations/${pathParam(req, 'token')}/outcome/${pathParam(req, 'outcomeId')}`;

  router.get(`${base}/:outcomeId`, async (req, res) => {
    res.render('outcome/focal', await page(req));
  });

  router.post(`${base}/:outcomeId/proposals`, async (req, res) => {
    const { delegation, event, actor } = await own(req);
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    const body = formBody(req);
    await handleForm(req, res, { view: 'outcome/focal', locals: () => page(req), values: body }, async () => {
      const input = parse(proposalInput, withoutBlanks(body));
      const proposer = {
        delegation,
        observer: isObserverState(event, delegation.country),
        by: 'link' as const,
      };
      const { id } = await propose(event, outcome, proposer, input, actor, clock);
      await flash(req, req.t('outcome.flash.proposed'));
      res.redirect(303, `${pathOf(req)}#proposal-${id}`);
    });
  });

  router.post(`${base}/:outcomeId/proposals/:proposalId/stance`, async (req, res) => {
    const { delegation, event, actor } = await own(req);
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    await handleForm(req, res, { view: 'outcome/focal', locals: () => page(req) }, async () => {
      const { stance } = parse(stanceInput, formBody(req));
      const proposalId = pathParam(req, 'proposalId');
      await takeStance(event, outcome, delegation, proposalId, stance, actor, clock);
      await flash(req, req.t(`outcome.flash.stance.${stance}`));
      res.redirect(303, `${pathOf(req)}#proposal-${proposalId}`);
    });
  });

  router.post(`${base}/:outcomeId/proposals/:proposalId/withdraw`, async (req, res) => {
    const { delegation, event, actor } = await own(req);
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    await ownProposal(outcome, delegation.id, pathParam(req, 'proposalId'));
    await handleForm(req, res, { view: 'outcome/focal', locals: () => page(req) }, async () => {
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t('outcome.confirmWithdraw.question'),
        consequences: [req.t('outcome.confirmWithdraw.effect')],
        confirm: req.t('outcome.confirmWithdraw.confirm'),
        back: pathOf(req),
      }));
      if (!asked) return;
      await withdrawProposal(event, outcome, delegation, pathParam(req, 'proposalId'), actor, clock);
      await flash(req, req.t('outcome.flash.withdrawn'));
      res.redirect(303, pathOf(req));
    });
  });

  router.post(`${base}/:outcomeId/silence/break`, async (req, res) => {
    const { delegation, event, actor } = await own(req);
    const outcomeId = pathParam(req, 'outcomeId');
    await getOutcome(event.id, outcomeId);
    const body = formBody(req);
    const form = { view: 'outcome/focal', locals: () => page(req), values: body };
    await handleForm(req, res, form, async () => {
      const { reason } = parse(breakInput, withoutConfirmation(body));
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t('outcome.silence.confirmBreak.question'),
        consequences: [req.t('outcome.silence.confirmBreak.effect')],
        confirm: req.t('outcome.silence.confirmBreak.confirm'),
        back: pathOf(req),
      }));
      if (!asked) return;
      await breakSilence(event, outcomeId, delegation, reason, actor, deps);
      await flash(req, req.t('outcome.flash.silenceBroken'));
      res.redirect(303, `${pathOf(req)}#silence`);
    });
  });

  return router;
}
