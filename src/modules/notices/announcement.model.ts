import mongoose, { Schema } from 'mongoose';
import { LIMITS } from '../../shared/limits.js';

const trilingual = (max: number) => ({
  es: { type: String, maxlength: max },
  en: { type: String, maxlength: max },
  pt: { type: String, maxlength: max },
});

/**
 * A free message to a group the data defines. `draftKey` comes from the form that wrote it and
 * is unique: a double click or a resent form makes one announcement, not two.
 */
const announcementSchema = new Schema({
  eventId: { type: String, required: true, index: true },
  draftKey: { type: String, required: true, unique: true },
  group: { type: String, required: true },
  subject: trilingual(LIMITS.title),
  message: trilingual(LIMITS.description),
  batchId: { type: String, required: true },
  recipients: { type: Number, required: true, default: 0 },
  createdBy: { type: String, required: true },
  createdAt: { type: Date, required: true },
});

export const Announcement = mongoose.model('Announcement', announcementSchema);
