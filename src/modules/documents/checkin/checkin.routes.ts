import { type Request, type Response, Router } from 'express';
import type { Clock } from '../../../shared/clock.js';
import { formBody } from '../../../web/forms.js';
import { actorOf, requireUser } from '../../auth/index.js';
import { eventPage, eventOf, localized, type EventView } from '../../events/index.js';
import {
  checkInBadge,
  checkInDay,
  checkInRegistration,
  findForCheckIn,
  MATCHES_SHOWN,
  presenceCounts,
  type CheckInOutcome,
} from './checkin.service.js';

const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');

/**
 * The door: an organizer's page (made for a phone) that checks people in from the code on their
 * badge (typed, or scanned where the browser has a barcode reader) or by name, for one day.
 */
export function checkInRoutes(clock: Clock): Router {
  const router = Router();
  const base = '/admin/events/:eventId/check-in';
  router.use(base, requireUser);

  const render = async (
    req: Request,
    res: Response,
    page: { event: EventView; day: string; outcome?: CheckInOutcome },
    status = 200,
  ) => {
    const { event, day, outcome } = page;
    const q = text(req.query['q']);
    const found = q ? await findForCheckIn(event, q, day) : undefined;
    res.status(status).render('documents/check-in', {
      ...eventPage(event, req.language, req.t('documents.checkIn')),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      day,
      q,
      outcome,
      matches: found?.matches,
      moreMatches: found?.more,
      matchesShown: MATCHES_SHOWN,
      counts: await presenceCounts(event, clock),
    });
  };

  router.get(base, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    await render(req, res, { event, day: checkInDay(event, clock, text(req.query['day'])) });
  });

  // The answer is shown at once (no redirect): at a door every second counts, and a reload
  // only repeats a check-in that is already recorded.
  router.post(base, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const day = checkInDay(event, clock, text(body['day']));
    const outcome = text(body['registrationId'])
      ? await checkInRegistration(event, text(body['registrationId']), day, actorOf(req), clock)
      : await checkInBadge(event, text(body['code']), day, actorOf(req), clock);
    await render(req, res, { event, day, outcome }, outcome.result === 'unknown' ? 404 : 200);
  });

  return router;
}
