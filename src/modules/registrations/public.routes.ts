import { type Request, Router } from 'express';
import type { RegistrationDeps } from './registration.service.js';
import type { Config } from '../../config/index.js';
import { countriesByName } from '../../shared/countries.js';
import { LANGUAGES, type Language } from '../../shared/i18n/index.js';
import { parse } from '../../shared/validate.js';
import { confirmedOrAsk } from '../../web/confirm.js';
import { formBody, handleForm, many, withoutBlanks } from '../../web/forms.js';
import { pageQuery, pathParam, queryOf } from '../../web/params.js';
import { addressLimit } from '../../web/rate-limit.js';
import { personalDownloads } from '../calendar/index.js';
import { eventPage, getEvent, getPublicEvent, localized, type EventView } from '../events/index.js';
import { GENDERS, SECTORS, displayName } from '../people/index.js';
import { participantsPage, PARTICIPANTS_PAGE } from './lists/participants.js';
import { PUBLIC_CATEGORIES } from './registration.model.js';
import { isLarge } from './lists/size.js';
import { registrationFigures } from './lists/figures.js';
import { LIST_ENTRIES_PER_PDF } from '../../shared/limits.js';
import { ownRegistration } from './own-link.js';
import { registrationInput, selfServiceInput } from './registration.schemas.js';
import { cancelOwnRegistration, updateOwnRegistration } from './registration.service.js';
import { submitRegistration } from './submission.js';
import { scopes } from './places/seats.js';
import { workshopsOf } from './places/workshops.js';
import { registrationRules, registrationWindow } from './places/settings.service.js';
import { receiptSigner } from './thanks/receipt.js';
import { thanksRoutes } from './thanks/thanks.routes.js';

/** What the registrant's page asks of other modules. */
export interface RegistrantPageHooks {
  /** Whether the registration was checked in at the event (its certificate exists then). */
  hasAttended(registrationId: string): Promise<boolean>;
  /** The registrant's places on the event's published lists of speakers, in their language. */
  speakerPlaces?(
    event: EventView,
    personId: string,
    language: Language,
  ): Promise<{ sessionTitle: string; line: string; url: string }[]>;
}

