import mongoose, { Schema } from 'mongoose';

export const LETTER_KINDS = ['visa', 'certificate'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * A letter Foro issued: `_id` is its verification code. One per registration and kind, so a
 * reprint carries the same code. Keeps only what the public check may say: name and event.
 */
const letterSchema = new Schema({
  _id: { type: String },
  eventId: { type: String, required: true },
  registrationId: { type: String, required: true },
  kind: { type: String, required: true, enum: LETTER_KINDS },
  name: { type: String, required: true },
  issuedAt: { type: Date, required: true },
});
letterSchema.index({ registrationId: 1, kind: 1 }, { unique: true });

export const Letter = mongoose.model('Letter', letterSchema);

/** An event's own letterhead text for one kind and language; `_id` is `eventId:kind:language`. */
const letterTemplateSchema = new Schema({
  _id: { type: String },
  body: { type: String, required: true, maxlength: 5000 },
  updatedAt: { type: Date, required: true },
  updatedBy: { type: String, required: true },
});

export const LetterTemplate = mongoose.model('LetterTemplate', letterTemplateSchema);
