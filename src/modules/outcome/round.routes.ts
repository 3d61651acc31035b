import { type Request, Router } from 'express';
import { ValidationError } from '../../shared/errors.js';
import { parse } from '../../shared/validate.js';
import { confirmedOrAsk } from '../../web/confirm.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm, withoutBlanks } from '../../web/forms.js';
import { pathParam } from '../../web/params.js';
import { actorOf } from '../auth/index.js';
import { eventOf } from '../events/index.js';
import { delegationsOf } from '../registrations/index.js';
import { getOutcome } from './outcome.service.js';
import { isObserverState, propose } from './proposals.service.js';
import { oralProposalInput, revisionInput, roundInput } from './round.schemas.js';
import { closeRound, openRound } from './round.service.js';
import { issueRevision } from './revision.service.js';
import type { OutcomeDeps } from './adoption.js';

const OUTCOME = '/admin/events/:eventId/outcome/:outcomeId';

/**
 * The team's side of a round: opening it with a deadline, closing it, and entering the proposals
 * made orally in the room. `showPage` draws the document's page again when a form has a mistake.
 */
export function roundRoutes(
  deps: OutcomeDeps,
  showPage: (req: Request) => Promise<Record<string, unknown>>,
): Router {
  const router = Router();
  const { clock } = deps;
  const back = (req: Request) =>
    `/admin/events/${pathParam(req, 'eventId')}/outcome/${pathParam(req, 'outcomeId')}`;
  const form = (req: Request, values: Record<string, unknown>, key: string) => ({
    view: 'outcome/show',
    locals: async () => ({ ...(await showPage(req)), [key]: values }),
  });

  router.post(`${OUTCOME}/round`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    await handleForm(req, res, form(req, body, 'roundValues'), async () => {
      await openRound(event, pathParam(req, 'outcomeId'), parse(roundInput, body), actorOf(req), clock, deps);
      await flash(req, req.t('outcome.flash.roundOpened'));
      res.redirect(303, back(req));
    });
  });

  router.post(`${OUTCOME}/round/close`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    await handleForm(req, res, form(req, {}, 'roundValues'), async () => {
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t('outcome.confirmClose.question'),
        consequences: [req.t('outcome.confirmClose.effect')],
        confirm: req.t('outcome.confirmClose.confirm'),
        back: back(req),
      }));
      if (!asked) return;
      await closeRound(event, pathParam(req, 'outcomeId'), actorOf(req), clock);
      await flash(req, req.t('outcome.flash.roundClosed'));
      res.redirect(303, back(req));
    });
  });

  router.post(`${OUTCOME}/revision`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    // As stored: a revision another organizer is issuing right now is not this one's to ask for.
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'), { finishRevision: false });
    const { version: expected = outcome.currentVersion + 1 } = parse(revisionInput, {
      version: formBody(req)['version'],
    });
    const next = { version: `Rev.${expected}` };
    await handleForm(req, res, form(req, {}, 'roundValues'), async () => {
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t('outcome.confirmRevision.question', next),
        consequences: [req.t('outcome.confirmRevision.effect')],
        confirm: req.t('outcome.confirmRevision.confirm'),
        back: back(req),
      }));
      if (!asked) return;
      const version = await issueRevision(event, outcome.id, actorOf(req), clock, { expected, mail: deps });
      await flash(req, req.t('outcome.flash.revisionIssued', { version: `Rev.${version}` }));
      res.redirect(303, back(req));
    });
  });

  router.post(`${OUTCOME}/proposals`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const outcome = await getOutcome(event.id, pathParam(req, 'outcomeId'));
    const body = formBody(req);
    await handleForm(req, res, form(req, body, 'proposalValues'), async () => {
      const input = parse(oralProposalInput, withoutBlanks(body));
      const { delegationId, observerName, ...proposal } = input;
      const delegation = delegationId
        ? (await delegationsOf(event.id)).find((d) => d.id === delegationId)
        : undefined;
      if (delegationId && !delegation) throw invalidDelegation();
      const proposer = {
        delegation,
        observerName,
        observer: delegation ? isObserverState(event, delegation.country) : true,
        by: 'team' as const,
      };
      const { id } = await propose(event, outcome, proposer, proposal, actorOf(req), clock);
      await flash(req, req.t('outcome.flash.proposed'));
      res.redirect(303, `${back(req)}#proposal-${id}`);
    });
  });

  return router;
}

const invalidDelegation = () => new ValidationError([{ field: 'delegationId', code: 'invalid_choice' }]);
