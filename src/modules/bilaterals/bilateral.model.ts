import mongoose, { Schema } from 'mongoose';
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
});
bilateralSchema.index({ eventId: 1 });
bilateralSchema.index({ askingId: 1 });
bilateralSchema.index({ askedId: 1 });

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
  },
  { versionKey: false },
);
bookingSchema.index({ eventId: 1, slotId: 1 }, { unique: true });

export const BilateralBooking = mongoose.model('BilateralBooking', bookingSchema, 'bilateral_bookings');
