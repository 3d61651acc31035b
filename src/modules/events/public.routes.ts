import { Router } from 'express';
import { countriesByName, countryName } from '../../shared/countries.js';
import { dateAtNoon, formatDateRange, formatInstant, zoneName } from '../../shared/time.js';
import { pathParam } from '../../web/params.js';
import { getPublicEvent, listPublicEvents } from './event.service.js';
import { endOfDay } from '../links/index.js';
import { localized, type EventView } from './event.views.js';

/** Where an event's registration stands (the registrations module knows its rules). */
export type RegistrationState =
  | { state: 'open'; closesAt: Date }
  | { state: 'notYet'; opensAt: Date }
  | { state: 'closed'; closesAt: Date };

/** What anyone may read: the list of public events and each event's page. */
export function eventPublicRoutes(registrationOf: (event: EventView) => Promise<RegistrationState>): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const events = (await listPublicEvents()).map((event) => ({
      slug: event.slug,
      title: localized(event.title, req.language, event.languages),
      dates: formatDateRange(event.startDate, event.endDate, req.language),
      place: [event.venue.city, event.venue.country && countryName(event.venue.country, req.language)]
        .filter(Boolean)
        .join(', '),
      archived: event.status === 'archived',
    }));
    res.render('home/index', { title: req.t('home.title'), events });
  });

  router.get('/events/:slug', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const language = req.language;
    res.render('events/public', {
      title: localized(event.title, language, event.languages),
      event,
      heading: localized(event.title, language, event.languages),
      description: localized(event.description, language, event.languages),
      dates: formatDateRange(event.startDate, event.endDate, language),
      zone: zoneName(event.timezone, dateAtNoon(event.startDate), language),
      // A date of publication after the event's end would tell a false story (an archive put online later).
      publishedAt:
        event.publishedAt &&
        event.publishedAt <= endOfDay(event.endDate, event.timezone) &&
        formatInstant(event.publishedAt, event.timezone, language),
      registration: await registrationOf(event),
      venueCountry: event.venue.country && countryName(event.venue.country, language),
      countries: countriesByName(language, event.countries).map((c) => c.name),
      workingLanguages: event.languages.map((code) => req.t(`language.${code}`)),
    });
  });

  return router;
}
