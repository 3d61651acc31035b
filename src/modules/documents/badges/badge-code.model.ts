import mongoose, { Schema } from 'mongoose';

/**
 * The verification code printed (as text and QR) on a registrant's badge. `_id` is the code, so
 * a code names one registration; the unique `registrationId` gives each registration one code
 * even when two badge sheets are printed at once.
 */
const badgeCodeSchema = new Schema({
  _id: { type: String },
  eventId: { type: String, required: true },
  registrationId: { type: String, required: true },
  createdAt: { type: Date, required: true },
});
badgeCodeSchema.index({ registrationId: 1 }, { unique: true });
badgeCodeSchema.index({ eventId: 1 });

export const BadgeCode = mongoose.model('BadgeCode', badgeCodeSchema);
