import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Actor } from '../../shared/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import type { EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { delegationsOf, focalActor, type DelegationView } from '../registrations/index.js';
import {
  offerSlots,
  nextFreeSlots,
  slotDate,
  slotOf,
  slotsOf,
  type Slot,
  type SlotRange,
} from '../side-events/index.js';
import { Bilateral, BilateralBooking, type BilateralLevel, type BilateralState } from './bilateral.model.js';
import { mailBilateralSide } from './bilateral.mail.js';
import { toBilateralView, type BilateralView } from './bilateral.views.js';

/** A delegation's own bilaterals, asking or asked: never another pair's. */
export async function bilateralsOfDelegation(delegationId: string): Promise<BilateralView[]> {
  const [asking, asked] = await Promise.all([
    Bilateral.find({ askingId: delegationId }).lean(),
    Bilateral.find({ askedId: delegationId }).lean(),
  ]);
  return [...asking, ...asked]
    .map(toBilateralView)
    .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime());
}

/** One bilateral of the event; for a delegation, only one it is part of (404 otherwise). */
export async function getBilateral(
  eventId: string,
  id: string,
  delegationId?: string,
): Promise<BilateralView> {
  const found = await Bilateral.findById(id).lean();
  if (!found || found.eventId !== eventId) throw new NotFoundError();
  const bilateral = toBilateralView(found);
  if (delegationId && bilateral.askingId !== delegationId && bilateral.askedId !== delegationId)
    throw new NotFoundError();
  return bilateral;
}

/** The bilateral slots of the event (or of one of its days) and which are booked. */
export async function bilateralSlots(
  eventId: string,
  date?: string,
): Promise<{ all: Slot[]; taken: Set<string> }> {
  const all = await slotsOf(eventId, 'bilateral', date);
  const bookings = await BilateralBooking.find(date ? { eventId, date } : { eventId }, { slotId: 1 }).lean();
  return { all, taken: new Set(bookings.map((b) => b.slotId)) };
}

/** The event's days, first to last (`YYYY-MM-DD`). */
export function daysOf(event: Pick<EventView, 'startDate' | 'endDate'>): string[] {
  const days: string[] = [];
  for (let at = new Date(`${event.startDate}T12:00:00Z`); ; at = new Date(at.getTime() + 86_400_000)) {
    const day = at.toISOString().slice(0, 10);
    if (day > event.endDate || days.length > 366) return days;
    days.push(day);
  }
}

/**
 * The free slots from the one asked for on: read a day at a time from its day, until there are
 * enough to offer (never every slot of the event at once).
 */
export async function nextFreeBilateralSlots(event: EventView, wanted?: string): Promise<Slot[]> {
  const from = await slotOf(event.id, 'bilateral', wanted);
  const first = from ? slotDate(from, event) : event.startDate;
  const found: Slot[] = [];
  for (const day of daysOf(event).filter((d) => d >= first)) {
    const { all, taken } = await bilateralSlots(event.id, day);
    found.push(...nextFreeSlots(all, taken, from?.startsAt, 3 - found.length));
    if (found.length >= 3) break;
  }
  return found;
}

const change = (
  bilateral: BilateralView,
  action: string,
  actor: Actor,
  clock: MailDeps['clock'],
  to: unknown,
) =>
  recordChange(
    {
      action,
      subjectType: 'bilateral',
      subjectId: bilateral.id,
      actor,
      changes: [{ field: 'state', from: bilateral.state, to }],
    },
    clock,
  );

/** The organizers offer a room's stretch of a day for bilaterals, cut into slots (see slotsOfRange). */
export const offerBilateralSlots = (
  event: EventView,
  range: SlotRange,
  actor: Actor,
  clock: MailDeps['clock'],
): Promise<Slot[]> => offerSlots(event, 'bilateral', range, actor, clock);

