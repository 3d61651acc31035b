import { Types } from 'mongoose';
import { isDuplicateKey } from '../../../db/duplicate-key.js';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.js';
import { recordChange } from '../../audit/index.js';
import { getContact } from '../../contacts/index.js';
import type { EventView } from '../../events/index.js';
import { displayName, findOrCreatePersonByEmail } from '../../people/index.js';
import { copyOfPerson, peopleOf } from '../lists/listing.js';
import { scopes } from '../places/seats.js';
import { registrationRules } from '../places/settings.service.js';
import { Registration } from '../registration.model.js';
import { mailRegistration } from '../registration.mail.js';
import { decideRegistration, getRegistration, type RegistrationDeps } from '../registration.service.js';
import { toRegistrationView, type RegistrationView, type StoredRegistration } from '../registration.views.js';
import { confirmOrWaitlist } from '../transitions.js';
import { compareKeys } from '../../../shared/name-order.js';
import { Delegation, DelegationNote } from './delegation.model.js';
import type { NomineeInput } from './delegation.schemas.js';
import { activeMembersOf, type DelegationView } from './delegation.service.js';
import { mailNominationSummary, nominationDigest, type NominationMember } from './nomination.mail.js';

/** Who acts through a nomination link, as the history names them. */
export const focalActor = (delegation: Pick<DelegationView, 'country'>): Actor => ({
  label: `focal point of ${delegation.country} (nomination link)`,
  via: 'link',
});

const delegationChange = (
  delegation: DelegationView,
  action: string,
  changes: { field: string; from: unknown; to: unknown }[],
  clock: Clock,
) =>
  recordChange(
    { action, subjectType: 'delegation', subjectId: delegation.id, actor: focalActor(delegation), changes },
    clock,
  );

/** The members with their people, head first, then in the language's order of names. */
export async function nominationMembers(delegation: DelegationView): Promise<NominationMember[]> {
  const members = await activeMembersOf(delegation.id);
  const people = await peopleOf(members);
  const rank = (m: RegistrationView) => (m.delegationRole === 'head' ? 0 : 1);
  return members
    .map((registration) => ({ registration, person: people.get(registration.personId) }))
    .sort(
      (a, b) =>
        rank(a.registration) - rank(b.registration) ||
        compareKeys(a.person?.sortKey ?? '', b.person?.sortKey ?? ''),
    );
}

/**
 * The focal point names a delegate with their role. The quota is a seat scope of its own, so
 * simultaneous submissions never pass it; a delegation has one head. The person's existing
 * registration is linked, not duplicated. Returns the delegate's registration.
 */
export async function nominate(
  event: EventView,
  delegation: DelegationView,
  input: NomineeInput,
  deps: RegistrationDeps,
): Promise<RegistrationView> {
  const actor = focalActor(delegation);
  const role = input.role ?? 'member';
  if (role === 'head') {
    const head = (await nominationMembers(delegation)).find((m) => m.registration.delegationRole === 'head');
    if (head && head.person?.email?.toLowerCase() !== input.email)
      throw new ValidationError([
        { field: 'role', code: 'head_taken', params: { name: head.person ? displayName(head.person) : '' } },
      ]);
  }
  const person = await findOrCreatePersonByEmail(
    {
      honorific: input.honorific,
      givenName: input.givenName,
      familyName: input.familyName,
      email: input.email,
      position: input.position,
      country: delegation.country,
      sector: 'government',
      language: input.language,
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
    delegationRole: role,
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
      language: input.language,
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
  await recordChange(
    { action: 'delegation.nominated', subjectType: 'registration', subjectId: registration.id, actor },
    deps.clock,
  );
  await delegationChange(
    delegation,
    'delegation.nominated',
    [{ field: 'member', from: null, to: `${displayName(person)} (${role})` }],
    deps.clock,
  );
  await mailRegistration({ event, registration, person, key: 'registration.nominee' }, deps);
  return registration;
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
    { actor: focalActor(delegation), reason: 'withdrawn' },
    deps,
  );
  const listing = registration.listing;
  await delegationChange(
    delegation,
    'delegation.withdrawn',
    [{ field: 'member', from: listing ? displayName(listing) : registration.personId, to: null }],
    deps.clock,
  );
}

/**
 * The focal point sends the nomination: the organizers (the event's team) and the focal point
 * get a summary by mail, and the delegation records when. The same nomination sent twice mails
 * nobody again ('unchanged'); after a change it may be sent anew.
 */
export async function submitNomination(
  event: EventView,
  delegation: DelegationView,
  focalUrl: string,
  deps: RegistrationDeps,
): Promise<'sent' | 'unchanged'> {
  const members = await nominationMembers(delegation);
  if (members.length === 0) throw new ConflictError('NOMINATION_EMPTY');
  const digest = nominationDigest(delegation, members);
  if (digest === delegation.submittedDigest) return 'unchanged';
  const contact = await getContact(delegation.contactId);
  const queued = await mailNominationSummary({ event, delegation, contact, members, digest, focalUrl }, deps);
  await Delegation.updateOne(
    { _id: delegation.id },
    { $set: { submittedAt: deps.clock.now(), submittedDigest: digest } },
  );
  if (queued === 0) return 'unchanged';
  await delegationChange(
    delegation,
    'delegation.submitted',
    [{ field: 'members', from: null, to: members.length }],
    deps.clock,
  );
  return 'sent';
}

const PDF_MAGIC = Buffer.from('%PDF-');

/** The official note: a real PDF (by its content, not its name), at most the upload limit. */
export async function saveOfficialNote(
  delegation: DelegationView,
  file: { buffer: Buffer; originalname: string } | undefined,
  clock: Clock,
): Promise<string> {
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
  await delegationChange(
    delegation,
    'delegation.note',
    [{ field: 'note', from: delegation.note?.fileName ?? null, to: fileName }],
    clock,
  );
  return fileName;
}

export async function officialNote(delegationId: string) {
  const note = await DelegationNote.findById(delegationId).lean();
  if (!note) throw new NotFoundError();
  return { content: Buffer.from(note.content.buffer), fileName: note.fileName };
}
