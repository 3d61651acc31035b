import mongoose, { Schema, Types } from 'mongoose';
import { ValidationError } from '../../shared/errors.js';
import { formatTimeRange, instantToLocal, localToInstant } from '../../shared/zoned-time.js';
import type { EventView } from '../events/index.js';

/** One room for one stretch of time, offered for a side event or a bilateral meeting. */
export interface Slot {
  id: string;
  roomId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface StoredSlot {
  _id: unknown;
  roomId: string;
  startsAt: Date;
  endsAt: Date;
}

export const toSlot = (s: StoredSlot): Slot => ({
  id: String(s._id),
  roomId: s.roomId,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
});

export const SLOT_KINDS = ['side-event', 'bilateral'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/**
 * A slot the organizers offer: for side events (from the call's settings) or for bilateral
 * meetings (bilateral rooms). One document each, so two organizers adding slots at once lose
 * nothing (FerretDB's updates of one document are not atomic).
 */
const slotSchema = new Schema({
  eventId: { type: String, required: true },
  kind: { type: String, required: true, enum: SLOT_KINDS },
  roomId: { type: String, required: true },
  startsAt: { type: Date, required: true },
  endsAt: { type: Date, required: true },
  /** The day it starts on in the event's zone, so a day's schedule reads its day by equality. */
  date: { type: String },
});
slotSchema.index({ eventId: 1, kind: 1 });
slotSchema.index({ eventId: 1, kind: 1, date: 1 });

export const OfferedSlot = mongoose.model('OfferedSlot', slotSchema, 'offered_slots');

/** An event's slots of one kind, in time order: all of them, or those of one day (in the event's zone). */
export async function slotsOf(eventId: string, kind: SlotKind, date?: string): Promise<Slot[]> {
  const docs = await OfferedSlot.find(
    date === undefined ? { eventId, kind } : { eventId, kind, date },
  ).lean();
  return docs.map(toSlot).sort(bySlotTime);
}

/** One slot of the event, of this kind, read by its id. */
export async function slotOf(
  eventId: string,
  kind: SlotKind,
  id: string | undefined,
): Promise<Slot | undefined> {
  if (id === undefined || !Types.ObjectId.isValid(id)) return undefined;
  const found = await OfferedSlot.findById(id).lean();
  return found && found.eventId === eventId && found.kind === kind ? toSlot(found) : undefined;
}

/** The day a slot starts on in the event's zone. */
export const slotDate = (slot: Pick<Slot, 'startsAt'>, event: Pick<EventView, 'timezone'>) =>
  instantToLocal(slot.startsAt, event.timezone).date;

/** Slots stored before they kept their day get it (a migration, one event at a time). */
export async function dateOlderSlots(
  timezoneOf: (eventId: string) => Promise<string | undefined>,
): Promise<void> {
  const older = await OfferedSlot.find({ date: mongoose.trusted({ $exists: false }) }).lean();
  const zones = new Map<string, string | undefined>();
  for (const slot of older) {
    if (!zones.has(slot.eventId)) zones.set(slot.eventId, await timezoneOf(slot.eventId));
    const timezone = zones.get(slot.eventId);
    if (timezone)
      await OfferedSlot.updateOne({ _id: slot._id }, { $set: { date: slotDate(slot, { timezone }) } });
  }
}

/** Adds the slots of a room's stretch of a day (see slotsOfRange). */
export async function addSlots(event: EventView, kind: SlotKind, range: SlotRange): Promise<Slot[]> {
  const fresh = slotsOfRange(event, range, await slotsOf(event.id, kind));
  await OfferedSlot.insertMany(
    fresh.map((s) => ({
      _id: s.id,
      eventId: event.id,
      kind,
      roomId: s.roomId,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      date: slotDate(s, event),
    })),
  );
  return fresh;
}

export const bySlotTime = (a: Slot, b: Slot) =>
  a.startsAt.getTime() - b.startsAt.getTime() || a.roomId.localeCompare(b.roomId);

/** What a room's stretch of a day becomes: one slot, or slots of `minutes` each that fit in it. */
export interface SlotRange {
  roomId: string;
  date: string;
  start: string;
  end: string;
  minutes?: number | undefined;
}

/**
 * Cuts a room's stretch of a day (wall-clock times in the event's zone) into slots; a stretch
 * outside the event's days, in an unknown room, or overlapping slots already offered is refused.
 */
export function slotsOfRange(event: EventView, range: SlotRange, existing: Slot[]): Slot[] {
  if (!event.rooms.some((room) => room.id === range.roomId))
    throw new ValidationError([{ field: 'roomId', code: 'unknown_reference' }]);
  if (range.date < event.startDate || range.date > event.endDate)
    throw new ValidationError([{ field: 'date', code: 'outside_event' }]);
  const from = localToInstant(range.date, range.start, event.timezone);
  const to = localToInstant(range.date, range.end, event.timezone);
  if (!from) throw new ValidationError([{ field: 'start', code: 'nonexistent_local_time' }]);
  if (!to) throw new ValidationError([{ field: 'end', code: 'nonexistent_local_time' }]);
  if (to <= from) throw new ValidationError([{ field: 'end', code: 'end_not_after_start' }]);
  const step = range.minutes ? range.minutes * 60_000 : to.getTime() - from.getTime();
  const slots: Slot[] = [];
  for (let at = from.getTime(); at + step <= to.getTime(); at += step) {
    slots.push({
      id: new Types.ObjectId().toHexString(),
      roomId: range.roomId,
      startsAt: new Date(at),
      endsAt: new Date(at + step),
    });
  }
  if (slots.length === 0) throw new ValidationError([{ field: 'minutes', code: 'too_big' }]);
  if (slots.length > 200) throw new ValidationError([{ field: 'minutes', code: 'too_many_slots' }]);
  const overlaps = (a: Slot, b: Slot) =>
    a.roomId === b.roomId && a.startsAt < b.endsAt && b.startsAt < a.endsAt;
  if (slots.some((slot) => existing.some((other) => overlaps(slot, other))))
    throw new ValidationError([{ field: 'start', code: 'slot_overlaps' }]);
  return slots;
}

/** "Sala Azuay, jueves, 10 de abril de 2008, 13:00–14:00 (GMT-5)" */
export function slotLabel(
  slot: Slot,
  event: Pick<EventView, 'rooms' | 'timezone'>,
  formatDay: (date: string) => string,
): string {
  const room = event.rooms.find((r) => r.id === slot.roomId)?.name ?? '';
  const day = formatDay(instantToLocal(slot.startsAt, event.timezone).date);
  return `${room}, ${day}, ${formatTimeRange(slot.startsAt, slot.endsAt, event.timezone)}`;
}

/** The free slots that start at or after `from` (the one asked for first), in time order. */
export function nextFreeSlots(slots: Slot[], taken: Set<string>, from: Date | undefined, count = 3): Slot[] {
  return slots
    .filter((s) => !taken.has(s.id) && (!from || s.startsAt >= from))
    .sort(bySlotTime)
    .slice(0, count);
}
