import { isDuplicateKey } from '../../../db/duplicate-key.js';
import { Types } from 'mongoose';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { countryName } from '../../../shared/countries.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.js';
import { INTL_LOCALE, isLanguage, type Language } from '../../../shared/i18n/index.js';
import { recordChange } from '../../audit/index.js';
import { getContact } from '../../contacts/index.js';
import { localized, type EventView } from '../../events/index.js';
import { afterEvent, issueLink, validityUntil } from '../../links/index.js';
import { queueTemplatedMail } from '../../messaging/index.js';
import { findOrCreatePersonByEmail } from '../../people/index.js';
import { copyOfPerson } from '../lists/listing.js';
import { settleCapacities } from '../places/capacity.js';
import { confirmOrWaitlist } from '../transitions.js';
import { scopes } from '../places/seats.js';
import { Registration } from '../registration.model.js';
import { mailRegistration } from '../registration.mail.js';
import { decideRegistration, getRegistration, type RegistrationDeps } from '../registration.service.js';
import { toRegistrationView, type RegistrationView, type StoredRegistration } from '../registration.views.js';
import { registrationRules } from '../places/settings.service.js';
import { Delegation, DelegationNote } from './delegation.model.js';
import type { NomineeInput } from './delegation.schemas.js';

export const NOMINATION_LINK = 'nomination';

export interface DelegationView {
  id: string;
  eventId: string;
  country: string;
  contactId: string;
  quota: number;
  invitedAt: Date;
  submittedAt: Date | undefined;
  note: { fileName: string; size: number; uploadedAt: Date } | undefined;
}

