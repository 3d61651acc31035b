import { Types } from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import type { Language } from '../../shared/i18n/index.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import { getEvent, type EventView } from '../events/index.js';
import type { MailSettings } from '../invitations/index.js';
import { getPerson } from '../people/index.js';
import { copyOfPerson } from './lists/listing.js';
import { unseat } from './places/placement.js';
import { confirmOrWaitlist, moveRegistration } from './transitions.js';
import { Registration, registrationList } from './registration.model.js';
import { mailRegistration } from './registration.mail.js';
import type { SelfServiceInput } from './registration.schemas.js';
import { toRegistrationView, type RegistrationView } from './registration.views.js';
import { registrationRules } from './places/settings.service.js';
import type { SeatAllocator } from './places/seats.js';
import { unseatWorkshops } from './places/workshops.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { readPage } from '../../db/blocks.js';

export interface RegistrationDeps {
  clock: Clock;
  settings: MailSettings;
  seats: SeatAllocator;
  /** A delegation's own bilateral meetings, listed on its nomination page (the bilaterals module answers). */
  delegationBilaterals?: DelegationBilaterals;
}

/** One of a delegation's bilateral meetings as its nomination page lists it. */
export type DelegationBilaterals = (
  event: EventView,
  delegationId: string,
  language: Language,
) => Promise<{ id: string; other: string; subject: string; state: string; slot: string }[]>;

export async function getRegistration(id: string): Promise<RegistrationView> {
  const doc = await Registration.findById(id).lean();
  if (!doc) throw new NotFoundError();
  return toRegistrationView(doc);
}

/** Needs and travel as stored, from the form or the private page (same fields in both). */
export function needsAndTravel(input: SelfServiceInput) {
  return {
    needs: { interpretation: input.interpretation, accessibility: input.accessibility, diet: input.diet },
    travel: {
      arrivalDate: input.arrivalDate,
      departureDate: input.departureDate,
      flight: input.flight,
      hotel: input.hotel,
      airportTransfer: input.airportTransfer === 'yes',
    },
  };
}

/**
 * Fills freed places from the waiting list, first come first served. Two runs at once are
 * harmless: a seat already held by the first in line counts for it, and its mail is sent once.
 */
export async function promoteWaiting(event: EventView, deps: RegistrationDeps): Promise<number> {
  const rules = await registrationRules(event);
  const waiting = await Registration.find({ eventId: event.id, status: 'waitlisted' })
    .sort({ arrival: 1 })
    .lean();
  let promoted = 0;
  for (const doc of waiting) {
    const placed = await confirmOrWaitlist(
      event,
      toRegistrationView(doc),
      {
        rules,
        actor: { label: 'Foro (waiting list)', via: 'system' },
        whenFull: 'stay',
        mail: { confirmed: 'registration.promoted' },
      },
      deps,
    );
    if (placed.status === 'confirmed') promoted += 1;
  }
  return promoted;
}

export type Decision = 'approve' | 'reject' | 'cancel';

/**
 * An organizer's decision on one registration. Approving seats it (refused when full: raise the
 * capacity instead); rejecting or cancelling frees its seats and promotes whoever waits.
 */
export async function decideRegistration(
  event: EventView,
  id: string,
  decision: Decision,
  input: { reason?: string | undefined; actor: Actor },
  deps: RegistrationDeps,
): Promise<RegistrationView> {
  const registration = await getRegistration(id);
  if (registration.eventId !== event.id) throw new NotFoundError();
  const person = await getPerson(registration.personId);
  if (decision === 'approve') {
    if (!['pending', 'waitlisted'].includes(registration.status)) throw new ConflictError('NOT_PENDING');
    const rules = await registrationRules(event);
    return confirmOrWaitlist(
      event,
      registration,
      {
        rules,
        actor: input.actor,
        person,
        whenFull: 'refuse',
        mail: { confirmed: 'registration.confirmed' },
      },
      deps,
    );
  }
  if (registration.status === 'cancelled' || registration.status === 'rejected') return registration;
  await unseat(registration, await registrationRules(event), deps.seats);
  await unseatWorkshops(registration, deps.seats);
  const status = decision === 'reject' ? 'rejected' : 'cancelled';
  const updated = await moveRegistration(registration, status, input.actor, deps.clock, input.reason);
  await mailRegistration(
    { event, registration: updated, person, key: `registration.${status}`, reason: input.reason },
    deps,
  );
  if (registration.status === 'confirmed') await promoteWaiting(event, deps);
  return updated;
}

export interface RegistrationFilter {
  status?: string | undefined;
  category?: string | undefined;
  countryRepresented?: string | undefined;
  consentToList?: boolean | undefined;
}

