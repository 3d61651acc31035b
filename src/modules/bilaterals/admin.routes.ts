import { type Request, Router } from 'express';
import { countriesByName } from '../../shared/countries.js';
import { ForbiddenError } from '../../shared/errors.js';
import { parse } from '../../shared/validate.js';
import { formatDay, instantToLocal } from '../../shared/zoned-time.js';
import { confirmedOrAsk } from '../../web/confirm.js';
import { flash } from '../../web/flash.js';
import { formBody, handleForm, withoutBlanks } from '../../web/forms.js';
import { pathParam, queryOf } from '../../web/params.js';
import { actorOf, requireUser } from '../auth/index.js';
import { documentLanguage, sendPdf, type PdfRenderer } from '../documents/index.js';
import { eventPage, eventWithPermissions, type EventView } from '../events/index.js';
import { translatorFor } from '../../shared/i18n/index.js';
import type { MailDeps } from '../invitations/index.js';
import { delegationsOf } from '../registrations/index.js';
import { slotLabel, slotsOf } from '../side-events/index.js';
import { slotRangeInput } from '../side-events/side-events.schemas.js';
import { BILATERAL_LEVELS } from './bilateral.model.js';
import { bilateralBookInput, bilateralMoveInput } from './bilateral.schemas.js';
import {
  bilateralSlots,
  daysOf,
  bilateralWarnings,
  noPlenaryInscriptions,
  type PlenaryInscriptions,
  bookBilateral,
  cancelBilateral,
  moveBilateral,
  nextFreeBilateralSlots,
  offerBilateralSlots,
} from './bilateral.service.js';
import { bilateralScheduleLayout } from './bilateral.schedule.js';
import { bilateralsOfDay, bilateralsPage } from './bilateral.list.js';

/** Requests still unanswered that the schedule lists (the oldest); the API pages through all. */
const REQUESTED_SHOWN = 50;

/** The schedule opens on the event's first day that has bilateral slots, each day read by equality. */
async function firstDayWithSlots(eventId: string, days: string[]): Promise<string | undefined> {
  for (const day of days) if ((await slotsOf(eventId, 'bilateral', day)).length > 0) return day;
  return undefined;
}

/**
 * The secretariat's bilateral schedule: bilateral rooms cut into slots, every meeting per day and
 * room with warnings for double-booked delegations, and booking for any two delegations.
 */
