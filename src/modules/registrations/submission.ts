import { Types } from 'mongoose';
import { systemActor, type Actor } from '../../shared/actor.js';
import { ConflictError } from '../../shared/errors.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { deleteGrouped } from '../../db/grouped.js';
import { createGrouped, insertPlain } from '../../db/plain-insert.js';
import { recordingTogether, type ChangeBatch } from '../audit/index.js';
import type { EventView } from '../events/index.js';
import { findOrCreatePerson, getPerson, type PersonView } from '../people/index.js';
import { copyOfPerson } from './lists/listing.js';
import { seat, unseat } from './places/placement.js';
import { registrationRules, registrationWindow, type RegistrationRules } from './places/settings.service.js';
import {
  promoteWorkshop,
  releaseWorkshopPlaces,
  takeWorkshopPlaces,
  workshopsOf,
} from './places/workshops.js';
import { PassportData, Registration, SubmissionInProgress } from './registration.model.js';
import { mailRegistration } from './registration.mail.js';
import type { RegistrationInput } from './registration.schemas.js';
import { needsAndTravel, promoteWaiting, type RegistrationDeps } from './registration.service.js';
import { toRegistrationView, type RegistrationView, type StoredRegistration } from './registration.views.js';
import { confirmOrWaitlist } from './transitions.js';

/** A submission still in progress this long after it began was cut short (a live one takes seconds). */
export const INCOMPLETE_GRACE_MS = 60_000;

/**
 * What a form did: the registration it concerns, and whether the page after it may show that
 * registration (`own`: made by this form, or earlier from the same browser session) or only
 * that a mail went to its owner (someone typed the address of a person already registered).
 */
export interface Outcome {
  outcome: 'created' | 'existing';
  registrationId: string;
  own: boolean;
}

/** What the form says of the registration, whoever it turns out to be for. */
type Form = ReturnType<typeof formFields>;

interface Context {
  rules: RegistrationRules;
  actor: Actor;
  input: RegistrationInput;
  /** The form's audit entries, written together at its end. */
  changes: ChangeBatch;
  /** The browser session that sent the form, as a keyed hash (`thanks/receipt.ts`). */
  submitter: string | undefined;
}

/**
 * Answers a registration form: a new registration, a reactivated one, or (for an existing one)
 * nothing visible. A new registration is written once, in its final state (its places taken
 * first): no update of the registrations follows, which on FerretDB over PostgreSQL would read
 * the whole collection. Its audit entries are written together, in one insert.
 */
export async function submitRegistration(
  event: EventView,
  input: RegistrationInput,
  deps: RegistrationDeps,
  options: { submitter?: string } = {},
): Promise<Outcome> {
  return recordingTogether(deps.clock, (changes) => submit(event, input, deps, changes, options.submitter));
}

function formFields(input: RegistrationInput, offered: Set<string>, now: Date) {
  return {
    category: input.category,
    language: input.language,
    countryRepresented: input.country,
    workshops: [...new Set(input.workshops)]
      .filter((id) => offered.has(id))
      .map((sessionId) => ({ sessionId, status: 'requested' as const })),
    ...needsAndTravel(input),
    visaLetter: input.visaLetter === 'yes',
    consentToList: input.consentToList === 'yes',
    privacyConsentAt: now,
  };
}

async function submit(
  event: EventView,
  input: RegistrationInput,
  deps: RegistrationDeps,
  changes: ChangeBatch,
  submitter: string | undefined,
): Promise<Outcome> {
  const now = deps.clock.now();
  const rules = await registrationRules(event);
  if (registrationWindow(event, rules, now).state !== 'open') throw new ConflictError('REGISTRATION_CLOSED');
  const actor: Actor = { label: `${input.givenName} ${input.familyName} (registration form)`, via: 'link' };
  const { person, created } = await findOrCreatePerson(
    {
      honorific: input.honorific,
      givenName: input.givenName,
      familyName: input.familyName,
      email: input.email,
      organization: input.organization,
      position: input.position,
      country: input.country,
      sector: input.sector as never,
      language: input.language,
      gender: input.gender as never,
    },
    actor,
    deps.clock,
    changes,
  );
  const offered = new Set(input.workshops.length > 0 ? (await workshopsOf(event.id)).map((w) => w.id) : []);
  const form = formFields(input, offered, now);
  const context = { rules, actor, input, changes, submitter };
  // Someone just added to the directory has no registration yet; someone known may have one.
  if (!created) {
    const existing = await Registration.findOne({ eventId: event.id, personId: person.id }).lean();
    if (existing) return answerExisting(event, existing, person, form, context, deps);
  }
  return recordNew(
    event,
    { id: new Types.ObjectId().toHexString(), source: 'public' },
    person,
    form,
    context,
    deps,
  );
}

