import { randomUUID } from 'node:crypto';
import type { MailDeps } from '../invitations/index.js';
import { type Request, Router } from 'express';
import { countriesByName, countryName } from '../../shared/countries.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { parse } from '../../shared/validate.js';
import { flash } from '../../web/flash.js';
import { filled, formBody, handleForm } from '../../web/forms.js';
import { actorOf, requireUser } from '../auth/index.js';
import { listSessions } from '../agenda/index.js';
import { eventPage, eventOf, localized, type EventView } from '../events/index.js';
import { groupKeys } from './announcement.groups.js';
import { announcementInput } from './announcement.schemas.js';
import { listAnnouncements, previewAnnouncement, sendAnnouncement } from './announcement.service.js';

/** `subject_es` … form fields as the nested input the schema reads. */
function inputFromForm(body: Record<string, unknown>) {
  const per = (name: string) =>
    Object.fromEntries(
      LANGUAGES.flatMap((l) => (filled(body[`${name}_${l}`]) ? [[l, body[`${name}_${l}`]]] : [])),
    );
  return {
    draftKey: body['draftKey'],
    group: body['group'],
    subject: per('subject'),
    message: per('message'),
    action: body['action'],
  };
}

const fieldName = (field: string) => field.replace('.', '_');

/** A group's name in the reader's language. */
export function groupLabel(req: Request, key: string, sessionTitles: Map<string, string>): string {
  if (key.startsWith('session:'))
    return req.t('announcements.groups.session', { title: sessionTitles.get(key.slice(8)) ?? '' });
  if (key.startsWith('registrants:')) {
    const [, kind, value = ''] = key.split(':');
    const what =
      kind === 'status'
        ? req.t(`registrations.statuses.${value}`)
        : kind === 'category'
          ? req.t(`registrations.categories.${value}`)
          : countryName(value, req.language);
    return req.t('announcements.groups.registrants', { what });
  }
  return req.t(`announcements.groups.${key.replace(':', '_')}`);
}

/** Announcements: write once in up to three languages, preview who gets what, send through the outbox. */
export function announcementRoutes(deps: MailDeps): Router {
  const router = Router();
  const base = '/admin/events/:eventId/announcements';
  router.use(base, requireUser);

  const groupsOf = async (req: Request, event: EventView) => {
    const sessions = await listSessions(event.id);
    const titles = new Map(sessions.map((s) => [s.id, localized(s.title, req.language, event.languages)]));
    return groupKeys(
      sessions.map((s) => s.id),
      // The countries as the reader's language sorts their names.
      countriesByName(req.language, event.countries).map((c) => c.code),
    ).map((key) => ({ key, label: groupLabel(req, key, titles) }));
  };

  router.get(base, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    res.render('announcements/list', {
      ...eventPage(event, req.language, req.t('announcements.title')),
      event,
      announcements: await listAnnouncements(event.id),
      groups: await groupsOf(req, event),
    });
  });

  router.get(`${base}/new`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    res.render('announcements/new', {
      ...eventPage(event, req.language, req.t('announcements.new')),
      event,
      groups: await groupsOf(req, event),
      languages: LANGUAGES,
      values: { draftKey: randomUUID(), group: 'confirmed' },
    });
  });

  router.post(base, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const body = formBody(req);
    const locals = async () => ({
      ...eventPage(event, req.language, req.t('announcements.new')),
      event,
      groups: await groupsOf(req, event),
      languages: LANGUAGES,
    });
    await handleForm(req, res, { view: 'announcements/new', locals, values: body, fieldName }, async () => {
      const input = parse(announcementInput, inputFromForm(body));
      if (input.action === 'preview') {
        res.render('announcements/new', {
          ...(await locals()),
          values: body,
          preview: await previewAnnouncement(event, input, deps.settings),
        });
        return;
      }
      const outcome = await sendAnnouncement(event, input, actorOf(req), deps);
      await flash(req, req.t('flash.announcementQueued', { count: outcome.queued }));
      res.redirect(303, `/admin/outbox/batches/${outcome.batchId}?event=${event.id}&kind=announcements`);
    });
  });

  return router;
}
