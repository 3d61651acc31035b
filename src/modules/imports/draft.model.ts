import mongoose, { Schema } from 'mongoose';

/**
 * An uploaded CSV waiting for the organizer's confirmation. It lives in the database so any
 * Foro process can confirm it; confirming deletes it first (by `_id`), so it is imported once.
 */
const importDraftSchema = new Schema({
  kind: { type: String, required: true },
  createdAt: { type: Date, required: true },
  createdBy: { type: String, required: true },
  fileName: { type: String, maxlength: 200 },
  rows: { type: String, required: true },
});

export const ImportDraft = mongoose.model('ImportDraft', importDraftSchema);
