import { countryName } from '../../shared/countries.js';
import { absentIfNotFound } from '../../shared/errors.js';
import { translatorFor, type Language } from '../../shared/i18n/index.js';
import { formatInstant } from '../../shared/time.js';
import { getContact } from '../contacts/index.js';
import { localized, teamToNotify, type EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { afterEvent, issueLink, validityUntil } from '../links/index.js';
import { Message, queueTemplatedMail, type MailFields } from '../messaging/index.js';
import type { OutcomeKey } from '../messaging/catalogue/outcome.js';
import { delegationsOf, focalLanguage, NOMINATION_LINK } from '../registrations/index.js';
import type { OutcomeView } from './outcome.views.js';
import { versionName } from './outcome.views.js';

/** One step of a text that people are told of, once each: `occurrence` names it uniquely. */
export interface OutcomeNotice {
  key: OutcomeKey;
  /** Unique per step ("round:0", "silence:<id>:started"): with the recipient, the mail's dedupe key. */
  occurrence: string;
  version: number;
  deadline?: Date;
  country?: string;
  reason?: string;
}

/**
 * Tells the focal points of the event's delegations (each in their language, with their
 * nomination link to the text's page) and the team members who asked for notices (in the event's
 * first language, with the team's page). Each recipient gets one mail per step, whoever calls
 * this and however many times: the dedupe key is the step's and the recipient's.
 */
export async function tellAboutOutcome(
  event: EventView,
  outcome: OutcomeView,
  notice: OutcomeNotice,
  deps: MailDeps,
): Promise<void> {
  const base = `outcome:${outcome.id}:${notice.occurrence}`;
  const fieldsIn = (language: Language): MailFields => {
    const t = translatorFor(language);
    return {
      event: localized(event.title, language, event.languages),
      title: localized(outcome.title, language, event.languages),
      version: versionName(t, notice.version),
      ...(notice.deadline && { deadline: formatInstant(notice.deadline, event.timezone, language) }),
      ...(notice.country && { country: countryName(notice.country, language) }),
      ...(notice.reason && { reason: notice.reason }),
    };
  };
  const related = [
    { type: 'event', id: event.id },
    { type: 'outcome', id: outcome.id },
  ];
  const send = { clock: deps.clock, domain: deps.settings.domain };

  for (const delegation of await delegationsOf(event.id)) {
    const dedupeKey = `${base}:delegation:${delegation.id}`;
    // Already queued (a retried step): no fresh link is issued for a mail that is not sent.
    if (await Message.exists({ dedupeKey })) continue;
    const contact = await getContact(delegation.contactId).catch(absentIfNotFound);
    if (!contact?.email) continue;
    const language = focalLanguage(contact, event);
    const link = await issueLink(
      {
        purpose: NOMINATION_LINK,
        subject: delegation.id,
        validForMs: validityUntil(afterEvent(event), deps.clock.now()),
      },
      deps.clock,
    );
    await queueTemplatedMail(
      {
        eventId: event.id,
        key: notice.key,
        language,
        fields: {
          ...fieldsIn(language),
          honorific: contact.honorific ?? '',
          name: contact.name,
          manageUrl: `${deps.settings.publicUrl}/nominations/${link.token}/outcome/${outcome.id}?lang=${language}`,
        },
        to: { name: contact.name, email: contact.email },
        dedupeKey,
        related: [...related, { type: 'delegation', id: delegation.id }],
      },
      send,
    );
  }

  const manageUrl = `${deps.settings.publicUrl}/admin/events/${event.id}/outcome/${outcome.id}`;
  for (const { user, language } of await teamToNotify(event)) {
    await queueTemplatedMail(
      {
        eventId: event.id,
        key: notice.key,
        language,
        fields: { ...fieldsIn(language), manageUrl, name: user.name },
        to: { name: user.name, email: user.email },
        dedupeKey: `${base}:user:${user.id}`,
        related,
      },
      send,
    );
  }
}
