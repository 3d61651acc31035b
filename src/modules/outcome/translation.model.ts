import mongoose, { Schema } from 'mongoose';
import { LIMITS } from '../../shared/limits.js';

/**
 * The translation of one paragraph or heading into one language. It follows the paragraph across
 * revisions by its stable `ref`: `_id` is `<documentId>:<ref>:<language>`, so a paragraph has one
 * translation per language, the latest saved. `sourceHash` is the hash of the working-language
 * text the translator had before them: when the paragraph's text no longer has that hash, the
 * translation is out of date. `sourceText` keeps that text, to show what changed since.
 */
const translationSchema = new Schema(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    documentId: { type: String, required: true },
    ref: { type: String, required: true },
    language: { type: String, required: true, enum: ['es', 'pt', 'en'] },
    text: { type: String, required: true, maxlength: LIMITS.description },
    sourceHash: { type: String, required: true },
    sourceText: { type: String, maxlength: LIMITS.description },
    savedAt: { type: Date, required: true },
    savedBy: { type: String, required: true },
  },
  { versionKey: false },
);
translationSchema.index({ documentId: 1, language: 1 });

export const OutcomeTranslation = mongoose.model('OutcomeTranslation', translationSchema);

export const translationIdOf = (documentId: string, ref: string, language: string) =>
  `${documentId}:${ref}:${language}`;
