import type { Language } from '../../shared/i18n/index.js';
import { INTL_LOCALE } from '../../shared/i18n/index.js';
import { localized, type EventView } from '../events/index.js';
import { sessionTimeFields, type MailDeps } from '../invitations/index.js';
import { afterEvent, issueLink, validityUntil } from '../links/index.js';
import { queueTemplatedMail, type SideEventKey } from '../messaging/index.js';
import type { ProposalView } from './proposal.views.js';
import type { Slot } from './slots.js';

/** The purpose of a proposer's private link. */
export const PROPOSAL_LINK = 'side-event-proposal';

/** A fresh private link to a proposal's page, valid until the event ends (at least 30 days). */
export async function proposalLink(event: EventView, proposalId: string, deps: MailDeps): Promise<string> {
  const link = await issueLink(
    {
      purpose: PROPOSAL_LINK,
      subject: proposalId,
      validForMs: validityUntil(afterEvent(event), deps.clock.now()),
    },
    deps.clock,
  );
  return link.token;
}

/** Day, time (with the zone) and room of a slot, in a language. */
export function slotMailFields(slot: Slot, event: EventView, language: Language) {
  return {
    ...sessionTimeFields(slot, event, language),
    room: event.rooms.find((r) => r.id === slot.roomId)?.name ?? '',
  };
}

/**
 * Mails every proposer of a proposal (the contact, and those of proposals merged into it), each
 * in their language with a fresh link to the page. `occasion` keeps one mail per decision.
 */
export async function mailProposers(
  input: {
    event: EventView;
    proposal: ProposalView;
    key: SideEventKey;
    occasion: string;
    slot?: Slot | undefined;
    reason?: string | undefined;
    closesAt?: Date | undefined;
  },
  deps: MailDeps,
): Promise<void> {
  const { event, proposal } = input;
  for (const contact of [proposal.contact, ...proposal.otherContacts]) {
    const language = contact.language;
    const token = await proposalLink(event, proposal.id, deps);
    await queueTemplatedMail(
      {
        eventId: event.id,
        key: input.key,
        language,
        fields: {
          name: contact.name,
          event: localized(event.title, language, event.languages),
          title: localized(proposal.title, language, event.languages),
          manageUrl: `${deps.settings.publicUrl}/side-events/${token}?lang=${language}`,
          ...(input.slot && slotMailFields(input.slot, event, language)),
          ...(input.reason && { reason: input.reason }),
          ...(input.closesAt && {
            deadline: new Intl.DateTimeFormat(INTL_LOCALE[language], {
              dateStyle: 'long',
              timeZone: event.timezone,
            }).format(input.closesAt),
          }),
        },
        to: { name: contact.name, email: contact.email },
        dedupeKey: `side-event:${proposal.id}:${input.occasion}:${contact.email}`,
        related: [
          { type: 'event', id: event.id },
          { type: 'side-event', id: proposal.id },
        ],
      },
      { clock: deps.clock, domain: deps.settings.domain },
    );
  }
}