/** The public registration form, the page after it, and each registrant's private page. */
export function registrationPublicRoutes(
  config: Config,
  deps: RegistrationDeps,
  hooks: RegistrantPageHooks,
): Router {
  const { clock, seats } = deps;
  const router = Router();
  const receipts = receiptSigner(config.session.secret);
  const submissions = addressLimit(clock, {
    name: 'registration-forms',
    windowMs: 15 * 60_000,
    limit: config.registrationRateLimit.perAddress,
  });

  const formLocals = async (req: Request, event: EventView) => {
    const rules = await registrationRules(event);
    const now = clock.now();
    const workshops = await Promise.all(
      (await workshopsOf(event.id)).map(async (w) => ({
        id: w.id,
        title: localized(w.title, req.language, event.languages),
        startsAt: w.startsAt,
        left:
          w.capacity === undefined
            ? undefined
            : Math.max(0, w.capacity - (await seats.count(scopes.workshop(w.id)))),
      })),
    );
    return {
      workshops,
      ...eventPage(event, req.language, req.t('registrations.formTitle')),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      open: registrationWindow(event, rules, now).state === 'open',
      closesAt: rules.closesAt,
      categories: PUBLIC_CATEGORIES,
      sectors: SECTORS,
      genders: GENDERS,
      languages: LANGUAGES,
      countryOptions: countriesByName(req.language),
    };
  };

  router.get('/events/:slug/register', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    res.render('registrations/form', {
      ...(await formLocals(req, event)),
      values: { language: req.language },
    });
  });

  router.post('/events/:slug/register', submissions, async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const body = formBody(req);
    const input = {
      ...withoutBlanks(body),
      interpretation: many(body['interpretation']),
      workshops: many(body['workshops']),
    };
    await handleForm(
      req,
      res,
      { view: 'registrations/form', locals: () => formLocals(req, event), values: body, voice: 'own' },
      async () => {
        const done = await submitRegistration(event, parse(registrationInput, input), deps, {
          submitter: receipts.formSession(req.sessionID),
        });
        // The page after the form learns which registration it is about from a receipt that only
        // this browser's session opens; made here from what the form already knows.
        const ref = receipts.sign(done, req.sessionID, clock.now());
        res.redirect(303, `/events/${event.slug}/register/thanks?lang=${req.language}&ref=${ref}`);
      },
    );
  });

  // The public participant list: confirmed registrants who agreed to appear, nothing else of them.
  router.get('/events/:slug/participants', async (req, res) => {
    const event = await getPublicEvent(pathParam(req, 'slug'));
    const page = await participantsPage(event.id, 'public', parse(pageQuery, queryOf(req)));
    res.render('registrations/participants', {
      ...eventPage(event, req.language, req.t('registrations.participants')),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      participants: page.participants.map(({ person, registration }) => ({
        name: displayName(person),
        organization: person.organization ?? '',
        country: registration.countryRepresented,
      })),
      page: { next: page.next, previous: page.previous, size: PARTICIPANTS_PAGE },
      // Only a large event's list can need parts; its figures count those listed.
      listParts: (await isLarge(event.id))
        ? Math.ceil((await registrationFigures(event.id, [], deps)).listed / LIST_ENTRIES_PER_PDF)
        : 1,
      listEntriesPerPart: LIST_ENTRIES_PER_PDF,
    });
  });

  router.use(thanksRoutes(config, deps, receipts));

  const own = (req: Request) => ownRegistration(pathParam(req, 'token'), clock);

  const page = async (req: Request) => {
    const registration = await own(req);
    const event = await getEvent(registration.eventId);
    const attended = registration.status === 'confirmed' && (await hooks.hasAttended(registration.id));
    const titles = new Map(
      (await workshopsOf(event.id)).map((w) => [w.id, localized(w.title, req.language, event.languages)]),
    );
    return {
      workshopTitles: Object.fromEntries(titles),
      ...eventPage(event, req.language, req.t('registrations.selfTitle')),
      event,
      eventTitle: localized(event.title, req.language, event.languages),
      registration,
      token: pathParam(req, 'token'),
      languages: LANGUAGES,
      // Offered once it exists (the certificate route answers 409 before the person is checked
      // in); until then a confirmed person reads when it will be there.
      certificateUrl: attended ? `/registrations/${pathParam(req, 'token')}/certificate.pdf` : undefined,
      certificateLater: registration.status === 'confirmed' && !attended,
      downloads:
        registration.status === 'confirmed'
          ? await personalDownloads(config, event, registration.personId)
          : undefined,
      // Published lists are public; a registrant who cancelled is no longer expected to speak.
      speakerPlaces:
        registration.status === 'cancelled' || registration.status === 'rejected'
          ? []
          : ((await hooks.speakerPlaces?.(event, registration.personId, req.language)) ?? []),
    };
  };

  router.get('/registrations/:token', async (req, res) => {
    const locals = await page(req);
    res.render('registrations/self', {
      ...locals,
      values: {},
      saved: req.query['saved'] === '1',
      cancelled: req.query['cancelled'] === '1' && locals.registration.status === 'cancelled',
    });
  });

  router.post('/registrations/:token', async (req, res) => {
    const registration = await own(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'registrations/self', locals: () => page(req), values: body, voice: 'own' },
      async () => {
        await updateOwnRegistration(
          registration,
          parse(selfServiceInput, { ...withoutBlanks(body), interpretation: many(body['interpretation']) }),
          deps,
        );
        res.redirect(303, `/registrations/${pathParam(req, 'token')}?saved=1`);
      },
    );
  });

  router.post('/registrations/:token/cancel', async (req, res) => {
    const registration = await own(req);
    const back = `/registrations/${pathParam(req, 'token')}`;
    const asked = await confirmedOrAsk(req, res, async () => {
      const event = await getEvent(registration.eventId);
      const titles = new Map(
        (await workshopsOf(event.id)).map((w) => [w.id, localized(w.title, req.language, event.languages)]),
      );
      const workshops = registration.workshops.map((w) => titles.get(w.sessionId) ?? w.sessionId);
      return {
        question: req.t('confirm.cancelRegistration.question'),
        consequences: [
          req.t('confirm.cancelRegistration.status', {
            event: localized(event.title, req.language, event.languages),
          }),
          ...(registration.status === 'confirmed' ? [req.t('confirm.cancelRegistration.place')] : []),
          ...(workshops.length
            ? [req.t('confirm.cancelRegistration.workshops', { workshops: workshops.join(', ') })]
            : []),
          req.t('confirm.cancelRegistration.again'),
        ],
        confirm: req.t('confirm.cancelRegistration.confirm'),
        back,
      };
    });
    if (!asked) return;
    await cancelOwnRegistration(registration, deps);
    res.redirect(303, `${back}?cancelled=1`);
  });

  return router;
}