/** A focal point asks another delegation for a bilateral in one of the offered slots. */
export async function requestBilateral(
  event: EventView,
  asking: DelegationView,
  input: { askedId: string; slotIds: string[]; subject: string; level: BilateralLevel },
  deps: MailDeps,
): Promise<BilateralView> {
  const asked = (await delegationsOf(event.id)).find((d) => d.id === input.askedId);
  if (!asked || asked.id === asking.id)
    throw new ValidationError([{ field: 'askedId', code: 'unknown_reference' }]);
  const offered = await Promise.all(input.slotIds.map((id) => slotOf(event.id, 'bilateral', id)));
  if (offered.some((s) => !s)) throw new ValidationError([{ field: 'slotIds', code: 'unknown_reference' }]);
  const now = deps.clock.now();
  const created = await Bilateral.create({
    eventId: event.id,
    askingId: asking.id,
    askedId: asked.id,
    askingCountry: asking.country,
    askedCountry: asked.country,
    offeredSlots: input.slotIds,
    subject: input.subject,
    level: input.level,
    state: 'requested',
    stateAt: now,
    sequence: 0,
    requestedAt: now,
    requestedBy: focalActor(asking).label,
  });
  const bilateral = toBilateralView(created.toObject());
  await change(bilateral, 'bilateral.requested', focalActor(asking), deps.clock, 'requested');
  await mailBilateralSide(
    {
      event,
      bilateral,
      delegationId: asked.id,
      key: 'bilateral.requested',
      occasion: 'requested',
      offered: offered as Slot[],
    },
    deps,
  );
  return bilateral;
}

/** Frees a booked slot (a delete by `_id`). */
async function releaseBooking(eventId: string, slotId: string): Promise<void> {
  const booking = await BilateralBooking.findOne({ eventId, slotId }).lean();
  if (booking) await BilateralBooking.deleteOne({ _id: booking._id });
}

