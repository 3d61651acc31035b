import mongoose, { Schema } from 'mongoose';
import { nextBlock } from '../../db/blocks.js';
import { LIMITS } from '../../shared/limits.js';

export const BILATERAL_STATES = ['requested', 'accepted', 'declined', 'cancelled'] as const;
export type BilateralState = (typeof BILATERAL_STATES)[number];
export const BILATERAL_LEVELS = [
  'head_of_state',
  'ministerial',
  'vice_ministerial',
  'senior_official',
  'expert',
] as const;
export type BilateralLevel = (typeof BILATERAL_LEVELS)[number];

/**
 * A meeting between two delegations: the asking one offers slots, the asked one accepts one or
 * declines. One calendar UID for its whole life (request, update, cancellation); SEQUENCE grows
 * with each change the calendars must follow.
 */
const bilateralSchema = new Schema({
  eventId: { type: String, required: true },
  askingId: { type: String, required: true },
  askedId: { type: String, required: true },
  askingCountry: { type: String, required: true },
  askedCountry: { type: String, required: true },
  offeredSlots: [{ type: String }],
  subject: { type: String, required: true, maxlength: LIMITS.title },
  level: { type: String, required: true },
  state: { type: String, required: true, enum: BILATERAL_STATES },
  stateAt: { type: Date, required: true },
  slotId: { type: String },
  sequence: { type: Number, required: true, default: 0 },
  requestedAt: { type: Date, required: true },
  requestedBy: { type: String, required: true },
  /** Its block in the event's list of bilaterals (`db/blocks.ts`), set when it is written. */
  block: { type: Number },
  /** The day of its slot in the event's zone while it is booked, so a day's schedule reads its day. */
  date: { type: String },
});
bilateralSchema.index({ eventId: 1 });
bilateralSchema.index({ eventId: 1, block: 1 });
bilateralSchema.index({ eventId: 1, date: 1 });
bilateralSchema.index({ askingId: 1 });
bilateralSchema.index({ askedId: 1 });

/** The name of an event's list of bilaterals, for its blocks. */
export const bilateralList = (eventId: string) => `bilaterals:${eventId}`;

bilateralSchema.pre('validate', async function () {
  if (this.isNew && this.block == null) this.block = await nextBlock(bilateralList(this.eventId));
});

export type BilateralFields = mongoose.InferSchemaType<typeof bilateralSchema>;
export const Bilateral = mongoose.model('Bilateral', bilateralSchema);

/**
 * A bilateral slot booked: an insert against a unique index on (event, slot), so of two
 * delegations booking one slot at once exactly one wins; `_id` is the bilateral's, so a meeting
 * holds one slot. Freed by a delete by `_id`.
 */
const bookingSchema = new Schema(
  {
    _id: { type: String },
    eventId: { type: String, required: true },
    slotId: { type: String, required: true },
    bookedAt: { type: Date, required: true },
    /** The day of the slot in the event's zone: a day's schedule reads its bookings by it. */
    date: { type: String },
  },
  { versionKey: false },
);
bookingSchema.index({ eventId: 1, slotId: 1 }, { unique: true });
bookingSchema.index({ eventId: 1, date: 1 });

export const BilateralBooking = mongoose.model('BilateralBooking', bookingSchema, 'bilateral_bookings');
