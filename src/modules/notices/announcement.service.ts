import { isDuplicateKey } from '../../db/duplicate-key.js';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n/index.js';
import { localized, type EventView } from '../events/index.js';
import { fullName, languageOf, personFields, type MailSettings } from '../invitations/index.js';
import { composeMail, enqueueMessage, eventTemplate, type RenderedMail } from '../messaging/index.js';
import { getPeople, type PersonView } from '../people/index.js';
import { membersOf } from './announcement.groups.js';
import { Announcement } from './announcement.model.js';
import type { AnnouncementInput } from './announcement.schemas.js';

async function render(
  event: EventView,
  person: PersonView,
  input: Pick<AnnouncementInput, 'subject' | 'message'>,
  settings: MailSettings,
): Promise<RenderedMail & { language: Language }> {
  const language = languageOf(person, event);
  const mail = composeMail(
    'announcement',
    language,
    await eventTemplate(event.id, 'announcement', language),
    {
      ...personFields(person, event, language, settings.publicUrl),
      title: localized(input.subject, language, event.languages),
      message: localized(input.message, language, event.languages),
    },
  );
  return { ...mail, language };
}

/** Who an announcement would reach (and who has no email), with one mail per language as it will read. */
export async function previewAnnouncement(
  event: EventView,
  input: AnnouncementInput,
  settings: MailSettings,
) {
  const people = await getPeople(await membersOf(event.id, input.group));
  const reachable = people.filter((p) => p.email);
  const samples = new Map<Language, RenderedMail & { to: string }>();
  for (const person of reachable) {
    const mail = await render(event, person, input, settings);
    if (!samples.has(mail.language)) samples.set(mail.language, { ...mail, to: fullName(person) });
  }
  return {
    recipients: reachable.map((p) => ({ name: fullName(p), language: languageOf(p, event) })),
    withoutEmail: people.filter((p) => !p.email).map(fullName),
    samples: [...samples.entries()].map(([language, mail]) => ({ language, ...mail })),
  };
}

/** Records the announcement (once per form) and queues one mail per reachable member. */
export async function sendAnnouncement(
  event: EventView,
  input: AnnouncementInput,
  actor: Actor,
  deps: { clock: Clock; settings: MailSettings },
): Promise<{ batchId: string; queued: number }> {
  const batchId = randomUUID();
  let announcement;
  try {
    announcement = await Announcement.create({
      eventId: event.id,
      draftKey: input.draftKey,
      group: input.group,
      subject: input.subject,
      message: input.message,
      batchId,
      createdBy: actor.label,
      createdAt: deps.clock.now(),
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await Announcement.findOne({ draftKey: input.draftKey }).lean();
    if (!existing || existing.eventId !== event.id) throw new ConflictError('ALREADY_SENT');
    return { batchId: existing.batchId, queued: 0 };
  }
  const people = (await getPeople(await membersOf(event.id, input.group))).filter((p) => p.email);
  let queued = 0;
  for (const person of people) {
    const mail = await render(event, person, input, deps.settings);
    const result = await enqueueMessage(
      {
        to: [{ name: fullName(person), email: person.email! }],
        locale: mail.language,
        template: 'announcement',
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        dedupeKey: `announcement:${announcement.id}:${person.id}`,
        sender: event.sender,
        related: [
          { type: 'event', id: event.id },
          { type: 'person', id: person.id },
          { type: 'announcement', id: announcement.id },
          { type: 'batch', id: batchId },
        ],
      },
      deps.clock,
      deps.settings.domain,
    );
    if (result.created) queued += 1;
  }
  await Announcement.updateOne({ _id: announcement._id }, { $set: { recipients: queued } });
  return { batchId, queued };
}

export async function listAnnouncements(eventId: string) {
  const docs = await Announcement.find({ eventId }).sort({ createdAt: -1 }).lean();
  return docs.map((d) => ({
    id: String(d._id),
    group: d.group,
    subject: d.subject ?? {},
    recipients: d.recipients,
    batchId: d.batchId,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
  }));
}
