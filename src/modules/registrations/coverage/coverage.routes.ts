import { Router } from 'express';
import { countryName, sortByCountryName } from '../../../shared/countries.js';
import { csvDocument } from '../../../shared/csv.js';
import { requireUser } from '../../auth/index.js';
import { eventPage, eventOf, eventWithPermissions, type EventView } from '../../events/index.js';
import { coverageOf } from './coverage.service.js';
import { writeRoomingCsv } from './rooming-csv.js';
import type { Clock } from '../../../shared/clock.js';
import { ForbiddenError } from '../../../shared/errors.js';
import type { Language } from '../../../shared/i18n/index.js';

/** The coverage dashboard: countries against the steps of their participation, and the counts. */
export function coverageRoutes(
  clock: Clock,
  /** Each state's credentials status (the plenary's), shown to the event's team. */
  credentialStatuses?: (event: EventView) => Promise<Map<string, string>>,
): Router {
  const router = Router();
  const base = '/admin/events/:eventId/coverage';
  router.use(base, requireUser);

  router.get(base, async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    const coverage = await coverageOf(event, clock);
    // Rooming names people with their hotels: contact details in the policy's sense.
    const seesPeople = can.contactDetails;
    res.render('registrations/coverage', {
      ...eventPage(event, req.language, req.t('coverage.title')),
      event,
      ...coverage,
      rows: sortByCountryName(coverage.rows, (r) => r.country, req.language),
      // The most first; equal counts in the order of the countries' names ("—" last).
      byCountry: sortByCountryName(
        coverage.byCountry.filter((c) => c.key),
        (c) => c.key,
        req.language,
      )
        .sort((a, b) => b.count - a.count)
        .concat(coverage.byCountry.filter((c) => !c.key)),
      rooming: seesPeople ? coverage.rooming : [],
      seesPeople,
      credentials: can.edit && credentialStatuses ? await credentialStatuses(event) : undefined,
    });
  });

  router.get(`${base}.csv`, async (req, res) => {
    const event = await eventOf(req);
    const { rows } = await coverageOf(event, clock);
    const yes = (v: boolean) => (v ? req.t('coverage.yes') : req.t('coverage.no'));
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="coverage-${event.slug}.csv"`)
      .send(
        csvDocument(
          [
            'country',
            'name',
            'focal_point',
            'nomination_invited',
            'nominated',
            'confirmed',
            'programme_roles',
          ],
          sortByCountryName(rows, (r) => r.country, req.language).map((r) => [
            r.country,
            countryName(r.country, req.language),
            yes(r.focalPoint),
            yes(r.invited),
            r.nominated,
            r.confirmed,
            r.speakers,
          ]),
        ),
      );
  });

  // The whole rooming list, written as it is read: names with hotels, for the event's team.
  router.get(`${base}/rooming.csv`, async (req, res) => {
    const { event, can } = await eventWithPermissions(req);
    if (!can.contactDetails) throw new ForbiddenError();
    res
      .type('text/csv; charset=utf-8')
      .set('Content-Disposition', `attachment; filename="rooming-${event.slug}.csv"`);
    await writeRoomingCsv(res, event.id, req.language as Language);
    res.end();
  });

  return router;
}
