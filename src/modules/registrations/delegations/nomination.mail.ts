import { createHash } from 'node:crypto';
import { countryName } from '../../../shared/countries.js';
import { translatorFor, type Language } from '../../../shared/i18n/index.js';
import type { ContactView } from '../../contacts/index.js';
import { languageOf, localized, teamToNotify, type EventView } from '../../events/index.js';
import { afterEvent, issueLink, validityUntil } from '../../links/index.js';
import { queueTemplatedMail } from '../../messaging/index.js';
import type { PersonView } from '../../people/index.js';
import { registrationRules } from '../places/settings.service.js';
import type { RegistrationDeps } from '../registration.service.js';
import type { RegistrationView } from '../registration.views.js';
import type { DelegationView } from './delegation.service.js';

/** The purpose of a focal point's private link. */
export const NOMINATION_LINK = 'nomination';

/** The focal point's language: their own if Foro speaks it, else the event's first. */
export const focalLanguage = (contact: Pick<ContactView, 'language'>, event: EventView): Language =>
  languageOf(contact, event);

const related = (event: EventView, delegation: DelegationView, contactId: string) => [
  { type: 'event', id: event.id },
  { type: 'contact', id: contactId },
  { type: 'delegation', id: delegation.id },
];

/**
 * Mails the focal point a fresh private nomination link, valid until the event ends (at least
 * 30 days), with the quota and the deadline. Returns whether this call queued the mail (the
 * dedupe key decides).
 */
export async function mailNominationLink(
  event: EventView,
  delegation: DelegationView,
  contact: ContactView & { email: string },
  dedupeKey: string,
  deps: RegistrationDeps,
): Promise<boolean> {
  const now = deps.clock.now();
  const link = await issueLink(
    { purpose: NOMINATION_LINK, subject: delegation.id, validForMs: validityUntil(afterEvent(event), now) },
    deps.clock,
  );
  const language = focalLanguage(contact, event);
  const rules = await registrationRules(event);
  return queueTemplatedMail(
    {
      eventId: event.id,
      key: 'registration.nomination',
      language,
      fields: {
        honorific: contact.honorific ?? '',
        name: contact.name,
        event: localized(event.title, language, event.languages),
        country: countryName(delegation.country, language),
        quota: String(delegation.quota),
        deadline: new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: event.timezone }).format(
          rules.closesAt,
        ),
        manageUrl: `${deps.settings.publicUrl}/nominations/${link.token}?lang=${language}`,
      },
      to: { name: contact.name, email: contact.email },
      dedupeKey,
      related: related(event, delegation, contact.id),
    },
    { clock: deps.clock, domain: deps.settings.domain },
  );
}

export interface NominationMember {
  registration: RegistrationView;
  person: PersonView | undefined;
}

/**
 * What a sent nomination held: its members with their roles and the official note. Sending the
 * same again changes nothing and mails nobody; a changed delegation may be sent again.
 */
export function nominationDigest(delegation: DelegationView, members: NominationMember[]): string {
  const lines = members
    .map((m) => `${m.registration.id}:${m.registration.delegationRole ?? 'member'}`)
    .sort()
    .concat(delegation.note ? `note:${delegation.note.uploadedAt.getTime()}` : 'no-note');
  return createHash('sha256').update(lines.join('\n')).digest('base64url').slice(0, 22);
}

/** The members, one a line, in a language: "Ana Pérez — Jefe/a de delegación (Pendiente)". */
function memberLines(members: NominationMember[], language: Language): string {
  const t = translatorFor(language);
  return members
    .map((m) => {
      const name = m.person ? `${m.person.givenName} ${m.person.familyName}` : m.registration.personId;
      const role = t(`delegations.roles.${m.registration.delegationRole ?? 'member'}`);
      return `- ${name} — ${role} (${t(`registrations.statuses.${m.registration.status}`)})`;
    })
    .join('\n');
}

/**
 * The summary of a sent nomination, to the focal point (with their own link) and to each
 * organizer of the event's team who takes notifications (with the delegation's page), each in
 * their language. Keyed by what was sent: the same nomination mails each of them once.
 */
export async function mailNominationSummary(
  input: {
    event: EventView;
    delegation: DelegationView;
    contact: ContactView;
    members: NominationMember[];
    digest: string;
    /** The focal point's own page (the link they are using). */
    focalUrl: string;
  },
  deps: RegistrationDeps,
): Promise<number> {
  const { event, delegation, contact, members, digest } = input;
  const fieldsIn = (language: Language) => {
    const t = translatorFor(language);
    return {
      event: localized(event.title, language, event.languages),
      country: countryName(delegation.country, language),
      quota: t('delegations.quotaShort', { used: members.length, quota: delegation.quota }),
      members: memberLines(members, language),
      officialNote: delegation.note ? delegation.note.fileName : t('delegations.noNote'),
    };
  };
  const send = (
    language: Language,
    to: { name: string; email: string },
    extra: Record<string, string>,
    key: string,
  ) =>
    queueTemplatedMail(
      {
        eventId: event.id,
        key: 'registration.nominationSent',
        language,
        fields: { ...fieldsIn(language), ...extra },
        to,
        dedupeKey: `nomination-sent:${delegation.id}:${digest}:${key}`,
        related: related(event, delegation, contact.id),
      },
      { clock: deps.clock, domain: deps.settings.domain },
    );
  let queued = 0;
  const language = focalLanguage(contact, event);
  const focal = { honorific: contact.honorific ?? '', name: contact.name, manageUrl: input.focalUrl };
  if (contact.email && (await send(language, { name: contact.name, email: contact.email }, focal, 'focal')))
    queued += 1;
  const adminUrl = `${deps.settings.publicUrl}/admin/events/${event.id}/delegations/${delegation.id}`;
  for (const { user, language: teamLanguage } of await teamToNotify(event)) {
    if (
      await send(
        teamLanguage,
        { name: user.name, email: user.email },
        { name: user.name, manageUrl: adminUrl },
        `user:${user.id}`,
      )
    )
      queued += 1;
  }
  return queued;
}
