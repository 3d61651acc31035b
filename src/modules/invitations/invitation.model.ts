import mongoose, { Schema } from 'mongoose';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { LIMITS } from '../../shared/limits.js';

/**
 * The invitation behind an assignment: `_id` is the assignment's id, so inserting it is the
 * exclusive decision to invite (two organizers clicking at once send one mail). `round` counts
 * invitations of the same assignment after an organizer put it back to proposed.
 */
const invitationSchema = new Schema({
  _id: { type: String },
  eventId: { type: String, required: true, index: true },
  sessionId: { type: String, required: true },
  personId: { type: String, required: true, index: true },
  role: { type: String, required: true },
  language: { type: String, required: true, enum: LANGUAGES },
  round: { type: Number, required: true, default: 1 },
  invitedAt: { type: Date, required: true },
  invitedBy: { type: String, required: true },
  /** The deadline derived when it was sent (the event's own setting wins when set). */
  deadline: { type: Date, required: true },
  remindersSent: { type: Number, required: true, default: 0 },
  lastSentAt: { type: Date, required: true },
});

export const Invitation = mongoose.model('Invitation', invitationSchema);

const logisticsSchema = new Schema(
  {
    arrivalDate: { type: String },
    departureDate: { type: String },
    interpretation: [{ type: String, enum: LANGUAGES }],
    accessibility: { type: String, maxlength: LIMITS.note },
    diet: { type: String, maxlength: LIMITS.note },
  },
  { _id: false },
);

/**
 * One answer to an invitation. Answers are numbered per assignment and the unique index makes
 * each number exclusive: a form sent twice, or from two tabs, records one answer and one receipt.
 */
const responseSchema = new Schema({
  assignmentId: { type: String, required: true },
  number: { type: Number, required: true },
  answer: { type: String, required: true, enum: ['confirmed', 'declined'] },
  message: { type: String, maxlength: LIMITS.note },
  logistics: { type: logisticsSchema },
  at: { type: Date, required: true },
});
responseSchema.index({ assignmentId: 1, number: 1 }, { unique: true });

export const InvitationResponse = mongoose.model('InvitationResponse', responseSchema);
