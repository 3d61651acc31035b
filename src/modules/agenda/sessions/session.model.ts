import mongoose, { Schema } from 'mongoose';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { LIMITS } from '../../../shared/limits.js';

export const SESSION_TYPES = [
  'opening',
  'plenary',
  'panel',
  'workshop',
  'side_event',
  'break',
  'closing',
] as const;
export type SessionType = (typeof SESSION_TYPES)[number];
export const SESSION_STATUSES = ['draft', 'scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

const trilingual = (max: number) => ({
  es: { type: String, maxlength: max },
  en: { type: String, maxlength: max },
  pt: { type: String, maxlength: max },
});

/** One slot of the programme. Times are instants (UTC); they are entered and shown in the event's zone. */
const sessionSchema = new Schema(
  {
    eventId: { type: String, required: true, index: true },
    type: { type: String, required: true, enum: SESSION_TYPES },
    title: trilingual(LIMITS.title),
    description: trilingual(LIMITS.description),
    roomId: { type: String },
    startsAt: { type: Date },
    endsAt: { type: Date },
    theme: { type: String, maxlength: LIMITS.title },
    language: { type: String, enum: LANGUAGES },
    interpretation: [{ type: String, enum: LANGUAGES }],
    expectedAttendance: { type: Number, min: 0 },
    capacity: { type: Number, min: 0 },
    status: { type: String, required: true, enum: SESSION_STATUSES, default: 'draft' },
    revision: { type: Number, required: true, default: 1 },
  },
  // Not "sessions": that collection holds the web sessions of signed-in users.
  { timestamps: true, collection: 'programme_sessions' },
);

export type SessionFields = mongoose.InferSchemaType<typeof sessionSchema>;
export const Session = mongoose.model('Session', sessionSchema);
