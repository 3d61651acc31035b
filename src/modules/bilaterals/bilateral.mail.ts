import { countryName } from '../../shared/countries.js';
import { absentIfNotFound } from '../../shared/errors.js';
import { translatorFor, type Language } from '../../shared/i18n/index.js';
import { getContact } from '../contacts/index.js';
import { localized, type EventView } from '../events/index.js';
import { organizerOf, type MailDeps } from '../invitations/index.js';
import { afterEvent, issueLink, validityUntil } from '../links/index.js';
import { queueTemplatedMail, type SideEventKey } from '../messaging/index.js';
import { focalLanguage, getDelegation, NOMINATION_LINK } from '../registrations/index.js';
import { slotLabel, slotMailFields, type Slot } from '../side-events/index.js';
import { formatDay } from '../../shared/zoned-time.js';
import { bilateralCalendar } from './bilateral.calendar.js';
import type { BilateralView } from './bilateral.views.js';

/**
 * Mails one side of a bilateral (the focal point of `delegationId`) in their language, with a
 * fresh nomination link; with `calendar`, a REQUEST or CANCEL entry attached under the
 * bilateral's one UID.
 */
export async function mailBilateralSide(
  input: {
    event: EventView;
    bilateral: BilateralView;
    delegationId: string;
    key: SideEventKey;
    occasion: string;
    slot?: Slot | undefined;
    offered?: Slot[];
    calendar?: 'REQUEST' | 'CANCEL';
  },
  deps: MailDeps,
): Promise<void> {
  const { event, bilateral } = input;
  const delegation = await getDelegation(input.delegationId);
  const contact = await getContact(delegation.contactId).catch(absentIfNotFound);
  if (!contact?.email) return;
  const language: Language = focalLanguage(contact, event);
  const t = translatorFor(language);
  const other = delegation.id === bilateral.askingId ? bilateral.askedCountry : bilateral.askingCountry;
  const link = await issueLink(
    {
      purpose: NOMINATION_LINK,
      subject: delegation.id,
      validForMs: validityUntil(afterEvent(event), deps.clock.now()),
    },
    deps.clock,
  );
  const manageUrl = `${deps.settings.publicUrl}/nominations/${link.token}/bilaterals?lang=${language}`;
  const to = { name: contact.name, email: contact.email };
  const attachments =
    input.calendar && input.slot
      ? [
          {
            filename: input.calendar === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
            contentType: `text/calendar; charset=utf-8; method=${input.calendar}`,
            content: Buffer.from(
              bilateralCalendar({
                event,
                bilateralId: bilateral.id,
                sequence: bilateral.sequence,
                slot: input.slot,
                summary: t('bilaterals.calendarSummary', { country: countryName(other, language) }),
                description: bilateral.subject,
                method: input.calendar,
                organizer: organizerOf(event, deps.settings),
                attendee: to,
                stamp: deps.clock.now(),
              }),
            ),
          },
        ]
      : [];
  await queueTemplatedMail(
    {
      eventId: event.id,
      key: input.key,
      language,
      fields: {
        honorific: contact.honorific ?? '',
        name: contact.name,
        event: localized(event.title, language, event.languages),
        country: countryName(other, language),
        title: bilateral.subject,
        level: t(`bilaterals.levels.${bilateral.level}`),
        manageUrl,
        ...(input.slot && slotMailFields(input.slot, event, language)),
        ...(input.offered && {
          slots: input.offered
            .map((s) => `- ${slotLabel(s, event, (date) => formatDay(date, language))}`)
            .join('\n'),
        }),
      },
      to,
      dedupeKey: `bilateral:${bilateral.id}:${input.occasion}:${delegation.id}`,
      related: [
        { type: 'event', id: event.id },
        { type: 'delegation', id: delegation.id },
        { type: 'bilateral', id: bilateral.id },
      ],
      attachments,
    },
    { clock: deps.clock, domain: deps.settings.domain },
  );
}
