import mongoose, { Schema } from 'mongoose';
import { LIMITS } from '../../shared/limits.js';

/** An organizer's version of one mail template for one event and language (else the default applies). */
const eventTemplateSchema = new Schema({
  eventId: { type: String, required: true },
  key: { type: String, required: true },
  language: { type: String, required: true },
  subject: { type: String, required: true, maxlength: LIMITS.title },
  body: { type: String, required: true, maxlength: LIMITS.description },
  updatedAt: { type: Date, required: true },
  updatedBy: { type: String, required: true },
});
eventTemplateSchema.index({ eventId: 1, key: 1, language: 1 }, { unique: true });

export const EventMailTemplate = mongoose.model('EventMailTemplate', eventTemplateSchema);
