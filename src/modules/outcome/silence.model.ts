import mongoose, { Schema } from 'mongoose';
import { LIMITS } from '../../shared/limits.js';

export const SILENCE_ENDS = ['broken', 'adopted'] as const;
export type SilenceEnd = (typeof SILENCE_ENDS)[number];

/**
 * One silence procedure on one version of a text, until `deadline`. Its `_id` is
 * `<documentId>:<version>:<n>` (the n-th silence of the text, counted from the one before), so of
 * two organizers starting one at once, one inserts it and the other is told.
 */
const silenceSchema = new Schema({
  _id: { type: String, required: true },
  eventId: { type: String, required: true },
  documentId: { type: String, required: true, index: true },
  version: { type: Number, required: true },
  startedAt: { type: Date, required: true },
  startedBy: { type: String, required: true },
  deadline: { type: Date, required: true },
});

export const OutcomeSilence = mongoose.model('OutcomeSilence', silenceSchema, 'outcome_silences');

/**
 * How a silence ended, under the silence's own `_id`: whichever comes first, the focal point who
 * breaks it or the adoption when the deadline passes, inserts it; the other is refused by the
 * unique `_id`, so a silence has exactly one outcome whatever the number of processes.
 */
const silenceEndSchema = new Schema(
  {
    _id: { type: String, required: true },
    eventId: { type: String, required: true },
    documentId: { type: String, required: true },
    end: { type: String, required: true, enum: SILENCE_ENDS },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    delegationId: { type: String },
    country: { type: String, maxlength: 2 },
    reason: { type: String, maxlength: LIMITS.note },
  },
  { versionKey: false },
);

export const OutcomeSilenceEnd = mongoose.model(
  'OutcomeSilenceEnd',
  silenceEndSchema,
  'outcome_silence_ends',
);

/**
 * One language version of an adopted text being published, claimed by an insert against
 * `<documentId>:<language>`: of two processes publishing at once, one draws and uploads it.
 * `doneAt` is set once the file is in the register; a claim left without it for long (a process
 * that stopped half-way) is taken over.
 */
const publicationClaimSchema = new Schema(
  {
    _id: { type: String, required: true },
    documentId: { type: String, required: true },
    claimedAt: { type: Date, required: true },
    doneAt: { type: Date },
  },
  { versionKey: false },
);

export const OutcomePublicationClaim = mongoose.model(
  'OutcomePublicationClaim',
  publicationClaimSchema,
  'outcome_publication_claims',
);