function queryOf(eventId: string, filter: RegistrationFilter): Record<string, unknown> {
  const query: Record<string, unknown> = { eventId };
  if (filter.status) query['status'] = filter.status;
  if (filter.category) query['category'] = filter.category;
  if (filter.countryRepresented) query['countryRepresented'] = filter.countryRepresented;
  if (filter.consentToList !== undefined) query['consentToList'] = filter.consentToList;
  return query;
}

/** The people of every registration that matches, read with nothing else (an announcement's recipients). */
export async function registrantsOf(eventId: string, filter: RegistrationFilter = {}): Promise<string[]> {
  const docs = await Registration.find(queryOf(eventId, filter), { personId: 1, _id: 0 }).lean();
  return docs.map((doc) => doc.personId);
}

export const REGISTRATIONS_PAGE = 50;

/**
 * One page of registrations in arrival order (by block, then arrival: `db/blocks.ts`), after or
 * before a cursor; reads about one block, not the event.
 */
export async function registrationsPage(
  eventId: string,
  filter: RegistrationFilter,
  at: { after?: string | undefined; before?: string | undefined } = {},
  size = REGISTRATIONS_PAGE,
): Promise<{ registrations: RegistrationView[]; next?: string; previous?: string }> {
  const query = queryOf(eventId, filter);
  const page = await readPage({
    list: registrationList(eventId),
    size,
    readBlock: (block) => Registration.find({ ...query, block }).lean(),
    readAll: () => Registration.find(query).lean(),
    placeOf: (doc) => ({ block: doc.block ?? 0, key: doc.arrival }),
    ...at,
  });
  return {
    registrations: page.rows.map(toRegistrationView),
    ...(page.next && { next: page.next }),
    ...(page.previous && { previous: page.previous }),
  };
}

/** The person updates their needs and travel through their private link. */
export async function updateOwnRegistration(
  registration: RegistrationView,
  input: SelfServiceInput,
  deps: RegistrationDeps,
): Promise<void> {
  if (registration.status === 'cancelled' || registration.status === 'rejected')
    throw new ConflictError('REGISTRATION_ENDED');
  await Registration.updateOne(
    { _id: registration.id },
    {
      $set: needsAndTravel(input),
    },
  );
  await recordChange(
    {
      action: 'registration.updated',
      subjectType: 'registration',
      subjectId: registration.id,
      actor: { label: 'registrant (private link)', via: 'link' },
    },
    deps.clock,
  );
}

/** The person cancels through their private link: the seat frees and the next in line is promoted. */
export async function cancelOwnRegistration(
  registration: RegistrationView,
  deps: RegistrationDeps,
): Promise<void> {
  if (registration.status === 'cancelled' || registration.status === 'rejected') return;
  const event = await getEvent(registration.eventId);
  await decideRegistration(
    event,
    registration.id,
    'cancel',
    { actor: { label: 'registrant (private link)', via: 'link' } },
    deps,
  );
}

/**
 * A person confirmed in the programme is registered as a programme participant, confirmed and
 * outside public capacity. A public registration they already had becomes this one (its seats
 * go to whoever waits).
 */
export async function registerProgrammeParticipant(
  event: EventView,
  personId: string,
  deps: RegistrationDeps,
): Promise<void> {
  const now = deps.clock.now();
  const actor: Actor = { label: 'Foro (programme)', via: 'system' };
  const fields = {
    category: 'programme_participant',
    status: 'confirmed',
    statusAt: now,
    statusBy: actor.label,
  };
  try {
    const created = await Registration.create({
      eventId: event.id,
      personId,
      ...copyOfPerson(await getPerson(personId)),
      source: 'programme',
      arrival: new Types.ObjectId().toHexString(),
      privacyConsentAt: now,
      ...fields,
    } as Record<string, unknown>);
    await recordChange(
      { action: 'registration.programme', subjectType: 'registration', subjectId: created.id, actor },
      deps.clock,
    );
    return;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const existing = await Registration.findOne({ eventId: event.id, personId }).lean();
  if (!existing || existing.category === 'programme_participant') return;
  const view = toRegistrationView(existing);
  const held = view.status === 'confirmed';
  await unseat(view, await registrationRules(event), deps.seats);
  await Registration.updateOne({ _id: view.id }, { $set: fields });
  await recordChange(
    {
      action: 'registration.programme',
      subjectType: 'registration',
      subjectId: view.id,
      actor,
      changes: [{ field: 'category', from: view.category, to: 'programme_participant' }],
    },
    deps.clock,
  );
  if (held) await promoteWaiting(event, deps);
}
