import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import type { EventView } from '../events/index.js';
import { afterEvent, endOfDay, startOfDay } from '../links/index.js';
import { SideEventCall } from './call.model.js';
import { SideEventSlotHold } from './proposal.model.js';
import type { CallSettingsInput } from './side-events.schemas.js';
import { addSlots, OfferedSlot, slotsOf, type Slot, type SlotKind, type SlotRange } from './slots.js';

export interface CallRules {
  memberStateOrganizer: boolean;
  maxPerOrganization: number | undefined;
}

export interface CallView {
  eventId: string;
  opensOn: string;
  closesOn: string;
  opensAt: Date;
  /** The end of the closing day in the event's zone, never after the event ends. */
  closesAt: Date;
  rules: CallRules;
  slots: Slot[];
}

/** Where a call stands now: not set up, not open yet, open, or closed. */
export type CallState = 'none' | 'not_yet' | 'open' | 'closed';

export async function getCall(event: EventView): Promise<CallView | undefined> {
  const call = await SideEventCall.findOne({ eventId: event.id }).lean();
  if (!call) return undefined;
  const closesAt = endOfDay(call.closesOn, event.timezone);
  const eventEnd = afterEvent(event);
  return {
    eventId: event.id,
    opensOn: call.opensOn,
    closesOn: call.closesOn,
    opensAt: startOfDay(call.opensOn, event.timezone),
    closesAt: closesAt < eventEnd ? closesAt : eventEnd,
    rules: {
      memberStateOrganizer: call.rules?.memberStateOrganizer ?? false,
      maxPerOrganization: call.rules?.maxPerOrganization ?? undefined,
    },
    slots: await slotsOf(event.id, 'side-event'),
  };
}

export function callState(call: CallView | undefined, now: Date): CallState {
  if (!call) return 'none';
  if (now < call.opensAt) return 'not_yet';
  return now <= call.closesAt ? 'open' : 'closed';
}

/** The call as a proposer may use it now: open, or a clear refusal (409) saying why not. */
export async function openCall(event: EventView, clock: Clock): Promise<CallView> {
  const call = await getCall(event);
  const state = callState(call, clock.now());
  if (state === 'none') throw new NotFoundError();
  if (state === 'not_yet') throw new ConflictError('CALL_NOT_OPEN');
  if (state === 'closed') throw new ConflictError('CALL_CLOSED');
  return call!;
}

export async function saveCallSettings(
  event: EventView,
  input: CallSettingsInput,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const before = await SideEventCall.findOne({ eventId: event.id }).lean();
  const rules = {
    memberStateOrganizer: input.memberStateOrganizer === 'yes',
    ...(input.maxPerOrganization !== undefined && { maxPerOrganization: input.maxPerOrganization }),
  };
  await SideEventCall.replaceOne(
    { eventId: event.id },
    { eventId: event.id, opensOn: input.opensOn, closesOn: input.closesOn, rules, updatedAt: clock.now() },
    { upsert: true },
  );
  await recordChange(
    {
      action: 'side-event.call-saved',
      subjectType: 'event',
      subjectId: event.id,
      actor,
      changes: [
        {
          field: 'sideEventCall',
          from: before ? `${before.opensOn}–${before.closesOn}` : null,
          to: `${input.opensOn}–${input.closesOn}`,
        },
      ],
    },
    clock,
  );
}

/**
 * The organizers offer a room's stretch of a day, cut into slots (see slotsOfRange), for side
 * events or for bilaterals; the event's history says how many.
 */
export async function offerSlots(
  event: EventView,
  kind: SlotKind,
  range: SlotRange,
  actor: Actor,
  clock: Clock,
): Promise<Slot[]> {
  const added = await addSlots(event, kind, range);
  await recordChange(
    {
      action: `${kind}.slots-added`,
      subjectType: 'event',
      subjectId: event.id,
      actor,
      changes: [
        { field: kind === 'bilateral' ? 'bilateralSlots' : 'sideEventSlots', from: null, to: added.length },
      ],
    },
    clock,
  );
  return added;
}

/** Slots for side events (offerSlots). */
export const offerSideEventSlots = (event: EventView, range: SlotRange, actor: Actor, clock: Clock) =>
  offerSlots(event, 'side-event', range, actor, clock);

/** Removes a slot no side event holds (409 while one does). */
export async function removeSideEventSlot(
  event: EventView,
  slotId: string,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  if (await SideEventSlotHold.exists({ eventId: event.id, slotId })) throw new ConflictError('SLOT_IN_USE');
  const { deletedCount } = await OfferedSlot.deleteOne({
    _id: slotId,
    eventId: event.id,
    kind: 'side-event',
  });
  if (deletedCount !== 1) throw new NotFoundError();
  await recordChange(
    {
      action: 'side-event.slot-removed',
      subjectType: 'event',
      subjectId: event.id,
      actor,
      changes: [{ field: 'sideEventSlots', from: 1, to: null }],
    },
    clock,
  );
}
