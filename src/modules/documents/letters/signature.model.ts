import mongoose, { Schema } from 'mongoose';
import { LIMITS } from '../../../shared/limits.js';

/** Who signs an event's certificates and visa letters; `_id` is the event's id. */
const signatureSchema = new Schema(
  {
    _id: { type: String },
    name: { type: String, maxlength: LIMITS.name },
    /** The signatory's title or position, per language. */
    title: {
      es: { type: String, maxlength: LIMITS.title },
      pt: { type: String, maxlength: LIMITS.title },
      en: { type: String, maxlength: LIMITS.title },
    },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { versionKey: false },
);

export const LetterSignature = mongoose.model('LetterSignature', signatureSchema, 'letter_signatures');

/**
 * The signature's image (PNG or JPEG), apart from the text so that saving one never overwrites
 * the other. In the database, so every Foro process prints and serves it.
 */
const signatureImageSchema = new Schema(
  {
    _id: { type: String },
    content: { type: Buffer, required: true },
    contentType: { type: String, required: true, enum: ['image/png', 'image/jpeg'] },
    width: { type: Number, required: true },
    height: { type: Number, required: true },
    uploadedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const LetterSignatureImage = mongoose.model(
  'LetterSignatureImage',
  signatureImageSchema,
  'letter_signature_images',
);