export function bilateralAdminRoutes(
  deps: MailDeps,
  renderer: PdfRenderer,
  inscriptions: PlenaryInscriptions = noPlenaryInscriptions,
): Router {
  const router = Router();
  const base = '/admin/events/:eventId/bilaterals';
  router.use(base, requireUser);

  const schedule = async (req: Request, extra: Record<string, unknown> = {}) => {
    const { event, can } = await eventWithPermissions(req);
    const eventDays = daysOf(event);
    const query = queryOf(req);
    const asked =
      typeof query['day'] === 'string' && eventDays.includes(query['day']) ? query['day'] : undefined;
    const first = asked ?? (await firstDayWithSlots(event.id, eventDays));
    // No slot on any day: the page says so instead of offering empty days.
    const days = first === undefined ? [] : eventDays;
    const day = first ?? eventDays[0] ?? event.startDate;
    // One day of the schedule: its slots, bookings and meetings, each read by (event, day).
    const { all, taken } = await bilateralSlots(event.id, day);
    const bilaterals = await bilateralsOfDay(event.id, day);
    const bySlot = new Map(bilaterals.filter((b) => b.slotId).map((b) => [b.slotId!, b]));
    const requested = await bilateralsPage(event.id, { state: 'requested', size: REQUESTED_SHOWN });
    const delegations = await delegationsOf(event.id);
    const names = new Map(
      countriesByName(
        req.language,
        delegations.map((d) => d.country),
      ).map((c) => [c.code, c.name]),
    );
    const fmtDay = (date: string) => formatDay(date, req.language);
    return {
      ...eventPage(event, req.language, req.t('bilaterals.scheduleTitle')),
      event,
      canEdit: can.edit,
      days,
      day,
      rooms: event.rooms.filter((r) => all.some((s) => s.roomId === r.id)),
      slots: all.map((s) => {
        const b = bySlot.get(s.id);
        return {
          ...s,
          time: `${instantToLocal(s.startsAt, event.timezone).time}–${instantToLocal(s.endsAt, event.timezone).time}`,
          meeting: b && {
            id: b.id,
            pair: `${names.get(b.askingCountry) ?? b.askingCountry} – ${names.get(b.askedCountry) ?? b.askedCountry}`,
            subject: b.subject,
            level: b.level,
          },
          taken: taken.has(s.id),
        };
      }),
      requested: requested.rows,
      warnings: (await bilateralWarnings(event.id, bilaterals, inscriptions)).map((w) => ({
        ...w,
        name: names.get(w.country) ?? w.country,
      })),
      countryNames: Object.fromEntries(names),
      delegations: delegations
        .map((d) => ({ value: d.id, label: names.get(d.country) ?? d.country }))
        .sort((a, b) => a.label.localeCompare(b.label, req.language)),
      freeSlots: all
        .filter((s) => !taken.has(s.id))
        .map((s) => ({ value: s.id, label: slotLabel(s, event, fmtDay) })),
      levels: BILATERAL_LEVELS,
      nextFree: [],
      values: {},
      slotValues: {},
      ...extra,
    };
  };

  const editable = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    if (!can.edit) throw new ForbiddenError();
    return event;
  };

  router.get(base, async (req, res) => {
    res.render('bilaterals/admin', await schedule(req));
  });

  // The schedule per day and room as a PDF, drawn in a worker thread like the other documents.
  router.get(`${base}.pdf`, requireUser, async (req, res) => {
    const language = documentLanguage(req);
    const { event } = await eventWithPermissions(req);
    const layout = await bilateralScheduleLayout(event, language, translatorFor(language), deps.clock.now());
    const pdf = await renderer.render({ kind: 'list', layout });
    sendPdf(res, pdf, `${event.slug}-bilaterals-${language}.pdf`, 'private');
  });

  router.post(`${base}/slots`, async (req, res) => {
    const event = await editable(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'bilaterals/admin', locals: () => schedule(req, { slotValues: body }), values: {} },
      async () => {
        const added = await offerBilateralSlots(
          event,
          parse(slotRangeInput, withoutBlanks(body)),
          actorOf(req),
          deps.clock,
        );
        await flash(req, req.t('sideEvents.flash.slotsAdded', { count: added.length }));
        res.redirect(303, `/admin/events/${event.id}/bilaterals`);
      },
    );
  });

  /** The schedule again after a refused booking or move, offering the free slots nearest the one asked for. */
  const slotTakenPage = (req: Request, event: EventView, body: Record<string, unknown>) => {
    const wanted = typeof body['slotId'] === 'string' ? body['slotId'] : undefined;
    return {
      view: 'bilaterals/admin',
      locals: async () =>
        schedule(req, {
          nextFree: (await nextFreeBilateralSlots(event, wanted)).map((s) => ({
            id: s.id,
            label: slotLabel(s, event, (date) => formatDay(date, req.language)),
          })),
        }),
      values: body,
    };
  };

  router.post(base, async (req, res) => {
    const event = await editable(req);
    const body = formBody(req);
    await handleForm(req, res, slotTakenPage(req, event, body), async () => {
      await bookBilateral(event, parse(bilateralBookInput, body), actorOf(req), deps);
      await flash(req, req.t('bilaterals.flash.accepted'));
      res.redirect(303, `/admin/events/${event.id}/bilaterals`);
    });
  });

  // A booked meeting moved to another free slot: both delegations get the update of the same entry.
  router.post(`${base}/:bilateralId/move`, async (req, res) => {
    const event = await editable(req);
    const body = formBody(req);
    await handleForm(req, res, slotTakenPage(req, event, body), async () => {
      const { slotId } = parse(bilateralMoveInput, body);
      await moveBilateral(event, pathParam(req, 'bilateralId'), slotId, actorOf(req), deps);
      await flash(req, req.t('bilaterals.flash.moved'));
      res.redirect(303, `/admin/events/${event.id}/bilaterals`);
    });
  });

  router.post(`${base}/:bilateralId/cancel`, async (req, res) => {
    const event = await editable(req);
    await handleForm(req, res, { view: 'bilaterals/admin', locals: () => schedule(req) }, async () => {
      const asked = await confirmedOrAsk(req, res, () => ({
        question: req.t('bilaterals.confirmCancel.question'),
        consequences: [req.t('bilaterals.confirmCancel.effect')],
        confirm: req.t('bilaterals.confirmCancel.confirm'),
        back: `/admin/events/${event.id}/bilaterals`,
      }));
      if (!asked) return;
      await cancelBilateral(event, pathParam(req, 'bilateralId'), { actor: actorOf(req) }, deps);
      await flash(req, req.t('bilaterals.flash.cancelled'));
      res.redirect(303, `/admin/events/${event.id}/bilaterals`);
    });
  });

  return router;
}