/**
 * Writes a new registration: the submission marked as in progress, its places taken, the
 * registration inserted as it stands (confirmed, waiting or pending approval), mailed, and the
 * mark removed. A crash at any step leaves the mark for the repair pass (`completion.ts`).
 */
async function recordNew(
  event: EventView,
  what: { id: string; source: string },
  person: PersonView,
  form: Form,
  context: Context,
  deps: RegistrationDeps,
): Promise<Outcome> {
  const { rules, actor, input, changes, submitter } = context;
  const { id } = what;
  const now = deps.clock.now();
  await insertPlain(SubmissionInProgress, {
    _id: id,
    eventId: event.id,
    category: form.category,
    workshops: form.workshops.map((w) => w.sessionId),
    startedAt: now,
  });
  const holder = { id, eventId: event.id, category: form.category, workshops: form.workshops };
  const approval = rules.categories.find((c) => c.key === form.category)?.approval ?? false;
  let status: 'pending' | 'confirmed' | 'waitlisted' = 'pending';
  let workshops: RegistrationView['workshops'] = form.workshops;
  if (!approval) {
    // Its id is new: it holds no place yet, which spares looking (a read of every seat on FerretDB).
    const seated = await seat(holder, rules, deps.seats, { fresh: true });
    status = seated ? 'confirmed' : 'waitlisted';
    if (seated) workshops = await takeWorkshopPlaces(holder, deps.seats, { fresh: true });
  }
  let registration: RegistrationView;
  try {
    const stored = await createGrouped(Registration, {
      _id: id,
      eventId: event.id,
      personId: person.id,
      ...copyOfPerson(person),
      source: what.source,
      ...form,
      workshops,
      arrival: new Types.ObjectId().toHexString(),
      status,
      statusAt: now,
      statusBy: actor.label,
      ...(submitter && { submittedFrom: submitter }),
    });
    registration = toRegistrationView(stored as StoredRegistration);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // The same person's form sent twice at once: the first records it, this one gives back
    // what it took.
    await giveBack(event, holder, deps);
    await SubmissionInProgress.deleteOne({ _id: id });
    const first = await Registration.findOne(
      { eventId: event.id, personId: person.id },
      { _id: 1, submittedFrom: 1 },
    ).lean();
    return existingOutcome(first ?? { _id: id }, submitter);
  }
  if (input.visaLetter === 'yes') {
    await PassportData.updateOne(
      { _id: id },
      {
        $set: {
          nationality: input.nationality,
          passportNumber: input.passportNumber,
          dateOfBirth: input.dateOfBirth,
          updatedAt: now,
        },
      },
      { upsert: true },
    );
  }
  const subject = { subjectType: 'registration', subjectId: id, actor };
  changes.record({ action: 'registration.submitted', ...subject });
  if (status !== 'pending') {
    const moved = [{ field: 'status', from: 'pending', to: status }];
    changes.record({ action: `registration.${status}`, ...subject, changes: moved });
  }
  await mailRegistration({ event, registration, person, key: mailKeyOf(status) }, deps);
  await deleteGrouped(SubmissionInProgress, id);
  return { outcome: 'created', registrationId: id, own: true };
}

/** An existing registration is this browser's own only if its form came from the same session. */
const existingOutcome = (
  registration: { _id: unknown; submittedFrom?: string | null },
  submitter: string | undefined,
): Outcome => ({
  outcome: 'existing',
  registrationId: String(registration._id),
  own: Boolean(submitter) && registration.submittedFrom === submitter,
});

const mailKeyOf = (status: 'pending' | 'confirmed' | 'waitlisted') =>
  status === 'pending' ? 'registration.received' : (`registration.${status}` as const);

