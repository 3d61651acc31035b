import mongoose, { Schema } from 'mongoose';

/**
 * What a country sends to an event: its focal point (a national contact), the quota of
 * delegates, the official note. One per country and event (unique index).
 */
const delegationSchema = new Schema({
  eventId: { type: String, required: true },
  country: { type: String, required: true, maxlength: 2 },
  contactId: { type: String, required: true },
  quota: { type: Number, required: true, min: 0, max: 200 },
  invitedAt: { type: Date, required: true },
  invitedBy: { type: String, required: true },
  /** When the nomination link was last mailed (the invitation, or a resend). */
  linkSentAt: { type: Date },
  /** When the focal point last sent the nomination, and what it held then (nomination.service.ts). */
  submittedAt: { type: Date },
  submittedDigest: { type: String },
  note: { fileName: String, size: Number, uploadedAt: Date },
});
delegationSchema.index({ eventId: 1, country: 1 }, { unique: true });

export const Delegation = mongoose.model('Delegation', delegationSchema);

/** The official note (PDF) of a delegation, kept in the database so every Foro process serves it. */
const noteSchema = new Schema({
  _id: { type: String },
  content: { type: Buffer, required: true },
  fileName: { type: String, required: true },
  uploadedAt: { type: Date, required: true },
});

export const DelegationNote = mongoose.model('DelegationNote', noteSchema);
