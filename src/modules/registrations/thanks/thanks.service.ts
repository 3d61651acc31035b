import mongoose from 'mongoose';
import type { Config } from '../../../config/index.js';
import { countryName } from '../../../shared/countries.js';
import { absentIfNotFound } from '../../../shared/errors.js';
import type { Language } from '../../../shared/i18n/index.js';
import { personalDownloads } from '../../calendar/index.js';
import { localized, type EventView } from '../../events/index.js';
import { takeSlot } from '../../limits/index.js';
import { mailsAbout } from '../../messaging/index.js';
import { displayName, getPerson, type PersonView } from '../../people/index.js';
import { latestVersionNumber } from '../../published-programme/index.js';
import { scopes, type SeatAllocator } from '../places/seats.js';
import { registrationRules, type RegistrationRules } from '../places/settings.service.js';
import { workshopsOf } from '../places/workshops.js';
import { Registration } from '../registration.model.js';
import { mailRegistration } from '../registration.mail.js';
import { getRegistration, type RegistrationDeps } from '../registration.service.js';
import type { RegistrationView } from '../registration.views.js';
import type { Receipt } from './receipt.js';

/** Resending the private link: a few times an hour per registration, counted across processes. */
export const RESEND_LIMIT = { windowMs: 60 * 60_000, limit: 3 } as const;

/** "beatriz@ibge.example" → "b•••@ibge.example": enough to recognize one's own address, not to learn someone's. */
export function maskedEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const first = [...email.slice(0, Math.max(at, 0))][0];
  return at > 0 && first ? `${first}•••${email.slice(at)}` : '•••';
}

/** The registration a receipt names, if it still exists and belongs to this event. */
export async function receiptRegistration(
  event: EventView,
  receipt: Receipt,
): Promise<{ registration: RegistrationView; person: PersonView } | undefined> {
  const registration = await getRegistration(receipt.registrationId).catch(absentIfNotFound);
  if (!registration || registration.eventId !== event.id) return undefined;
  const person = await getPerson(registration.personId).catch(absentIfNotFound);
  return person && { registration, person };
}

/**
 * A waiting registration's place in line, as `promoteWaiting` walks it: earlier arrivals first.
 * While the event itself is full everyone who waits stands in one line; otherwise only the
 * registration's category is full, and only those of its category stand ahead of it.
 */
export async function waitingPosition(
  registration: RegistrationView,
  rules: RegistrationRules,
  seats: SeatAllocator,
): Promise<number> {
  const eventFull =
    rules.capacity !== undefined && (await seats.count(scopes.event(registration.eventId))) >= rules.capacity;
  const ahead = await Registration.countDocuments({
    eventId: registration.eventId,
    status: 'waitlisted',
    ...(!eventFull && { category: registration.category }),
    arrival: mongoose.trusted({ $lt: registration.arrival }),
  });
  return ahead + 1;
}

/** Everything the page after the form shows its own sender: status, what was sent, downloads. */
export async function ownReceipt(
  event: EventView,
  { registration, person }: { registration: RegistrationView; person: PersonView },
  language: Language,
  deps: RegistrationDeps & { config: Config },
) {
  const [workshops, mails, position, downloads] = await Promise.all([
    registration.workshops.length > 0 ? workshopsOf(event.id) : Promise.resolve([]),
    mailsAbout('registration', registration.id),
    registration.status === 'waitlisted'
      ? registrationRules(event).then((rules) => waitingPosition(registration, rules, deps.seats))
      : Promise.resolve(undefined),
    readyDownloads(event, registration, deps.config),
  ]);
  const titles = new Map(workshops.map((w) => [w.id, localized(w.title, language, event.languages)]));
  const lastMail = mails[0];
  return {
    status: registration.status,
    position,
    summary: {
      name: displayName(person),
      organization: person.organization ?? '',
      category: registration.category,
      country: registration.countryRepresented ? countryName(registration.countryRepresented, language) : '',
      workshops: registration.workshops.map((w) => ({
        title: titles.get(w.sessionId) ?? '',
        status: w.status,
      })),
      visaLetter: registration.visaLetter,
    },
    mail: {
      to: person.email ? maskedEmail(person.email) : '',
      subject: lastMail?.subject ?? '',
      status: lastMail?.status ?? '',
    },
    downloads,
  };
}

/**
 * What is ready to download: a confirmed person's own programme and calendar, anyone else the
 * event's programme and calendar, and only once a programme is published.
 */
async function readyDownloads(event: EventView, registration: RegistrationView, config: Config) {
  if (registration.status === 'confirmed') {
    const personal = await personalDownloads(config, event, registration.personId);
    return personal && { personal };
  }
  if (['rejected', 'cancelled'].includes(registration.status)) return undefined;
  if ((await latestVersionNumber(event.id)) === undefined) return undefined;
  return {
    event: {
      programmeUrl: `/events/${event.slug}/programme.pdf`,
      calendarUrl: `/events/${event.slug}/calendar.ics`,
      languages: event.languages,
    },
  };
}

export type ResendResult =
  { outcome: 'sent' } | { outcome: 'limited'; retryAt: Date } | { outcome: 'no-address' };

/**
 * Mails the registrant their private link again: one new mail in the outbox per request, within
 * `RESEND_LIMIT` per registration (slots in the database, so every process counts the same).
 */
export async function resendOwnLink(
  event: EventView,
  { registration, person }: { registration: RegistrationView; person: PersonView },
  deps: RegistrationDeps,
): Promise<ResendResult> {
  if (!person.email) return { outcome: 'no-address' };
  const hit = await takeSlot(`registration-link-resend:${registration.id}`, {
    ...RESEND_LIMIT,
    now: deps.clock.now(),
  });
  if (!hit.slot) return { outcome: 'limited', retryAt: hit.resetAt };
  // The slot names this request alone: the mail is new, never taken for an earlier one.
  await mailRegistration(
    { event, registration, person, key: 'registration.link', dedupe: `resend:${hit.slot}` },
    deps,
  );
  return { outcome: 'sent' };
}
