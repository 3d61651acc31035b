import mongoose, { Schema } from 'mongoose';

/**
 * A private link: a 256-bit random token of which only the SHA-256 is stored, bound to a
 * purpose and a subject, with an expiry. A subject may hold several live links.
 */
const linkSchema = new Schema({
  tokenHash: { type: String, required: true, unique: true },
  purpose: { type: String, required: true },
  subject: { type: String, required: true },
  expiresAt: { type: Date, required: true },
  createdAt: { type: Date, required: true },
});
linkSchema.index({ subject: 1, purpose: 1 });

export type LinkFields = mongoose.InferSchemaType<typeof linkSchema>;
export const PrivateLink = mongoose.model('PrivateLink', linkSchema);