/** A form for someone already registered: finish theirs, send their link, or reactivate it. */
async function answerExisting(
  event: EventView,
  existing: StoredRegistration & { incomplete?: boolean | null; submittedFrom?: string | null },
  person: PersonView,
  form: Form,
  context: Context,
  deps: RegistrationDeps,
): Promise<Outcome> {
  const now = deps.clock.now();
  const id = String(existing._id);
  const inProgress = await SubmissionInProgress.findById(id).lean();
  const startedAt = inProgress?.startedAt ?? (existing.incomplete ? existing.statusAt : undefined);
  if (startedAt) {
    // Still being recorded by the first request (a double click): that one finishes it. Cut
    // short by a crash: sending the form again finishes it now.
    if (startedAt.getTime() < now.getTime() - INCOMPLETE_GRACE_MS)
      await completeRegistration(event, toRegistrationView(existing), deps);
    return existingOutcome(existing, context.submitter);
  }
  if (existing.status !== 'cancelled') {
    // The page says the same as for a new registration; the owner gets their link by mail.
    const view = toRegistrationView(existing);
    await mailRegistration(
      { event, registration: view, person, key: 'registration.link', dedupe: String(now.getTime()) },
      deps,
    );
    return existingOutcome(existing, context.submitter);
  }
  // Registering again after cancelling reactivates the same registration, at the back of the line.
  const { deletedCount } = await Registration.deleteOne({
    _id: existing._id,
    status: 'cancelled',
    arrival: existing.arrival,
  });
  if (deletedCount !== 1) return existingOutcome(existing, context.submitter);
  return recordNew(event, { id, source: existing.source }, person, form, context, deps);
}

/** Gives back the places a submission that will not be recorded took, to whoever waits for them. */
async function giveBack(
  event: EventView,
  holder: { id: string; eventId: string; category: string; workshops: { sessionId: string }[] },
  deps: RegistrationDeps,
): Promise<void> {
  await unseat(holder, await registrationRules(event), deps.seats);
  for (const sessionId of await releaseWorkshopPlaces(holder, deps.seats))
    await promoteWorkshop(event.id, sessionId, deps.seats);
  await promoteWaiting(event, deps);
}

/**
 * Finishes a submission a crash cut short, once its registration is written (from the repair
 * pass or a second form): placed if it still waits for that, mailed, the mark removed. Each step
 * can run again: a seat already held counts, a mail's dedupe key sends it once.
 */
export async function completeRegistration(
  event: EventView,
  registration: RegistrationView,
  deps: RegistrationDeps,
): Promise<void> {
  const rules = await registrationRules(event);
  const person = await getPerson(registration.personId);
  const actor = systemActor('Foro (completing a registration)');
  const approval = rules.categories.find((c) => c.key === registration.category)?.approval ?? false;
  if (registration.status === 'pending' && !approval) {
    await confirmOrWaitlist(
      event,
      registration,
      {
        rules,
        actor,
        person,
        whenFull: 'waitlist',
        mail: { confirmed: 'registration.confirmed', waitlisted: 'registration.waitlisted' },
      },
      deps,
    );
  } else if (['pending', 'confirmed', 'waitlisted'].includes(registration.status)) {
    const status = registration.status as 'pending' | 'confirmed' | 'waitlisted';
    await mailRegistration({ event, registration, person, key: mailKeyOf(status) }, deps);
  }
  // Submissions recorded by earlier versions carry their mark on the registration.
  await Registration.updateOne({ _id: registration.id, incomplete: true }, { $unset: { incomplete: 1 } });
  await SubmissionInProgress.deleteOne({ _id: registration.id });
}

/**
 * A mark whose registration was never written (a crash before the insert): its places go back,
 * then the mark. Left for a long time first, so that no live request can still be writing it.
 */
export async function abandonSubmission(
  event: EventView,
  mark: { _id: string; category: string; workshops: string[] },
  deps: RegistrationDeps,
): Promise<void> {
  const holder = {
    id: mark._id,
    eventId: event.id,
    category: mark.category,
    workshops: mark.workshops.map((sessionId) => ({ sessionId })),
  };
  await giveBack(event, holder, deps);
  await SubmissionInProgress.deleteOne({ _id: mark._id });
}
