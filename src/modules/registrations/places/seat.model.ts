import mongoose, { Schema } from 'mongoose';

/**
 * One place in a capacity scope (the event, a category, a workshop): `_id` is `scope:number`
 * with number in 1..capacity, so no more than `capacity` seats can exist; the unique
 * (scope, holder) index lets a registration hold at most one seat per scope. Taking a seat is an
 * insert, freeing it a delete: both exclusive on MongoDB and FerretDB alike. A capacity lowered
 * below what is taken leaves seats beyond it; each gets a blocker inside (seats.ts).
 */
const seatSchema = new Schema({
  _id: { type: String },
  scope: { type: String, required: true },
  number: { type: Number, required: true },
  holder: { type: String, required: true },
  /** On a blocker: the holder of the seat beyond the capacity it stands for (see seats.ts). */
  blocks: { type: String },
  takenAt: { type: Date, required: true },
});
seatSchema.index({ scope: 1, holder: 1 }, { unique: true });

export const Seat = mongoose.model('Seat', seatSchema);

/**
 * A scope marked full (`_id` is the scope): takers of a full scope read this small collection,
 * not the seats, which on FerretDB over PostgreSQL means reading every seat of every event.
 */
const fullScopeSchema = new Schema({ _id: { type: String }, markedAt: { type: Date, required: true } });

export const FullScope = mongoose.model('FullScope', fullScopeSchema, 'full_scopes');
