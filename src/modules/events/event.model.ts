import mongoose, { Schema } from 'mongoose';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { LIMITS } from '../../shared/limits.js';

export const EVENT_STATUSES = ['draft', 'published', 'archived'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

const trilingual = (max: number) => ({
  es: { type: String, maxlength: max },
  en: { type: String, maxlength: max },
  pt: { type: String, maxlength: max },
});

const roomSchema = new Schema({
  name: { type: String, required: true, maxlength: LIMITS.name },
  capacity: { type: Number, min: 0 },
  interpretation: [{ type: String, enum: LANGUAGES }],
});

/** One forum or meeting. Calendar dates are `YYYY-MM-DD` in the event's own zone. */
const eventSchema = new Schema(
  {
    slug: { type: String, required: true, unique: true, maxlength: 80 },
    title: trilingual(LIMITS.title),
    description: trilingual(LIMITS.description),
    /** Who convenes the event, as printed on the programme's cover. */
    organizers: trilingual(LIMITS.title),
    venue: {
      name: { type: String, maxlength: LIMITS.name },
      address: { type: String, maxlength: LIMITS.title },
      city: { type: String, maxlength: LIMITS.name },
      country: { type: String, maxlength: 2 },
    },
    timezone: { type: String, required: true },
    startDate: { type: String, required: true },
    endDate: { type: String, required: true },
    languages: [{ type: String, enum: LANGUAGES }],
    countries: [{ type: String }],
    rooms: [roomSchema],
    /**
     * Who the event's mails come from. Each part left blank falls back to the configuration's
     * MAIL_FROM and MAIL_REPLY_TO (config/index.ts), which production keeps off localhost.
     */
    sender: {
      name: { type: String, maxlength: LIMITS.name },
      address: { type: String, maxlength: LIMITS.email },
      replyTo: { type: String, maxlength: LIMITS.email },
    },
    /** How invitations behave: answer deadline (a date in the event's zone) and reminders. */
    invitations: {
      deadline: { type: String },
      reminderDays: { type: Number, min: 1, max: 60, default: 7 },
      reminderMax: { type: Number, min: 0, max: 10, default: 2 },
    },
    status: { type: String, required: true, enum: EVENT_STATUSES, default: 'draft' },
    /** Increases with every edit, so a form saved from a stale copy is caught. */
    revision: { type: Number, required: true, default: 1 },
    publishedAt: { type: Date },
    /** Demo data (the seeded practice copy): its pages say so. */
    demo: { type: Boolean },
    createdBy: { type: String },
  },
  { timestamps: true },
);

export type EventFields = mongoose.InferSchemaType<typeof eventSchema>;
export const Event = mongoose.model('Event', eventSchema);

/** The organizers who may edit an event and receive its notifications: one document per person. */
const teamMemberSchema = new Schema({
  eventId: { type: String, required: true },
  userId: { type: String, required: true },
  notify: { type: Boolean, required: true, default: true },
  addedAt: { type: Date, required: true },
});
teamMemberSchema.index({ eventId: 1, userId: 1 }, { unique: true });

export const TeamMember = mongoose.model('TeamMember', teamMemberSchema);