type StoredDelegation = {
  _id: unknown;
  eventId: string;
  country: string;
  contactId: string;
  quota: number;
  invitedAt: Date;
  submittedAt?: Date | null;
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
    submittedAt: d.submittedAt ?? undefined,
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

export async function delegationsOf(eventId: string): Promise<DelegationView[]> {
  return (await Delegation.find({ eventId }).sort({ country: 1 }).lean()).map(toDelegationView);
}

/**
 * Invites a country's focal point to nominate its delegation: the delegation (one per country;
 * sending again updates the quota), a private link, and the mail in the contact's language.
 */
export async function inviteNomination(
  event: EventView,
  input: { country: string; contactId: string; quota: number },
  actor: Actor,
  deps: RegistrationDeps,
): Promise<DelegationView> {
  const contact = await getContact(input.contactId);
  if (contact.country !== input.country || !contact.email)
    throw new ValidationError([{ field: 'contactId', code: 'unknown_reference' }]);
  const now = deps.clock.now();
  await Delegation.updateOne(
    { eventId: event.id, country: input.country },
    {
      $set: { contactId: contact.id, quota: input.quota, invitedAt: now, invitedBy: actor.label },
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
  // Nominations are open until the event ends (and, by the one rule, at least 30 days).
  const link = await issueLink(
    { purpose: NOMINATION_LINK, subject: delegation.id, validForMs: validityUntil(afterEvent(event), now) },
    deps.clock,
  );
  const language: Language =
    contact.language && isLanguage(contact.language) ? contact.language : (event.languages[0] ?? 'es');
  const rules = await registrationRules(event);
  await queueTemplatedMail(
    {
      eventId: event.id,
      key: 'registration.nomination',
      language,
      fields: {
        honorific: contact.honorific ?? '',
        name: contact.name,
        event: localized(event.title, language, event.languages),
        country: countryName(input.country, language),
        quota: String(input.quota),
        deadline: new Intl.DateTimeFormat(INTL_LOCALE[language], {
          dateStyle: 'long',
          timeZone: event.timezone,
        }).format(rules.closesAt),
        manageUrl: `${deps.settings.publicUrl}/nominations/${link.token}?lang=${language}`,
      },
      to: { name: contact.name, email: contact.email },
      dedupeKey: `nomination:${delegation.id}:${now.getTime()}`,
      related: [
        { type: 'event', id: event.id },
        { type: 'contact', id: contact.id },
        { type: 'delegation', id: delegation.id },
      ],
    },
    { clock: deps.clock, domain: deps.settings.domain },
  );
  await recordChange(
    {
      action: 'delegation.invited',
      subjectType: 'event',
      subjectId: event.id,
      actor,
      changes: [{ field: `delegation:${input.country}`, from: null, to: input.quota }],
    },
    deps.clock,
  );
  return delegation;
}

export async function membersOf(delegationId: string) {
  const docs = await Registration.find({ delegationId }).sort({ arrival: 1 }).lean();
  return docs.map((d) => toRegistrationView(d as StoredRegistration));
}

/**
 * The focal point names a delegate. The quota is a seat scope of its own, so simultaneous
 * submissions never pass it. The person's existing registration is linked, not duplicated.
 */
export async function nominate(
  event: EventView,
  delegation: DelegationView,
  input: NomineeInput,
  deps: RegistrationDeps,
): Promise<void> {
  const actor: Actor = { label: `focal point of ${delegation.country} (nomination link)`, via: 'link' };
  const person = await findOrCreatePersonByEmail(
    {
      honorific: input.honorific,
      givenName: input.givenName,
      familyName: input.familyName,
      email: input.email,
      position: input.position,
      country: delegation.country,
      sector: 'government',
    },
    actor,
    deps.clock,
  );
  const quota = await deps.seats.take(scopes.delegation(delegation.id), delegation.quota, person.id);
  if (quota === 'full') throw new ConflictError('QUOTA_FULL', undefined, { quota: delegation.quota });
  const now = deps.clock.now();
  const rules = await registrationRules(event);
  const approval = rules.categories.find((c) => c.key === 'government_delegation')?.approval ?? true;
  const fields = {
    category: 'government_delegation',
    delegationId: delegation.id,
    delegationRole: input.head === 'yes' ? 'head' : 'member',
    countryRepresented: delegation.country,
    visaLetter: input.visaLetter === 'yes',
  };
  let registration: RegistrationView;
  try {
    const created = await Registration.create({
      eventId: event.id,
      personId: person.id,
      ...copyOfPerson(person),
      source: 'nomination',
      status: 'pending',
      statusAt: now,
      statusBy: actor.label,
      arrival: new Types.ObjectId().toHexString(),
      privacyConsentAt: now,
      workshops: [],
      ...fields,
    } as Record<string, unknown>);
    registration = toRegistrationView(created.toObject() as StoredRegistration);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await Registration.findOne({ eventId: event.id, personId: person.id }).lean();
    if (!existing) throw error;
    // Someone already registered: the nomination makes them a member of the delegation.
    await Registration.updateOne({ _id: existing._id }, { $set: fields });
    registration = toRegistrationView({ ...existing, ...fields } as StoredRegistration);
  }
  if (!approval && (registration.status === 'pending' || registration.status === 'waitlisted')) {
    registration = await confirmOrWaitlist(event, registration, { rules, actor, whenFull: 'waitlist' }, deps);
  }
  await Delegation.updateOne({ _id: delegation.id }, { $set: { submittedAt: now } });
  await recordChange(
    { action: 'delegation.nominated', subjectType: 'registration', subjectId: registration.id, actor },
    deps.clock,
  );
  await mailRegistration({ event, registration, person, key: 'registration.nominee' }, deps);
}

/** The focal point withdraws a delegate: the quota place frees and the registration is cancelled. */
export async function withdrawNominee(
  event: EventView,
  delegation: DelegationView,
  registrationId: string,
  deps: RegistrationDeps,
): Promise<void> {
  const registration = await getRegistration(registrationId);
  if (registration.delegationId !== delegation.id) throw new NotFoundError();
  await deps.seats.release(scopes.delegation(delegation.id), delegation.quota, registration.personId);
  await Registration.updateOne({ _id: registrationId }, { $unset: { delegationId: 1, delegationRole: 1 } });
  await decideRegistration(
    event,
    registrationId,
    'cancel',
    {
      actor: { label: `focal point of ${delegation.country} (nomination link)`, via: 'link' },
      reason: 'withdrawn',
    },
    deps,
  );
}

const PDF_MAGIC = Buffer.from('%PDF-');

/** The official note: a real PDF (by its content, not its name), at most the upload limit. */
export async function saveOfficialNote(
  delegation: DelegationView,
  file: { buffer: Buffer; originalname: string } | undefined,
  clock: Clock,
): Promise<void> {
  if (!file || file.buffer.length === 0) throw new ValidationError([{ field: 'note', code: 'required' }]);
  const looksLikePdf =
    file.buffer.subarray(0, 5).equals(PDF_MAGIC) && file.buffer.subarray(-1024).includes('%%EOF');
  if (!looksLikePdf) throw new ValidationError([{ field: 'note', code: 'not_pdf' }]);
  const now = clock.now();
  const fileName = file.originalname.replace(/[^\p{L}\p{N} ._-]/gu, '_').slice(0, 120) || 'nota.pdf';
  await DelegationNote.replaceOne(
    { _id: delegation.id },
    { _id: delegation.id, content: file.buffer, fileName, uploadedAt: now },
    { upsert: true },
  );
  await Delegation.updateOne(
    { _id: delegation.id },
    { $set: { note: { fileName, size: file.buffer.length, uploadedAt: now } } },
  );
}

export async function officialNote(delegationId: string) {
  const note = await DelegationNote.findById(delegationId).lean();
  if (!note) throw new NotFoundError();
  return { content: Buffer.from(note.content.buffer), fileName: note.fileName };
}
