import { type Request, Router } from 'express';
import { z } from 'zod';
import type { Config } from '../../../config/index.js';
import type { Clock } from '../../../shared/clock.js';
import { NotFoundError } from '../../../shared/errors.js';
import { LANGUAGES, isLanguage, translatorFor, type Language } from '../../../shared/i18n/index.js';
import { requiredText } from '../../../shared/limits.js';
import { parse } from '../../../shared/validate.js';
import { confirmedOrAsk } from '../../../web/confirm.js';
import { flash } from '../../../web/flash.js';
import { formBody, handleForm } from '../../../web/forms.js';
import { pathParam } from '../../../web/params.js';
import { actorOf, requireUser } from '../../auth/index.js';
import { loadWorkingProgramme } from '../../agenda/index.js';
import { eventPage, eventOf, type EventView } from '../../events/index.js';
import {
  PLACEHOLDERS,
  TEMPLATE_KEYS,
  composeMail,
  customizedTemplates,
  eventTemplate,
  isTemplateKey,
  resetEventTemplate,
  saveEventTemplate,
  type MailFields,
  type MailTemplate,
  type TemplateKey,
  unknownPlaceholders,
} from '../../messaging/index.js';
import { derivedDeadline, effectiveDeadline } from '../sending/deadline.js';
import {
  assignmentFields,
  formatDeadline,
  logisticsText,
  responseLinks,
  type MailSettings,
} from '../mail-context.js';
import { mailSettingsOf } from '../setup.js';

const templateInput = z.strictObject({
  subject: requiredText('title'),
  body: requiredText('description'),
  action: z.enum(['save', 'preview']).default('save'),
});

/** Sample values from the event's own programme, so a preview reads like a real mail. */
async function sampleFields(
  event: EventView,
  key: TemplateKey,
  language: Language,
  settings: MailSettings,
  now: Date,
): Promise<MailFields> {
  const programme = await loadWorkingProgramme(event);
  const role = key.startsWith('invitation.') ? key.slice('invitation.'.length) : undefined;
  const assignment = programme.assignments.find((a) => a.role === role) ?? programme.assignments[0];
  const t = translatorFor(language);
  const base = assignment ? assignmentFields({ event, programme, settings }, assignment, language) : {};
  return {
    honorific: 'Dra.',
    name: 'Ana Pérez',
    ...base,
    ...responseLinks(settings.publicUrl, '…', language),
    deadline: formatDeadline(
      effectiveDeadline(event, { deadline: derivedDeadline(event, now) }),
      event,
      language,
    ),
    changes: t('templates.sampleChanges'),
    title: t('templates.sampleTitle'),
    version: 'Rev.1',
    message: t('templates.sampleMessage'),
    logistics: logisticsText(
      { arrivalDate: event.startDate, departureDate: event.endDate, interpretation: [language] },
      language,
    ),
  };
}

/** Organizers rewrite an event's mails, per template and language, and preview them with real data. */
export function templateRoutes(config: Config, clock: Clock): Router {
  const router = Router();
  const base = '/admin/events/:eventId/mail-templates';
  const settings = mailSettingsOf(config);
  router.use(base, requireUser);

  router.get(base, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const custom = await customizedTemplates(event.id);
    res.render('invitations/templates', {
      ...eventPage(event, req.language, req.t('templates.title')),
      event,
      keys: TEMPLATE_KEYS,
      languages: LANGUAGES,
      custom: [...custom],
    });
  });

  const target = (req: Request) => {
    const key = pathParam(req, 'key');
    const language = pathParam(req, 'language');
    if (!isTemplateKey(key) || !isLanguage(language)) throw new NotFoundError();
    return { key, language };
  };

  const editorPage = async (
    req: Request,
    event: EventView,
    key: TemplateKey,
    language: Language,
    draft?: MailTemplate,
  ) => {
    const template = draft ? { ...draft, custom: true } : await eventTemplate(event.id, key, language);
    const preview = composeMail(
      key,
      language,
      template,
      await sampleFields(event, key, language, settings, clock.now()),
    );
    return {
      ...eventPage(
        event,
        req.language,
        `${req.t(`templates.keys.${key}`)} · ${req.t(`language.${language}`)}`,
      ),
      event,
      key,
      language,
      template,
      preview,
      placeholders: PLACEHOLDERS,
      unknown: unknownPlaceholders(template, PLACEHOLDERS),
      values: { subject: template.subject, body: template.body },
    };
  };

  router.get(`${base}/:key/:language`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const { key, language } = target(req);
    res.render('invitations/template', await editorPage(req, event, key, language));
  });

  router.post(`${base}/:key/:language`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const { key, language } = target(req);
    const body = formBody(req);
    await handleForm(
      req,
      res,
      { view: 'invitations/template', locals: () => editorPage(req, event, key, language), values: body },
      async () => {
        const input = parse(templateInput, body);
        const draft = { subject: input.subject, body: input.body };
        if (input.action === 'preview') {
          res.render('invitations/template', await editorPage(req, event, key, language, draft));
          return;
        }
        await saveEventTemplate(event.id, key, language, draft, actorOf(req), clock);
        await flash(req, req.t('templates.saved'));
        res.redirect(303, `/admin/events/${event.id}/mail-templates/${key}/${language}`);
      },
    );
  });

  router.post(`${base}/:key/:language/reset`, async (req, res) => {
    const event = await eventOf(req, { edit: true });
    const { key, language } = target(req);
    const asked = await confirmedOrAsk(req, res, () => ({
      question: req.t('confirm.resetTemplate.question'),
      consequences: [req.t('confirm.resetTemplate.effect', { language: req.t(`language.${language}`) })],
      confirm: req.t('confirm.resetTemplate.confirm'),
      back: `/admin/events/${event.id}/mail-templates/${key}/${language}`,
    }));
    if (!asked) return;
    await resetEventTemplate(event.id, key, language, actorOf(req), clock);
    await flash(req, req.t('flash.templateReset'));
    res.redirect(303, `/admin/events/${event.id}/mail-templates/${key}/${language}`);
  });

  return router;
}
