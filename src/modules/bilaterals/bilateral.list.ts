import mongoose from 'mongoose';
import { numberIntoBlocks, readPage, type Page } from '../../db/blocks.js';
import type { DataMigration } from '../../db/migrations.js';
import { Event } from '../events/index.js';
import { dateOlderSlots, OfferedSlot } from '../side-events/index.js';
import { Bilateral, BilateralBooking, bilateralList, type BilateralState } from './bilateral.model.js';
import { toBilateralView, type BilateralView } from './bilateral.views.js';

type Stored = Parameters<typeof toBilateralView>[0] & { block?: number | null };
interface Row {
  block: number;
  bilateral: BilateralView;
}
const rowOf = (doc: Stored): Row => ({ block: doc.block ?? 0, bilateral: toBilateralView(doc) });

/**
 * One page of an event's bilaterals in the order they were asked for (`db/blocks.ts`), of one
 * state or all, after or before a cursor: a few blocks read by equality, never the whole event.
 */
export async function bilateralsPage(
  eventId: string,
  options: { state?: BilateralState | undefined; size: number; after?: string; before?: string },
): Promise<Page<BilateralView>> {
  const filter = options.state ? { eventId, state: options.state } : { eventId };
  const page = await readPage<Row>({
    list: bilateralList(eventId),
    size: options.size,
    readBlock: async (block) => (await Bilateral.find({ ...filter, block }).lean()).map(rowOf),
    readAll: async () => (await Bilateral.find(filter).lean()).map(rowOf),
    placeOf: (row) => ({ block: row.block, key: row.bilateral.id }),
    after: options.after,
    before: options.before,
  });
  return { ...page, rows: page.rows.map((row) => row.bilateral) };
}

/** The meetings booked on one day of the event (its day in the event's zone), read by equality. */
export async function bilateralsOfDay(eventId: string, date: string): Promise<BilateralView[]> {
  const found = await Bilateral.find({ eventId, date, state: 'accepted' }).lean();
  return found.map(toBilateralView);
}

const timezoneOf = async (eventId: string) =>
  mongoose.isValidObjectId(eventId)
    ? ((await Event.findById(eventId, { timezone: 1 }).lean())?.timezone ?? undefined)
    : undefined;

/** Gives booked meetings and their bookings written before they kept their day the day of their slot. */
async function dateOlderBookings(): Promise<void> {
  const undated = await Bilateral.find({
    state: 'accepted',
    date: mongoose.trusted({ $exists: false }),
  }).lean();
  for (const bilateral of undated) {
    const slot = bilateral.slotId ? await OfferedSlot.findById(bilateral.slotId).lean() : null;
    if (slot?.date) await Bilateral.updateOne({ _id: bilateral._id }, { $set: { date: slot.date } });
  }
  for (const booking of await BilateralBooking.find({ date: mongoose.trusted({ $exists: false }) }).lean()) {
    const slot = await OfferedSlot.findById(booking.slotId).lean();
    if (slot?.date) await BilateralBooking.updateOne({ _id: booking._id }, { $set: { date: slot.date } });
  }
}

/**
 * Bilaterals written before the lists were paged get a block (event by event, in the order they
 * were asked for); slots, booked meetings and bookings get the day a day's schedule reads them by.
 */
export const numberOlderBilaterals: DataMigration = {
  name: 'bilateral-blocks-and-days',
  async run() {
    const older = await Bilateral.find(
      { block: mongoose.trusted({ $exists: false }) },
      { eventId: 1 },
    ).lean();
    const byEvent = new Map<string, typeof older>();
    for (const doc of older) byEvent.set(doc.eventId, [...(byEvent.get(doc.eventId) ?? []), doc]);
    for (const [eventId, docs] of byEvent) {
      const ids = docs.map((doc) => doc._id).sort((a, b) => String(a).localeCompare(String(b)));
      await numberIntoBlocks(Bilateral, bilateralList(eventId), ids);
    }
    await dateOlderSlots(timezoneOf);
    await dateOlderBookings();
  },
};
