import mongoose, { Schema } from 'mongoose';

/**
 * One place in a capacity scope (the event, a category, a workshop): `_id` is `scope:number`
 * with number in 1..capacity, so no more than `capacity` seats can exist; the unique
 * (scope, holder) index lets a registration hold at most one seat per scope. Taking a seat is an
 * insert, freeing it a delete: both exclusive on MongoDB and FerretDB alike.
 */
const seatSchema = new Schema({
  _id: { type: String },
  scope: { type: String, required: true },
  number: { type: Number, required: true },
  holder: { type: String, required: true },
  takenAt: { type: Date, required: true },
});
seatSchema.index({ scope: 1, holder: 1 }, { unique: true });

export const Seat = mongoose.model('Seat', seatSchema);
