import { shortCache } from '../../db/short-cache.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ValidationError } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n/index.js';
import { recordChange } from '../audit/index.js';
import { eventSender } from '../events/index.js';
import {
  PLACEHOLDERS,
  defaultTemplate,
  subjectFor,
  type MailFields,
  type TemplateKey,
} from './catalogue/index.js';
import { enqueueMessage, type NewMessage } from './outbox.service.js';
import { EventMailTemplate } from './template.model.js';
import { greetingFor } from './greeting.js';
import { renderMail, unknownPlaceholders, type MailTemplate, type RenderedMail } from './templates.js';

export interface EventTemplate extends MailTemplate {
  custom: boolean;
}

/** The organizers' templates as each mail reads them, for a moment (db/short-cache.ts). */
const customTemplates = shortCache<{ subject: string; body: string } | null>();

/** The template an event uses: the organizers' version if they wrote one, else Foro's default. */
export async function eventTemplate(
  eventId: string,
  key: TemplateKey,
  language: Language,
): Promise<EventTemplate> {
  const custom = await customTemplates.get(`${eventId}:${key}:${language}`, () =>
    EventMailTemplate.findOne({ eventId, key, language }).lean(),
  );
  return custom
    ? { subject: custom.subject, body: custom.body, custom: true }
    : { ...defaultTemplate(key, language), custom: false };
}

/** Which templates of an event the organizers changed, as `key:language`. */
export async function customizedTemplates(eventId: string): Promise<Set<string>> {
  const docs = await EventMailTemplate.find({ eventId }, { key: 1, language: 1 }).lean();
  return new Set(docs.map((d) => `${d.key}:${d.language}`));
}

/** A mail from a template: fields substituted once and escaped per part, the action prefix added. */
export function composeMail(
  key: TemplateKey,
  language: Language,
  template: MailTemplate,
  fields: MailFields,
): RenderedMail {
  // The greeting comes from the honorific unless the caller wrote one (greeting.ts).
  const greeting =
    fields.greeting ?? (fields.name ? greetingFor(language, fields.honorific, fields.name) : undefined);
  const rendered = renderMail(template, { ...fields, ...(greeting && { greeting }) });
  return { ...rendered, subject: subjectFor(key, language, rendered.subject) };
}

/** Saves an organizer's template; a placeholder outside the whitelist is refused, by name. */
export async function saveEventTemplate(
  eventId: string,
  key: TemplateKey,
  language: Language,
  template: MailTemplate,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const unknown = unknownPlaceholders(template, PLACEHOLDERS);
  if (unknown.length > 0) {
    throw new ValidationError([
      { field: 'body', code: 'unknown_placeholder', params: { names: unknown.join(', ') } },
    ]);
  }
  await EventMailTemplate.updateOne(
    { eventId, key, language },
    { $set: { ...template, updatedAt: clock.now(), updatedBy: actor.label } },
    { upsert: true },
  );
  customTemplates.forget();
  await recordChange(
    {
      action: 'mail-template.saved',
      subjectType: 'event',
      subjectId: eventId,
      actor,
      changes: [{ field: `template:${key}:${language}`, from: null, to: template.subject }],
    },
    clock,
  );
}

/** Back to Foro's default text. */
export async function resetEventTemplate(
  eventId: string,
  key: TemplateKey,
  language: Language,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const { deletedCount } = await EventMailTemplate.deleteOne({ eventId, key, language });
  customTemplates.forget();
  if (deletedCount === 0) return;
  await recordChange(
    {
      action: 'mail-template.reset',
      subjectType: 'event',
      subjectId: eventId,
      actor,
      changes: [{ field: `template:${key}:${language}`, from: 'custom', to: 'default' }],
    },
    clock,
  );
}

/**
 * Queues one mail written from an event's template: the organizers' version or the default
 * (or a template the caller already read, for bulk sends), composed and escaped, then queued
 * under its dedupe key. Returns whether this call queued it.
 */
export async function queueTemplatedMail(
  input: {
    eventId: string;
    key: TemplateKey;
    language: Language;
    fields: MailFields;
    to: { name: string; email: string };
    dedupeKey: string;
    related: { type: string; id: string }[];
    attachments?: NewMessage['attachments'];
    template?: MailTemplate;
  },
  deps: { clock: Clock; domain: string },
): Promise<boolean> {
  const template = input.template ?? (await eventTemplate(input.eventId, input.key, input.language));
  const mail = composeMail(input.key, input.language, template, input.fields);
  const queued = await enqueueMessage(
    {
      to: [input.to],
      locale: input.language,
      template: input.key,
      ...mail,
      attachments: input.attachments ?? [],
      dedupeKey: input.dedupeKey,
      related: input.related,
      // Each event's mails come from its own sender where it set one (event settings).
      sender: await eventSender(input.eventId),
    },
    deps.clock,
    deps.domain,
  );
  return queued.created;
}
