import mongoose, { Schema } from 'mongoose';

/**
 * A published programme: an immutable snapshot and its changelog against the version before.
 * Written once and never updated; `(eventId, number)` is unique, so two publishers cannot
 * both create version N.
 */
const versionSchema = new Schema({
  eventId: { type: String, required: true },
  number: { type: Number, required: true },
  publishedAt: { type: Date, required: true },
  publishedBy: { type: String, required: true },
  /** JSON of the Snapshot: kept as text so it is stored exactly as it was built. */
  snapshot: { type: String, required: true },
  changelog: { type: String, required: true },
});
versionSchema.index({ eventId: 1, number: -1 }, { unique: true });

export const ProgrammeVersion = mongoose.model('ProgrammeVersion', versionSchema);
