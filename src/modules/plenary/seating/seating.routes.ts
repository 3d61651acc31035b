import { type Request, Router } from 'express';
import { z } from 'zod';
import { countryName } from '../../../shared/countries.js';
import { ForbiddenError, NotFoundError } from '../../../shared/errors.js';
import { LANGUAGES, translatorFor, type Language } from '../../../shared/i18n/index.js';
import { formatInstant } from '../../../shared/time.js';
import { parse } from '../../../shared/validate.js';
import { flash } from '../../../web/flash.js';
import { formBody, handleForm } from '../../../web/forms.js';
import { pathParam } from '../../../web/params.js';
import { actorOf, requireUser } from '../../auth/index.js';
import { sendPdf } from '../../documents/index.js';
import { eventPage, eventWithPermissions, historyLines, localized } from '../../events/index.js';
import type { PlenaryDeps } from '../speakers-list/speakers.service.js';
import type { SeatHolder } from './seating.order.js';
import { drawFirstState, freezePlan, placesOf, planOf, savePlan } from './seating.service.js';

const planInput = z.strictObject({
  extraSeats: z.coerce.number().int().min(0).max(20),
  language: z.enum(LANGUAGES),
});

const labelOf = (holder: SeatHolder, language: Language) =>
  holder.kind === 'state' ? countryName(holder.country, language) : holder.name;

/**
 * Seating in protocol order, room by room: seats per delegation, the draw by lot of the state
 * that sits first (again until frozen), the order, the plan as a diagram and the name plates.
 */
export function seatingRoutes(deps: PlenaryDeps): Router {
  const router = Router();
  const base = '/admin/events/:eventId/seating';
  router.use(base, requireUser);

  const page = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    const rooms = await Promise.all(
      event.rooms.map(async (room) => {
        const plan = await planOf(event, room.id);
        const places = await placesOf(event, plan);
        return {
          room,
          plan,
          places: places.map((p) => ({ label: labelOf(p, req.language), kind: p.kind })),
          // The draws and the freeze, in the reader's words: who drew which state, when, and again.
          history: plan ? await historyLines(req, { type: 'seating', id: plan.id }, can, { event }) : [],
        };
      }),
    );
    return {
      ...eventPage(event, req.language, req.t('seating.title')),
      event,
      rooms,
      canEdit: can.edit,
      languages: LANGUAGES,
    };
  };

  const team = async (req: Request) => {
    const { event, can } = await eventWithPermissions(req);
    if (!can.edit) throw new ForbiddenError();
    return event;
  };
  const back = (req: Request) =>
    `/admin/events/${pathParam(req, 'eventId')}/seating#room-${pathParam(req, 'roomId')}`;

  router.get(base, async (req, res) => {
    res.render('plenary/seating', await page(req));
  });

  router.post(`${base}/:roomId`, async (req, res) => {
    const event = await team(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'plenary/seating', locals: () => page(req), values: body },
      async () => {
        await savePlan(event, pathParam(req, 'roomId'), parse(planInput, body), actorOf(req), deps.clock);
        await flash(req, req.t('seating.saved'));
        res.redirect(303, back(req));
      },
    );
  });

  router.post(`${base}/:roomId/draw`, async (req, res) => {
    const event = await team(req);
    await handleForm(req, res, { view: 'plenary/seating', locals: () => page(req) }, async () => {
      const country = await drawFirstState(event, pathParam(req, 'roomId'), actorOf(req), deps.clock);
      await flash(req, req.t('seating.drawn', { country: countryName(country, req.language) }));
      res.redirect(303, back(req));
    });
  });

  router.post(`${base}/:roomId/freeze`, async (req, res) => {
    const event = await team(req);
    await handleForm(req, res, { view: 'plenary/seating', locals: () => page(req) }, async () => {
      await freezePlan(event, pathParam(req, 'roomId'), actorOf(req), deps.clock);
      await flash(req, req.t('seating.frozenNow'));
      res.redirect(303, back(req));
    });
  });

  const printable = async (req: Request) => {
    const { event } = await eventWithPermissions(req);
    const room = event.rooms.find((r) => r.id === pathParam(req, 'roomId'));
    const plan = room && (await planOf(event, room.id));
    if (!room || !plan) throw new NotFoundError();
    return { event, room, plan, places: await placesOf(event, plan) };
  };

  router.get(`${base}/:roomId/plan.pdf`, async (req, res) => {
    const { event, room, plan, places } = await printable(req);
    const language = plan.language;
    const t = translatorFor(language);
    const layout = {
      language,
      title: t('seating.planTitle', { room: room.name }),
      subtitle: [
        localized(event.title, language, event.languages),
        plan.draw
          ? t('seating.drawnBy', {
              country: countryName(plan.draw.country, language),
              who: plan.draw.drawnBy,
              time: formatInstant(plan.draw.drawnAt, event.timezone, language),
            })
          : t('seating.notDrawn'),
      ].join('\n'),
      stamp: plan.frozenAt
        ? t('seating.frozenOn', { time: formatInstant(plan.frozenAt, event.timezone, language) })
        : t('seating.draft'),
      front: t('seating.podium'),
      places: places.map((p) => ({
        label: labelOf(p, language),
        seats: p.kind === 'state' ? 1 + plan.extraSeats : 1,
      })),
    };
    sendPdf(
      res,
      await deps.renderer.render({ kind: 'seating', layout }),
      `${event.slug}-seating-${language}.pdf`,
      'private',
    );
  });

  router.get(`${base}/:roomId/plates.pdf`, async (req, res) => {
    const { event, room, plan, places } = await printable(req);
    const language = plan.language;
    const layout = {
      language,
      title: translatorFor(language)('seating.platesTitle', { room: room.name }),
      names: places.map((p) => labelOf(p, language)),
    };
    sendPdf(
      res,
      await deps.renderer.render({ kind: 'plates', layout }),
      `${event.slug}-plates-${language}.pdf`,
      'private',
    );
  });

  return router;
}
