import { isDuplicateKey } from '../../../db/duplicate-key.js';
import type { Actor } from '../../../shared/actor.js';
import { countryName } from '../../../shared/countries.js';
import { absentIfNotFound, NotFoundError, ValidationError } from '../../../shared/errors.js';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { recordChange } from '../../audit/index.js';
import { getContact } from '../../contacts/index.js';
import type { EventView } from '../../events/index.js';
import { settleCapacities } from '../places/capacity.js';
import { Registration } from '../registration.model.js';
import type { RegistrationDeps } from '../registration.service.js';
import { toRegistrationView, type StoredRegistration } from '../registration.views.js';
import { Delegation } from './delegation.model.js';
import { mailNominationLink } from './nomination.mail.js';

export { NOMINATION_LINK } from './nomination.mail.js';

export interface DelegationView {
  id: string;
  eventId: string;
  country: string;
  contactId: string;
  quota: number;
  invitedAt: Date;
  /** When the nomination link was last mailed. */
  linkSentAt: Date;
  submittedAt: Date | undefined;
  submittedDigest: string | undefined;
  note: { fileName: string; size: number; uploadedAt: Date } | undefined;
}

type StoredDelegation = {
  _id: unknown;
  eventId: string;
  country: string;
  contactId: string;
  quota: number;
  invitedAt: Date;
  linkSentAt?: Date | null;
  submittedAt?: Date | null;
  submittedDigest?: string | null;
  note?: { fileName?: string | null; size?: number | null; uploadedAt?: Date | null } | null;
};

function toDelegationView(d: StoredDelegation): DelegationView {
  return {
    id: String(d._id),
    eventId: d.eventId,
    country: d.country,
    contactId: d.contactId,
    quota: d.quota,
    invitedAt: d.invitedAt,
    linkSentAt: d.linkSentAt ?? d.invitedAt,
    submittedAt: d.submittedAt ?? undefined,
    submittedDigest: d.submittedDigest ?? undefined,
    note: d.note?.fileName
      ? { fileName: d.note.fileName, size: d.note.size ?? 0, uploadedAt: d.note.uploadedAt ?? d.invitedAt }
      : undefined,
  };
}

export async function getDelegation(id: string): Promise<DelegationView> {
  const doc = await Delegation.findById(id).lean();
  if (!doc) throw new NotFoundError();
  return toDelegationView(doc);
}

/** A delegation of this event (another event's, or none: 404). */
export async function delegationOfEvent(eventId: string, id: string): Promise<DelegationView> {
  const delegation = await getDelegation(id);
  if (delegation.eventId !== eventId) throw new NotFoundError();
  return delegation;
}

/** An event's delegations (by code: pages sort them by the country's name in the reader's language). */
export async function delegationsOf(eventId: string): Promise<DelegationView[]> {
  return (await Delegation.find({ eventId }).sort({ country: 1 }).lean()).map(toDelegationView);
}

export async function membersOf(delegationId: string) {
  const docs = await Registration.find({ delegationId }).sort({ arrival: 1 }).lean();
  return docs.map((d) => toRegistrationView(d as StoredRegistration));
}

/** The members who still count: withdrawn ones keep no place. */
export async function activeMembersOf(delegationId: string) {
  return (await membersOf(delegationId)).filter((m) => m.status !== 'cancelled');
}

/** The focal point a delegation's mails go to: a contact of that very country, with an address. */
async function focalPointFor(country: string, contactId: string) {
  const contact = await getContact(contactId);
  if (!contact.email) throw new ValidationError([{ field: 'contactId', code: 'contact_without_email' }]);
  if (contact.country !== country) {
    throw new ValidationError([
      {
        field: 'contactId',
        code: 'other_country',
        // Both countries named in each language: the message says which one to choose from.
        params: {
          name: contact.name,
          ...Object.fromEntries(
            LANGUAGES.flatMap((l) => [
              [`country_${l}`, countryName(country, l)],
              [`contact_${l}`, countryName(contact.country, l)],
            ]),
          ),
        },
      },
    ]);
  }
  return { ...contact, email: contact.email };
}

