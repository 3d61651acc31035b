import mongoose, { Schema } from 'mongoose';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { LIMITS } from '../../shared/limits.js';

export const INSTITUTIONS = ['foreign_affairs', 'migration_authority', 'local_authority', 'other'] as const;
export const CONTACT_TYPES = ['focal_point', 'alternate', 'local_authority', 'liaison'] as const;

/** A government's contact for the forums: the focal point who nominates, alternates, liaisons. */
const contactSchema = new Schema(
  {
    country: { type: String, required: true, maxlength: 2 },
    institution: { type: String, required: true, enum: INSTITUTIONS },
    institutionName: { type: String, maxlength: LIMITS.title },
    type: { type: String, required: true, enum: CONTACT_TYPES },
    honorific: { type: String, maxlength: LIMITS.honorific },
    name: { type: String, required: true, maxlength: LIMITS.name },
    position: { type: String, maxlength: LIMITS.title },
    email: { type: String, maxlength: LIMITS.email },
    phone: { type: String, maxlength: LIMITS.phone },
    language: { type: String, enum: LANGUAGES },
    notes: { type: String, maxlength: LIMITS.note },
  },
  { timestamps: true },
);
contactSchema.index({ country: 1, type: 1 });

export type ContactFields = mongoose.InferSchemaType<typeof contactSchema>;
export const NationalContact = mongoose.model('NationalContact', contactSchema);

/** A manual entry in a contact's log (mails sent to them are listed from the outbox). */
const noteSchema = new Schema({
  contactId: { type: String, required: true, index: true },
  text: { type: String, required: true, maxlength: LIMITS.note },
  by: { type: String, required: true },
  at: { type: Date, required: true },
});

export const ContactNote = mongoose.model('ContactNote', noteSchema);
