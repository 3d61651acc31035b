import mongoose, { Schema } from 'mongoose';

/**
 * A person present on one day. `_id` is `registrationId:day`, so two doors scanning the same
 * badge at once record one arrival (the second insert fails on the key).
 */
const checkInSchema = new Schema({
  _id: { type: String },
  eventId: { type: String, required: true },
  registrationId: { type: String, required: true },
  day: { type: String, required: true },
  category: { type: String, required: true },
  at: { type: Date, required: true },
  by: { type: String, required: true },
});
checkInSchema.index({ eventId: 1, day: 1 });
checkInSchema.index({ registrationId: 1 });

export const CheckIn = mongoose.model('CheckIn', checkInSchema);
