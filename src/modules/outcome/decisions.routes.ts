import { type Request, Router } from 'express';
import type { Clock } from '../../shared/clock.js';
import { parse } from '../../shared/validate.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm, many } from '../../web/forms.js';
import { pathParam } from '../../web/params.js';
import { actorOf } from '../auth/index.js';
import { eventOf } from '../events/index.js';
import { acceptProposal, setParagraphStatus, writeCompromise } from './decisions.service.js';
import { compromiseInput, statusInput } from './outcome.schemas.js';

const PARAGRAPH = '/admin/events/:eventId/outcome/:outcomeId/paragraphs/:paragraphId';

/**
 * The facilitator's decisions on the version worked on: a paragraph's status, a proposal
 * accepted, a compromise text. `page` draws the paragraph's page again when a form has a mistake.
 */
export function decisionRoutes(
  clock: Clock,
  page: (req: Request) => Promise<Record<string, unknown>>,
): Router {
  const router = Router();
  const back = (req: Request, ref: string) =>
    `/admin/events/${pathParam(req, 'eventId')}/outcome/${pathParam(req, 'outcomeId')}/paragraphs/${ref}`;
  const form = (req: Request, values: Record<string, unknown>, key: string) => ({
    view: 'outcome/paragraph',
    locals: async () => ({ ...(await page(req)), [key]: values }),
  });

  router.post(`${PARAGRAPH}/status`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    await handleForm(req, res, form(req, body, 'statusValues'), async () => {
      const { status } = parse(statusInput, body);
      const ref = pathParam(req, 'paragraphId');
      const outcomeId = pathParam(req, 'outcomeId');
      const item = await setParagraphStatus(event, outcomeId, ref, status, actorOf(req), clock);
      const label = req.t(`outcome.paragraphStatuses.${status}`);
      await flash(req, req.t('outcome.flash.statusSet', { item: item.label, status: label }));
      res.redirect(303, back(req, ref));
    });
  });

  router.post(`${PARAGRAPH}/compromise`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    await handleForm(req, res, form(req, body, 'compromiseValues'), async () => {
      const input = parse(compromiseInput, { ...body, merges: many(body['merges']) });
      const ref = pathParam(req, 'paragraphId');
      const outcomeId = pathParam(req, 'outcomeId');
      const item = await writeCompromise(event, outcomeId, ref, input, actorOf(req), clock);
      await flash(req, req.t('outcome.flash.compromise', { item: item.label }));
      res.redirect(303, back(req, ref));
    });
  });

  router.post(`${PARAGRAPH}/accept/:proposalId`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    await handleForm(req, res, form(req, {}, 'statusValues'), async () => {
      const outcomeId = pathParam(req, 'outcomeId');
      const ref = pathParam(req, 'paragraphId');
      const proposalId = pathParam(req, 'proposalId');
      const item = await acceptProposal(event, outcomeId, ref, proposalId, actorOf(req), clock);
      await flash(req, req.t('outcome.flash.accepted', { item: item.label }));
      res.redirect(303, `/admin/events/${event.id}/outcome/${outcomeId}#p-${item.ref}`);
    });
  });

  return router;
}
