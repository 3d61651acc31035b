import { type Request, type Response, Router } from 'express';
import { ForbiddenError, ValidationError } from '../../shared/errors.js';
import { parse } from '../../shared/validate.js';
import { formatDay } from '../../shared/zoned-time.js';
import { confirmedOrAsk, withoutConfirmation } from '../../web/confirm.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm, withoutBlanks } from '../../web/forms.js';
import { pathParam, queryOf } from '../../web/params.js';
import { actorOf, requireUser } from '../auth/index.js';
import { eventPage, eventWithPermissions, historyLines, localized, type EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { getCall, offerSideEventSlots, removeSideEventSlot, saveCallSettings } from './call.service.js';
import { PROPOSAL_STATES, type ProposalState } from './proposal.model.js';
import { proposalCounts, proposalNumbered, proposalsPage } from './proposal.list.js';
import { checksOf, checksOfMany, getProposal, LIVE_STATES, proposalById } from './proposal.service.js';
import {
  acceptProposal,
  canAccept,
  canMove,
  commentOnProposal,
  commentsOf,
  decideProposal,
  freeSlots,
  heldSlots,
  mergeProposals,
  nextFreeSideEventSlots,
} from './review.service.js';
import {
  acceptInput,
  callSettingsInput,
  commentInput,
  mergeByNumberInput,
  mergeInput,
  REVIEW_STATES,
  reviewStateInput,
  slotRangeInput,
} from './side-events.schemas.js';
import { slotLabel } from './slots.js';

/** Proposals a page of the list shows. */
export const PROPOSALS_PAGE = 50;

/**
 * The team's side of the call: its settings and slots, the proposals with their rule checks,
 * and each proposal's page (comments, decisions, accepting into a slot, merging).
 */
export function sideEventReviewRoutes(deps: MailDeps): Router {
  const { clock } = deps;
  const router = Router();
  const base = '/admin/events/:eventId/side-events';
  router.use(base, requireUser);

  const editable = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    if (!can.edit) throw new ForbiddenError();
    return event;
  };
  const dayIn = (req: Request) => (date: string) => formatDay(date, req.language);

  const settingsPage = async (req: Request, values?: Record<string, unknown>) => {
    const { event, can } = await eventWithPermissions(req);
    const call = await getCall(event);
    const held = await heldSlots(event.id);
    return {
      ...eventPage(event, req.language, req.t('sideEvents.settingsTitle')),
      event,
      call,
      canEdit: can.edit,
      slots: (call?.slots ?? []).map((s) => ({
        ...s,
        label: slotLabel(s, event, dayIn(req)),
        held: held.has(s.id),
      })),
      values: values ?? {
        opensOn: call?.opensOn,
        closesOn: call?.closesOn,
        memberStateOrganizer: call?.rules.memberStateOrganizer ? 'yes' : undefined,
        maxPerOrganization: call?.rules.maxPerOrganization,
      },
      slotValues: {},
    };
  };

  router.get(`${base}/settings`, async (req, res) => {
    res.render('side-events/settings', await settingsPage(req));
  });

  router.post(`${base}/settings`, async (req, res) => {
    const event = await editable(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'side-events/settings', locals: () => settingsPage(req, body), values: body },
      async () => {
        await saveCallSettings(event, parse(callSettingsInput, withoutBlanks(body)), actorOf(req), clock);
        await flash(req, req.t('sideEvents.flash.settingsSaved'));
        res.redirect(303, `/admin/events/${event.id}/side-events/settings`);
      },
    );
  });

  router.post(`${base}/slots`, async (req, res) => {
    const event = await editable(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      {
        view: 'side-events/settings',
        locals: async () => ({ ...(await settingsPage(req)), slotValues: body }),
        values: body,
      },
      async () => {
        const added = await offerSideEventSlots(
          event,
          parse(slotRangeInput, withoutBlanks(body)),
          actorOf(req),
          clock,
        );
        await flash(req, req.t('sideEvents.flash.slotsAdded', { count: added.length }));
        res.redirect(303, `/admin/events/${event.id}/side-events/settings#slots`);
      },
    );
  });

  router.post(`${base}/slots/:slotId/delete`, async (req, res) => {
    const event = await editable(req);
    await handleForm(
      req,
      res,
      { view: 'side-events/settings', locals: () => settingsPage(req) },
      async () => {
        await removeSideEventSlot(event, pathParam(req, 'slotId'), actorOf(req), clock);
        await flash(req, req.t('sideEvents.flash.slotRemoved'));
        res.redirect(303, `/admin/events/${event.id}/side-events/settings#slots`);
      },
    );
  });

  router.get(base, async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    const query = queryOf(req);
    const state = PROPOSAL_STATES.includes(query['state'] as ProposalState)
      ? (query['state'] as ProposalState)
      : undefined;
    const cursor = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
    const call = await getCall(event);
    const page = await proposalsPage(event.id, {
      state,
      size: PROPOSALS_PAGE,
      after: cursor('after'),
      before: cursor('before'),
    });
    const checks = await checksOfMany(event, call, page.rows);
    res.render('side-events/list', {
      ...eventPage(event, req.language, req.t('sideEvents.listTitle')),
      event,
      call,
      rows: page.rows.map((p) => ({
        proposal: p,
        title: localized(p.title, req.language, event.languages),
        failed: (checks.get(p.id) ?? []).filter((c) => !c.ok),
      })),
      states: PROPOSAL_STATES,
      counts: await proposalCounts(event.id),
      state,
      page: { previous: page.previous, next: page.next },
      canEdit: can.edit,
    });
  });

  const proposalPage = async (req: Request, wanted?: string) => {
    const { event, can } = await eventWithPermissions(req);
    const proposal = await getProposal(event.id, pathParam(req, 'proposalId'));
    const call = await getCall(event);
    const { all: slots, taken } = await freeSlots(event.id);
    const label = (id: string | undefined) => {
      const slot = slots.find((s) => s.id === id);
      return slot ? slotLabel(slot, event, dayIn(req)) : undefined;
    };
    const title = (p: { title: typeof proposal.title }) => localized(p.title, req.language, event.languages);
    return {
      ...eventPage(event, req.language, `#${proposal.number} ${title(proposal)}`),
      event,
      proposal,
      checks: await checksOf(event, call, proposal),
      comments: (await commentsOf(proposal.id)).map((c) => ({ ...c, by: can.accountAddresses ? c.by : '' })),
      preferred: proposal.preferredSlots.map((id) => ({ id, label: label(id), free: !taken.has(id) })),
      slotText: label(proposal.slotId),
      offeredText: label(proposal.offeredSlotId),
      freeSlots: slots.filter((s) => !taken.has(s.id)).map((s) => ({ value: s.id, label: label(s.id) })),
      nextFree: wanted
        ? (await nextFreeSideEventSlots(event.id, wanted)).map((s) => ({ id: s.id, label: label(s.id) }))
        : [],
      moves: REVIEW_STATES.filter((s) => canMove(proposal.state, s)),
      acceptable: canAccept(proposal.state),
      mergeable: canAccept(proposal.state),
      // The proposals it names, read by `_id`: never the whole call.
      mergedInto: proposal.mergedInto
        ? await proposalById(proposal.mergedInto).catch(() => undefined)
        : undefined,
      mergedFrom: await Promise.all(proposal.mergedFrom.map((id) => proposalById(id))),
      live: LIVE_STATES.includes(proposal.state),
      history: await historyLines(req, { type: 'side-event', id: proposal.id }, can, { event }),
      canEdit: can.edit,
      contactDetails: can.contactDetails,
      values: {},
    };
  };

  /** The proposal a merge names: by its number (the form) or its id. */
  const mergedProposal = async (event: EventView, body: Record<string, unknown>) => {
    if (body['otherNumber'] === undefined)
      return getProposal(event.id, parse(mergeInput, body).otherId).catch(() => {
        throw new ValidationError([{ field: 'otherId', code: 'unknown_reference' }]);
      });
    const found = await proposalNumbered(event.id, parse(mergeByNumberInput, body).otherNumber);
    if (!found) throw new ValidationError([{ field: 'otherNumber', code: 'unknown_reference' }]);
    return found;
  };

  const proposalUrl = (event: EventView, req: Request) =>
    `/admin/events/${event.id}/side-events/${pathParam(req, 'proposalId')}`;

  /**
   * A decision that cannot simply be undone is asked about first on a page of its own (the
   * texts under `key`: question, each consequence, confirm); true when it may go ahead.
   */
  const askedFirst = (
    req: Request,
    res: Response,
    event: EventView,
    key: string,
    consequences: string[],
    params: Record<string, string | number> = {},
  ) =>
    confirmedOrAsk(req, res, () => ({
      question: req.t(`${key}.question`, params),
      consequences: consequences.map((c) => req.t(`${key}.${c}`)),
      confirm: req.t(`${key}.confirm`),
      back: proposalUrl(event, req),
    }));

  /** After a change on a proposal: its message, and back to its page (POST/redirect/GET). */
  const backToProposal = async (
    req: Request,
    res: Response,
    event: EventView,
    message: string,
    hash = '',
  ) => {
    await flash(req, req.t(message));
    res.redirect(303, `${proposalUrl(event, req)}${hash}`);
  };

  router.get(`${base}/:proposalId`, async (req, res) => {
    res.render('side-events/proposal', await proposalPage(req));
  });

  router.post(`${base}/:proposalId/accept`, async (req, res) => {
    const event = await editable(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      {
        view: 'side-events/proposal',
        locals: () => proposalPage(req, typeof body['slotId'] === 'string' ? body['slotId'] : undefined),
        values: body,
      },
      async () => {
        const { slotId } = parse(acceptInput, body);
        await acceptProposal(event, pathParam(req, 'proposalId'), slotId, actorOf(req), deps);
        await backToProposal(req, res, event, 'sideEvents.flash.accepted');
      },
    );
  });

  router.post(`${base}/:proposalId/state`, async (req, res) => {
    const event = await editable(req);
    const body = withoutConfirmation(formBody(req));
    await handleForm(
      req,
      res,
      { view: 'side-events/proposal', locals: () => proposalPage(req), values: body },
      async () => {
        const input = parse(reviewStateInput, withoutBlanks(body));
        if (input.state === 'rejected' || input.state === 'withdrawn') {
          const key = `sideEvents.confirmState.${input.state}`;
          if (!(await askedFirst(req, res, event, key, ['effect']))) return;
        }
        await decideProposal(event, pathParam(req, 'proposalId'), input.state, input, actorOf(req), deps);
        await backToProposal(req, res, event, `sideEvents.flash.state.${input.state}`);
      },
    );
  });

  router.post(`${base}/:proposalId/comments`, async (req, res) => {
    const event = await editable(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'side-events/proposal', locals: () => proposalPage(req), values: body },
      async () => {
        await commentOnProposal(
          event,
          pathParam(req, 'proposalId'),
          parse(commentInput, body).text,
          actorOf(req),
          clock,
        );
        await backToProposal(req, res, event, 'sideEvents.flash.commented', '#comments');
      },
    );
  });

  router.post(`${base}/:proposalId/merge`, async (req, res) => {
    const event = await editable(req);
    const body = withoutConfirmation(formBody(req));
    await handleForm(
      req,
      res,
      { view: 'side-events/proposal', locals: () => proposalPage(req), values: body },
      async () => {
        const other = await mergedProposal(event, body);
        const params = { number: other.number };
        if (!(await askedFirst(req, res, event, 'sideEvents.confirmMerge', ['effect', 'mail'], params)))
          return;
        await mergeProposals(event, pathParam(req, 'proposalId'), other.id, actorOf(req), deps);
        await backToProposal(req, res, event, 'sideEvents.flash.merged');
      },
    );
  });

  return router;
}
