import type { Clock } from '../../shared/clock.js';
import { countryName } from '../../shared/countries.js';
import { translatorFor } from '../../shared/i18n/index.js';
import type { EventView } from '../events/index.js';
import { fullName, languageOf, personFields, type MailSettings } from '../invitations/index.js';
import { afterEvent, issueLink, validityUntil } from '../links/index.js';
import { queueTemplatedMail, type RegistrationKey } from '../messaging/index.js';
import type { PersonView } from '../people/index.js';
import type { RegistrationView } from './registration.views.js';

export const REGISTRATION_LINK = 'registration';

/** The person's private page: valid until 30 days after the event (for the certificate), never less than 30 days. */
export async function issueSelfServiceLink(event: EventView, registrationId: string, clock: Clock) {
  const validForMs = validityUntil(afterEvent(event, 30), clock.now());
  return issueLink({ purpose: REGISTRATION_LINK, subject: registrationId, validForMs }, clock);
}

/**
 * A mail about a registration, in the person's language, with a fresh private link. The dedupe
 * key names the registration, the mail and the submission it answers, so a repeated decision
 * sends it once. True when a new mail was queued.
 */
export async function mailRegistration(
  input: {
    event: EventView;
    registration: RegistrationView;
    person: PersonView;
    key: RegistrationKey;
    reason?: string | undefined;
    dedupe?: string;
  },
  deps: { clock: Clock; settings: MailSettings },
): Promise<boolean> {
  const { event, registration, person, key } = input;
  if (!person.email) return false;
  const language = registration.language ?? languageOf(person, event);
  const t = translatorFor(language);
  const link = await issueSelfServiceLink(event, registration.id, deps.clock);
  return queueTemplatedMail(
    {
      eventId: event.id,
      key,
      language,
      fields: {
        ...personFields(person, event, language, deps.settings.publicUrl),
        category: t(`registrations.categories.${registration.category}`),
        // Where the person stands: the country they represent, their place in its delegation, the status.
        country: registration.countryRepresented
          ? countryName(registration.countryRepresented, language)
          : '',
        role: registration.delegationRole ? t(`delegations.roles.${registration.delegationRole}`) : '',
        status: t(`registrations.statuses.${registration.status}`),
        // Without a reason the template's "Motivo:" line is left out.
        reason: input.reason ?? '',
        venue: [event.venue.name, event.venue.city].filter(Boolean).join(', '),
        manageUrl: `${deps.settings.publicUrl}/registrations/${link.token}?lang=${language}`,
      },
      to: { name: fullName(person), email: person.email },
      dedupeKey: `registration:${registration.id}:${key}:${input.dedupe ?? registration.arrival}`,
      related: [
        { type: 'event', id: event.id },
        { type: 'person', id: person.id },
        { type: 'registration', id: registration.id },
      ],
    },
    { clock: deps.clock, domain: deps.settings.domain },
  );
}
