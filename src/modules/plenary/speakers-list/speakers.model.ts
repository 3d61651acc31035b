import mongoose, { Schema } from 'mongoose';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { LIMITS } from '../../../shared/limits.js';
import { ENTRY_STATUSES, SPEAKER_GROUPS, SPEAKER_LEVELS } from './speakers.order.js';

/**
 * A session's list of speakers: when inscriptions open and close, the time per statement (longer
 * for heads when set), whether a delegation may inscribe once or more, and whether its names are
 * public yet. One per session.
 */
const listSchema = new Schema({
  eventId: { type: String, required: true },
  sessionId: { type: String, required: true },
  opensAt: { type: Date, required: true },
  closesAt: { type: Date, required: true },
  minutes: { type: Number, required: true, min: 1, max: 120 },
  headMinutes: { type: Number, min: 1, max: 120 },
  onePerDelegation: { type: Boolean, required: true, default: true },
  /** Speakers are mailed again when their place moves by more than this many places. */
  moveNotice: { type: Number, required: true, min: 0, max: 100, default: 3 },
  publishedAt: { type: Date },
  createdAt: { type: Date, required: true },
});
listSchema.index({ sessionId: 1 }, { unique: true });
listSchema.index({ eventId: 1 });

export const SpeakersList = mongoose.model('SpeakersList', listSchema, 'speakers_lists');

/**
 * One inscription. Written once (an insert whose `seq` a unique index makes exclusive, so
 * simultaneous inscriptions get a strict order); what happens to it later is in its steps and
 * moves, which are inserts too.
 */
const entrySchema = new Schema({
  listId: { type: String, required: true },
  eventId: { type: String, required: true },
  seq: { type: Number, required: true },
  group: { type: String, required: true, enum: SPEAKER_GROUPS },
  level: { type: String, required: true, enum: SPEAKER_LEVELS },
  language: { type: String, required: true, enum: LANGUAGES },
  reply: { type: Boolean, required: true },
  head: { type: Boolean, required: true },
  inscribedAt: { type: Date, required: true },
  inscribedBy: { type: String, required: true },
  delegationId: { type: String },
  country: { type: String, maxlength: 2 },
  personId: { type: String },
  speakerName: { type: String, required: true, maxlength: LIMITS.name * 3 },
  organization: { type: String, maxlength: LIMITS.title },
  /** The place the speaker was last told by mail. */
  mailedPlace: { type: Number },
});
entrySchema.index({ listId: 1, seq: 1 }, { unique: true });

export const SpeakerEntry = mongoose.model('SpeakerEntry', entrySchema, 'speakers_entries');

/** A delegation's one inscription on a one-per-delegation list: `_id` is `listId:delegationId`. */
const claimSchema = new Schema({ _id: { type: String }, entryId: { type: String, required: true } });
export const SpeakerClaim = mongoose.model('SpeakerClaim', claimSchema, 'speakers_claims');

/**
 * One step of an entry on the floor. `version` counts an entry's steps; the pair is unique, so of
 * two devices recording the same step only one insert succeeds.
 */
const stepSchema = new Schema({
  listId: { type: String, required: true },
  entryId: { type: String, required: true },
  version: { type: Number, required: true, min: 1 },
  status: { type: String, required: true, enum: ENTRY_STATUSES },
  at: { type: Date, required: true },
  by: { type: String, required: true },
});
stepSchema.index({ entryId: 1, version: 1 }, { unique: true });
stepSchema.index({ listId: 1 });

export const SpeakerStep = mongoose.model('SpeakerStep', stepSchema, 'speakers_steps');

/** An organizer's move of an entry to another place; `seq` orders moves made at the same instant. */
const moveSchema = new Schema({
  listId: { type: String, required: true },
  seq: { type: Number, required: true },
  entryId: { type: String, required: true },
  to: { type: Number, required: true, min: 1 },
  at: { type: Date, required: true },
  by: { type: String, required: true },
});
moveSchema.index({ listId: 1, seq: 1 }, { unique: true });

export const SpeakerMove = mongoose.model('SpeakerMove', moveSchema, 'speakers_moves');