/** Books a slot for a bilateral: exclusive (unique index); the loser gets 409. */
async function book(
  event: EventView,
  bilateral: BilateralView,
  slotId: string,
  deps: MailDeps,
): Promise<Slot> {
  const slot = await slotOf(event.id, 'bilateral', slotId);
  if (!slot) throw new ValidationError([{ field: 'slotId', code: 'unknown_reference' }]);
  try {
    await BilateralBooking.create({
      _id: bilateral.id,
      eventId: event.id,
      slotId,
      bookedAt: deps.clock.now(),
      date: slotDate(slot, event),
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    if (await BilateralBooking.exists({ _id: bilateral.id })) throw new ConflictError('BILATERAL_DECIDED');
    throw new ConflictError('BILATERAL_SLOT_TAKEN');
  }
  return slot;
}

async function mailBoth(
  event: EventView,
  bilateral: BilateralView,
  slot: Slot,
  kind: 'booked' | 'moved' | 'cancelled',
  deps: MailDeps,
) {
  for (const delegationId of [bilateral.askingId, bilateral.askedId])
    await mailBilateralSide(
      {
        event,
        bilateral,
        delegationId,
        key: `bilateral.${kind}`,
        occasion: `${kind}:${bilateral.sequence}`,
        slot,
        calendar: kind === 'cancelled' ? 'CANCEL' : 'REQUEST',
      },
      deps,
    );
}

/**
 * The asked delegation accepts one slot (404 for any other delegation, one that was not asked):
 * the slot is booked and both focal points get a METHOD:REQUEST calendar entry.
 */
export async function acceptBilateral(
  event: EventView,
  bilateralId: string,
  slotId: string,
  by: { delegation?: DelegationView; actor: Actor },
  deps: MailDeps,
): Promise<BilateralView> {
  const bilateral = await getBilateral(event.id, bilateralId);
  if (by.delegation && bilateral.askedId !== by.delegation.id) throw new NotFoundError();
  if (bilateral.state !== 'requested') throw new ConflictError('BILATERAL_DECIDED');
  const slot = await book(event, bilateral, slotId, deps);
  await Bilateral.updateOne(
    { _id: bilateral.id },
    { $set: { state: 'accepted', stateAt: deps.clock.now(), slotId, date: slotDate(slot, event) } },
  );
  await change(bilateral, 'bilateral.accepted', by.actor, deps.clock, 'accepted');
  const accepted = await getBilateral(event.id, bilateral.id);
  await mailBoth(event, accepted, slot, 'booked', deps);
  return accepted;
}

export async function declineBilateral(
  event: EventView,
  bilateralId: string,
  delegation: DelegationView,
  deps: MailDeps,
): Promise<void> {
  const bilateral = await getBilateral(event.id, bilateralId);
  if (bilateral.askedId !== delegation.id) throw new NotFoundError();
  if (bilateral.state !== 'requested') throw new ConflictError('BILATERAL_DECIDED');
  await Bilateral.updateOne(
    { _id: bilateral.id },
    { $set: { state: 'declined', stateAt: deps.clock.now() } },
  );
  await change(bilateral, 'bilateral.declined', focalActor(delegation), deps.clock, 'declined');
  await mailBilateralSide(
    { event, bilateral, delegationId: bilateral.askingId, key: 'bilateral.declined', occasion: 'declined' },
    deps,
  );
}

/** Either side (or the organizers) cancels: the slot frees and a booked meeting gets METHOD:CANCEL. */
export async function cancelBilateral(
  event: EventView,
  bilateralId: string,
  by: { delegation?: DelegationView; actor: Actor },
  deps: MailDeps,
): Promise<void> {
  const bilateral = await getBilateral(event.id, bilateralId, by.delegation?.id);
  if (bilateral.state !== 'requested' && bilateral.state !== 'accepted')
    throw new ConflictError('BILATERAL_DECIDED');
  const sequence = bilateral.sequence + 1;
  await Bilateral.updateOne(
    { _id: bilateral.id },
    { $set: { state: 'cancelled', stateAt: deps.clock.now(), sequence }, $unset: { date: 1 } },
  );
  if (bilateral.slotId) await releaseBooking(event.id, bilateral.slotId);
  await change(bilateral, 'bilateral.cancelled', by.actor, deps.clock, 'cancelled');
  const slot = await slotOf(event.id, 'bilateral', bilateral.slotId);
  if (bilateral.state === 'accepted' && slot)
    await mailBoth(event, { ...bilateral, state: 'cancelled', sequence }, slot, 'cancelled', deps);
}

/** The organizers move a booked bilateral to another slot: same UID, next SEQUENCE, a new REQUEST. */
export async function moveBilateral(
  event: EventView,
  bilateralId: string,
  slotId: string,
  actor: Actor,
  deps: MailDeps,
): Promise<BilateralView> {
  const bilateral = await getBilateral(event.id, bilateralId);
  if (bilateral.state !== 'accepted' || !bilateral.slotId) throw new ConflictError('BILATERAL_DECIDED');
  const slot = await slotOf(event.id, 'bilateral', slotId);
  if (!slot) throw new ValidationError([{ field: 'slotId', code: 'unknown_reference' }]);
  // The new slot is held first, under a key of the move; the old one is let go once the new one is ours.
  try {
    await BilateralBooking.create({
      _id: `${bilateral.id}#${bilateral.sequence + 1}`,
      eventId: event.id,
      slotId,
      bookedAt: deps.clock.now(),
      date: slotDate(slot, event),
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('BILATERAL_SLOT_TAKEN');
    throw error;
  }
  await releaseBooking(event.id, bilateral.slotId);
  const sequence = bilateral.sequence + 1;
  await Bilateral.updateOne(
    { _id: bilateral.id },
    { $set: { slotId, sequence, date: slotDate(slot, event) } },
  );
  await recordChange(
    {
      action: 'bilateral.moved',
      subjectType: 'bilateral',
      subjectId: bilateral.id,
      actor,
      changes: [{ field: 'slot', from: bilateral.slotId, to: slotId }],
    },
    deps.clock,
  );
  const moved = await getBilateral(event.id, bilateral.id);
  await mailBoth(event, moved, slot, 'moved', deps);
  return moved;
}

/** Organizers book a bilateral for any two delegations straight into a slot. */
export async function bookBilateral(
  event: EventView,
  input: { askingId: string; askedId: string; slotId: string; subject: string; level: BilateralLevel },
  actor: Actor,
  deps: MailDeps,
): Promise<BilateralView> {
  const delegations = await delegationsOf(event.id);
  const asking = delegations.find((d) => d.id === input.askingId);
  const asked = delegations.find((d) => d.id === input.askedId);
  if (!asking) throw new ValidationError([{ field: 'askingId', code: 'unknown_reference' }]);
  if (!asked || asked.id === asking.id)
    throw new ValidationError([{ field: 'askedId', code: 'unknown_reference' }]);
  const now = deps.clock.now();
  const created = await Bilateral.create({
    eventId: event.id,
    askingId: asking.id,
    askedId: asked.id,
    askingCountry: asking.country,
    askedCountry: asked.country,
    offeredSlots: [input.slotId],
    subject: input.subject,
    level: input.level,
    state: 'requested',
    stateAt: now,
    sequence: 0,
    requestedAt: now,
    requestedBy: actor.label,
  });
  const bilateral = toBilateralView(created.toObject());
  try {
    return await acceptBilateral(event, bilateral.id, input.slotId, { actor }, deps);
  } catch (error) {
    await Bilateral.deleteOne({ _id: bilateral.id });
    throw error;
  }
}

/** A delegation booked into two bilaterals at overlapping times, or one during a plenary where it speaks. */
export interface BilateralWarning {
  kind: 'doubleBooked' | 'speakingInPlenary';
  country: string;
  bilateralIds: string[];
}

/**
 * Where a delegation is inscribed to speak in a plenary at the same time as a bilateral. Lists of
 * speakers live in their own module, which answers this (`plenaryInscriptions`); without it
 * there is nothing to report.
 */
export type PlenaryInscriptions = (
  eventId: string,
  delegationId: string,
  span: { startsAt: Date; endsAt: Date },
) => Promise<{ sessionId: string }[]>;
export const noPlenaryInscriptions: PlenaryInscriptions = () => Promise.resolve([]);

export async function bilateralWarnings(
  eventId: string,
  bilaterals: BilateralView[],
  inscriptions: PlenaryInscriptions = noPlenaryInscriptions,
): Promise<BilateralWarning[]> {
  // Only the slots of the meetings given, read by id (a day's or a delegation's few).
  const ids = [...new Set(bilaterals.flatMap((b) => (b.state === 'accepted' && b.slotId ? [b.slotId] : [])))];
  const slots = new Map(
    (await Promise.all(ids.map((id) => slotOf(eventId, 'bilateral', id)))).flatMap((s) =>
      s ? [[s.id, s]] : [],
    ),
  );
  const booked = bilaterals
    .filter((b) => b.state === 'accepted' && b.slotId && slots.has(b.slotId))
    .map((b) => ({ b, slot: slots.get(b.slotId!)! }));
  const warnings: BilateralWarning[] = [];
  for (const side of ['asking', 'asked'] as const) {
    for (const { b, slot } of booked) {
      const delegationId = side === 'asking' ? b.askingId : b.askedId;
      const country = side === 'asking' ? b.askingCountry : b.askedCountry;
      const clashes = booked.filter(
        (o) =>
          o.b.id > b.id &&
          (o.b.askingId === delegationId || o.b.askedId === delegationId) &&
          o.slot.startsAt < slot.endsAt &&
          slot.startsAt < o.slot.endsAt,
      );
      for (const o of clashes) warnings.push({ kind: 'doubleBooked', country, bilateralIds: [b.id, o.b.id] });
      if ((await inscriptions(eventId, delegationId, slot)).length > 0)
        warnings.push({ kind: 'speakingInPlenary', country, bilateralIds: [b.id] });
    }
  }
  return warnings;
}

export type { BilateralState };
