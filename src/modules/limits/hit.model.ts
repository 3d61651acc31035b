import mongoose, { Schema } from 'mongoose';

/**
 * One counted request: slot `n` (1..limit) of a key's time window, named `key|window|n`. The
 * unique `_id` makes each slot exclusive on MongoDB and FerretDB alike, so processes sharing the
 * database can never count past the limit between them.
 */
const hitSchema = new Schema(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    window: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
hitSchema.index({ key: 1, window: 1 });
hitSchema.index({ expiresAt: 1 });

export const RateLimitHit = mongoose.model('RateLimitHit', hitSchema, 'rate_limit_hits');
