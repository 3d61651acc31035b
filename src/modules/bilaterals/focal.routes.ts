import { type Request, Router } from 'express';
import { countriesByName } from '../../shared/countries.js';
import { parse } from '../../shared/validate.js';
import { formatDay } from '../../shared/zoned-time.js';
import { confirmedOrAsk } from '../../web/confirm.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm, many } from '../../web/forms.js';
import { pathParam } from '../../web/params.js';
import { eventPage, localized } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { delegationsOf } from '../registrations/index.js';
import { slotLabel } from '../side-events/index.js';
import { BILATERAL_LEVELS } from './bilateral.model.js';
import { bilateralAcceptInput, bilateralRequestInput } from './bilateral.schemas.js';
import {
  acceptBilateral,
  bilateralsOfDelegation,
  bilateralSlots,
  bilateralWarnings,
  noPlenaryInscriptions,
  type PlenaryInscriptions,
  cancelBilateral,
  declineBilateral,
  getBilateral,
  nextFreeBilateralSlots,
  requestBilateral,
} from './bilateral.service.js';
import { delegationBilateralFeed } from './bilateral.schedule.js';
import { delegationOfLink, focalActor } from '../registrations/index.js';

/**
 * A focal point's bilaterals, through their nomination link: their delegation's own meetings
 * (asked or asking, never another pair's), asking another delegation, accepting one slot or
 * declining, cancelling.
 */
export function bilateralFocalRoutes(
  deps: MailDeps,
  inscriptions: PlenaryInscriptions = noPlenaryInscriptions,
): Router {
  const router = Router();
  const base = '/nominations/:token/bilaterals';
  const pageOf = (req: Request) => `/nominations/${pathParam(req, 'token')}/bilaterals`;

  const own = (req: Request) => delegationOfLink(pathParam(req, 'token'), deps.clock);

  const page = async (req: Request, wanted?: string) => {
    const { delegation, event } = await own(req);
    const day = (date: string) => formatDay(date, req.language);
    const { all, taken } = await bilateralSlots(event.id);
    const label = (id: string | undefined) => {
      const slot = all.find((s) => s.id === id);
      return slot ? slotLabel(slot, event, day) : '';
    };
    const bilaterals = await bilateralsOfDelegation(delegation.id);
    const others = (await delegationsOf(event.id)).filter((d) => d.id !== delegation.id);
    const names = new Map(
      countriesByName(
        req.language,
        others.map((d) => d.country),
      ).map((c) => [c.code, c.name]),
    );
    return {
      ...eventPage(event, req.language, req.t('bilaterals.focalTitle')),
      eventTitle: localized(event.title, req.language, event.languages),
      event,
      delegation,
      token: pathParam(req, 'token'),
      rows: bilaterals.map((b) => ({
        ...b,
        asking: b.askingId === delegation.id,
        other: b.askingId === delegation.id ? b.askedCountry : b.askingCountry,
        slotLabel: label(b.slotId),
        offered: b.offeredSlots.map((id) => ({ id, label: label(id), free: !taken.has(id) })),
      })),
      warnings: await bilateralWarnings(event.id, bilaterals, inscriptions),
      delegations: others
        .map((d) => ({ value: d.id, label: names.get(d.country) ?? d.country }))
        .sort((a, b) => a.label.localeCompare(b.label, req.language)),
      freeSlots: all.filter((s) => !taken.has(s.id)).map((s) => ({ value: s.id, label: label(s.id) })),
      nextFree: wanted
        ? (await nextFreeBilateralSlots(event, wanted)).map((s) => ({ id: s.id, label: label(s.id) }))
        : [],
      levels: BILATERAL_LEVELS,
      values: {},
    };
  };

  router.get(base, async (req, res) => {
    res.render('bilaterals/focal', await page(req));
  });

  // The delegation's booked bilaterals as a calendar feed, reachable only through its link.
  router.get(`${base}.ics`, async (req, res) => {
    const { delegation, event } = await own(req);
    const feed = await delegationBilateralFeed(event, delegation.id, req.language, req.t, deps.clock.now());
    res
      .type('text/calendar; charset=utf-8')
      .attachment(`${event.slug}-bilaterals-${delegation.country.toLowerCase()}.ics`)
      .set('Cache-Control', 'private, no-store')
      .send(feed);
  });

  router.post(base, async (req, res) => {
    const { delegation, event } = await own(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'bilaterals/focal', locals: () => page(req), values: body },
      async () => {
        const input = parse(bilateralRequestInput, { ...body, slotIds: many(body['slotIds']) });
        await requestBilateral(event, delegation, input, deps);
        await flash(req, req.t('bilaterals.flash.requested'));
        res.redirect(303, pageOf(req));
      },
    );
  });

  router.post(`${base}/:bilateralId/accept`, async (req, res) => {
    const { delegation, event } = await own(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      {
        view: 'bilaterals/focal',
        locals: () => page(req, typeof body['slotId'] === 'string' ? body['slotId'] : undefined),
        values: body,
      },
      async () => {
        const { slotId } = parse(bilateralAcceptInput, body);
        await acceptBilateral(
          event,
          pathParam(req, 'bilateralId'),
          slotId,
          { delegation, actor: focalActor(delegation) },
          deps,
        );
        await flash(req, req.t('bilaterals.flash.accepted'));
        res.redirect(303, pageOf(req));
      },
    );
  });

  router.post(`${base}/:bilateralId/decline`, async (req, res) => {
    const { delegation, event } = await own(req);
    await handleForm(req, res, { view: 'bilaterals/focal', locals: () => page(req) }, async () => {
      await declineBilateral(event, pathParam(req, 'bilateralId'), delegation, deps);
      await flash(req, req.t('bilaterals.flash.declined'));
      res.redirect(303, pageOf(req));
    });
  });

  router.post(`${base}/:bilateralId/cancel`, async (req, res) => {
    const { delegation, event } = await own(req);
    await getBilateral(event.id, pathParam(req, 'bilateralId'), delegation.id);
    await handleForm(req, res, { view: 'bilaterals/focal', locals: () => page(req) }, async () => {
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t('bilaterals.confirmCancel.question'),
        consequences: [req.t('bilaterals.confirmCancel.effect')],
        confirm: req.t('bilaterals.confirmCancel.confirm'),
        back: pageOf(req),
      }));
      if (!asked) return;
      await cancelBilateral(
        event,
        pathParam(req, 'bilateralId'),
        { delegation, actor: focalActor(delegation) },
        deps,
      );
      await flash(req, req.t('bilaterals.flash.cancelled'));
      res.redirect(303, pageOf(req));
    });
  });

  return router;
}