/**
 * Invites a country's focal point to nominate its delegation: the delegation (one per country;
 * sending again updates the quota and the focal point), a private link, and the mail in the
 * contact's language. A focal point of another country is refused before anything is written.
 */
export async function inviteNomination(
  event: EventView,
  input: { country: string; contactId: string; quota: number },
  actor: Actor,
  deps: RegistrationDeps,
): Promise<DelegationView> {
  const contact = await focalPointFor(input.country, input.contactId);
  const before = await Delegation.findOne({ eventId: event.id, country: input.country }).lean();
  const now = deps.clock.now();
  await Delegation.updateOne(
    { eventId: event.id, country: input.country },
    {
      $set: {
        contactId: contact.id,
        quota: input.quota,
        invitedAt: now,
        invitedBy: actor.label,
        linkSentAt: now,
      },
    },
    { upsert: true },
  ).catch(async (error: unknown) => {
    if (!isDuplicateKey(error)) throw error;
  });
  const delegation = toDelegationView(
    (await Delegation.findOne({ eventId: event.id, country: input.country }).lean())!,
  );
  // The quota is held back from government delegations' places: both capacities changed.
  await settleCapacities(event, deps);
  await mailNominationLink(event, delegation, contact, `nomination:${delegation.id}:${now.getTime()}`, deps);
  const previous =
    before && before.contactId !== contact.id
      ? ((await getContact(before.contactId).catch(absentIfNotFound))?.name ?? before.contactId)
      : null;
  const changes = [
    ...(before?.quota === input.quota
      ? []
      : [{ field: 'quota', from: before?.quota ?? null, to: input.quota }]),
    ...(before?.contactId === contact.id ? [] : [{ field: 'focalPoint', from: previous, to: contact.name }]),
  ];
  await recordChange(
    {
      action: 'delegation.invited',
      subjectType: 'event',
      subjectId: event.id,
      actor,
      changes: [{ field: `delegation:${input.country}`, from: before?.quota ?? null, to: input.quota }],
    },
    deps.clock,
  );
  await recordChange(
    { action: 'delegation.invited', subjectType: 'delegation', subjectId: delegation.id, actor, changes },
    deps.clock,
  );
  return delegation;
}

/**
 * Mails the focal point a fresh nomination link (the earlier ones still work). `shownSentAt` is
 * when the link was last sent as the organizer's page showed it: a second click on that page,
 * or a page older than someone else's resend, sends nothing ('already'), so one decision sends
 * one mail; the outbox's unique key settles two clicks at the same moment.
 */
export async function resendNomination(
  event: EventView,
  delegation: DelegationView,
  shownSentAt: number,
  actor: Actor,
  deps: RegistrationDeps,
): Promise<'sent' | 'already'> {
  if (shownSentAt !== delegation.linkSentAt.getTime()) return 'already';
  const contact = await focalPointFor(delegation.country, delegation.contactId);
  const queued = await mailNominationLink(
    event,
    delegation,
    contact,
    `nomination:${delegation.id}:resend:${shownSentAt}`,
    deps,
  );
  if (!queued) return 'already';
  await Delegation.updateOne({ _id: delegation.id }, { $set: { linkSentAt: deps.clock.now() } });
  await recordChange(
    {
      action: 'delegation.resent',
      subjectType: 'delegation',
      subjectId: delegation.id,
      actor,
      changes: [{ field: 'to', from: null, to: contact.name }],
    },
    deps.clock,
  );
  return 'sent';
}

/**
 * A new quota. Capacities are settled as for any capacity change (places/capacity.ts): a lower
 * quota removes nobody, and no one more can be named until enough withdraw; the public places
 * of government delegations change by the difference.
 */
export async function changeQuota(
  event: EventView,
  delegation: DelegationView,
  quota: number,
  actor: Actor,
  deps: RegistrationDeps,
): Promise<void> {
  if (quota === delegation.quota) return;
  await Delegation.updateOne({ _id: delegation.id }, { $set: { quota } });
  await settleCapacities(event, deps);
  await recordChange(
    {
      action: 'delegation.quota',
      subjectType: 'delegation',
      subjectId: delegation.id,
      actor,
      changes: [{ field: 'quota', from: delegation.quota, to: quota }],
    },
    deps.clock,
  );
}
