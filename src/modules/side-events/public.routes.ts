import { type Request, Router } from 'express';
import type { Config } from '../../config/index.js';
import { countriesByName } from '../../shared/countries.js';
import { LinkNotFoundError } from '../../shared/errors.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { parse } from '../../shared/validate.js';
import { confirmedOrAsk } from '../../web/confirm.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm } from '../../web/forms.js';
import { pathParam } from '../../web/params.js';
import { addressLimit } from '../../web/rate-limit.js';
import { eventPage, getEvent, getPublicEvent, localized, type EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { openLink } from '../links/index.js';
import { SECTORS } from '../people/index.js';
import { callState, getCall } from './call.service.js';
import {
  checksOf,
  proposalById,
  proposerActor,
  submitProposal,
  updateOwnProposal,
} from './proposal.service.js';
import type { ProposalView } from './proposal.views.js';
import { takeOfferedSlot, withdrawOwnProposal } from './review.service.js';
import {
  formValuesOf,
  proposalFromForm,
  proposalInput,
  ORGANIZER_ROWS,
  PREFERENCES,
} from './side-events.schemas.js';
import { PROPOSAL_LINK } from './side-events.mail.js';
import { slotLabel } from './slots.js';
import { formatDay } from '../../shared/zoned-time.js';

/**
 * The call's public form (es/pt/en, no script needed) and each proposer's page behind their
 * private link: follow the proposal, change it until the call closes, withdraw it, take a slot
 * offered from the waiting list.
 */
export function sideEventPublicRoutes(config: Config, deps: MailDeps): Router {
  const { clock } = deps;
  const router = Router();
  const submissions = addressLimit(clock, {
    name: 'side-event-forms',
    windowMs: 15 * 60_000,
    limit: config.registrationRateLimit.perAddress,
  });

  const formLocals = async (req: Request, event: EventView) => {
    const call = await getCall(event);
    const day = (date: string) => formatDay(date, req.language);
    return {
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      call,
      callState: callState(call, clock.now()),
      slotOptions: (call?.slots ?? []).map((s) => ({ value: s.id, label: slotLabel(s, event, day) })),
      organizerRows: ORGANIZER_ROWS,
      preferences: PREFERENCES,
      sectors: SECTORS,
      languages: LANGUAGES,
      countryOptions: countriesByName(req.language),
    };
  };

  router.get('/events/:slug/side-events/propose', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    res.render('side-events/propose', {
      ...eventPage(event, req.language, req.t('sideEvents.proposeTitle')),
      ...(await formLocals(req, event)),
      values: { contactLanguage: req.language },
    });
  });

  router.post('/events/:slug/side-events/propose', submissions, async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const body = formBody(req);
    const form = proposalFromForm(body);
    await handleForm(
      req,
      res,
      {
        view: 'side-events/propose',
        locals: async () => ({
          ...eventPage(event, req.language, req.t('sideEvents.proposeTitle')),
          ...(await formLocals(req, event)),
        }),
        values: body,
        fieldName: form.fieldName,
      },
      async () => {
        const { token } = await submitProposal(event, parse(proposalInput, form.input), deps);
        await flash(req, req.t('sideEvents.flash.submitted'));
        res.redirect(303, `/side-events/${token}?lang=${req.language}`);
      },
    );
  });

  const own = async (req: Request) => {
    const link = await openLink(pathParam(req, 'token'), PROPOSAL_LINK, clock);
    const proposal = await proposalById(link.subject).catch(() => {
      throw new LinkNotFoundError();
    });
    return { proposal, event: await getEvent(proposal.eventId) };
  };
  const pageOf = (req: Request) => `/side-events/${pathParam(req, 'token')}`;

  const ownLocals = async (req: Request, event: EventView, proposal: ProposalView) => {
    const call = await getCall(event);
    const day = (date: string) => formatDay(date, req.language);
    const slotText = (id: string | undefined) => {
      const slot = call?.slots.find((s) => s.id === id);
      return slot ? slotLabel(slot, event, day) : undefined;
    };
    const joint = proposal.mergedInto
      ? await proposalById(proposal.mergedInto).catch(() => undefined)
      : undefined;
    return {
      ...eventPage(event, req.language, localized(proposal.title, req.language, event.languages)),
      ...(await formLocals(req, event)),
      proposal,
      checks: await checksOf(event, call, proposal),
      slotText: slotText(proposal.slotId),
      offeredText: slotText(proposal.offeredSlotId),
      jointTitle: joint && localized(joint.title, req.language, event.languages),
      editable:
        callState(call, clock.now()) === 'open' &&
        ['submitted', 'under_review', 'waitlisted'].includes(proposal.state),
      withdrawable: ['submitted', 'under_review', 'waitlisted', 'accepted'].includes(proposal.state),
      token: pathParam(req, 'token'),
    };
  };

  router.get('/side-events/:token', async (req, res) => {
    const { proposal, event } = await own(req);
    res.render('side-events/own', {
      ...(await ownLocals(req, event, proposal)),
      values: formValuesOf(proposal),
    });
  });

  router.post('/side-events/:token', async (req, res) => {
    const { proposal, event } = await own(req);
    const body = formBody(req);
    const form = proposalFromForm(body);
    await handleForm(
      req,
      res,
      {
        view: 'side-events/own',
        locals: () => ownLocals(req, event, proposal),
        values: body,
        fieldName: form.fieldName,
      },
      async () => {
        await updateOwnProposal(event, proposal, parse(proposalInput, form.input), clock);
        await flash(req, req.t('sideEvents.flash.updated'));
        res.redirect(303, pageOf(req));
      },
    );
  });

  router.post('/side-events/:token/withdraw', async (req, res) => {
    const { proposal, event } = await own(req);
    const asked = await confirmedOrAsk(req, res, () => ({
      question: req.t('sideEvents.confirmWithdraw.question'),
      consequences: [req.t('sideEvents.confirmWithdraw.effect')],
      confirm: req.t('sideEvents.confirmWithdraw.confirm'),
      back: pageOf(req),
    }));
    if (!asked) return;
    await withdrawOwnProposal(event, proposal, proposerActor(proposal), deps);
    await flash(req, req.t('sideEvents.flash.withdrawn'));
    res.redirect(303, pageOf(req));
  });

  router.post('/side-events/:token/take-slot', async (req, res) => {
    const { proposal, event } = await own(req);
    await handleForm(
      req,
      res,
      {
        view: 'side-events/own',
        locals: () => ownLocals(req, event, proposal),
        values: formValuesOf(proposal),
      },
      async () => {
        await takeOfferedSlot(event, proposal, proposerActor(proposal), deps);
        await flash(req, req.t('sideEvents.flash.slotTaken'));
        res.redirect(303, pageOf(req));
      },
    );
  });

  return router;
}
