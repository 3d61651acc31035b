import mongoose, { Schema } from 'mongoose';
import { LIMITS } from '../../shared/limits.js';
import { ITEM_KINDS } from './numbering.js';

export const OUTCOME_STATES = ['drafting', 'round-open', 'under-silence', 'adopted'] as const;
export type OutcomeState = (typeof OUTCOME_STATES)[number];
export const PARAGRAPH_STATUSES = ['pending', 'agreed-ad-referendum', 'agreed'] as const;
export type ParagraphStatus = (typeof PARAGRAPH_STATUSES)[number];

const trilingual = (max: number) => ({
  es: { type: String, maxlength: max },
  en: { type: String, maxlength: max },
  pt: { type: String, maxlength: max },
});

/**
 * A text the meeting negotiates (the action programme). Its versions are the zero draft (0) and
 * the revisions (1, 2…); `currentVersion` is the one being worked on, the earlier ones are frozen.
 */
const outcomeSchema = new Schema(
  {
    eventId: { type: String, required: true, index: true },
    title: trilingual(LIMITS.title),
    workingLanguage: { type: String, required: true, enum: ['es', 'pt', 'en'] },
    state: { type: String, required: true, enum: OUTCOME_STATES, default: 'drafting' },
    currentVersion: { type: Number, required: true, default: 0 },
    /** The latest silence procedure (`silence.model.ts`), under way or ended. */
    silenceId: { type: String },
    /** Once adopted, the symbol of the official document it was published as, when every language is in. */
    publishedSymbol: { type: String },
    /**
     * Set while a silence is under way or its end has steps left (the state, the notices, the
     * publication): the scheduled look reads these texts by equality, never the adopted ones of
     * past years.
     */
    settling: { type: Boolean, index: true },
  },
  { timestamps: true },
);

export const OutcomeDocument = mongoose.model('OutcomeDocument', outcomeSchema);

/**
 * One item (section heading or paragraph) of one version, read by equality on `versionKey`
 * (`<documentId>:<version>`). `ref` is the paragraph's stable id across versions: proposals and
 * links point at it, whatever number it shows. `slot` is unique per version, so two items added
 * at the same instant never take the same number.
 */
const paragraphSchema = new Schema(
  {
    eventId: { type: String, required: true },
    documentId: { type: String, required: true },
    versionKey: { type: String, required: true },
    ref: { type: String, required: true },
    kind: { type: String, required: true, enum: ITEM_KINDS },
    number: { type: Number, required: true },
    suffix: { type: Number, required: true },
    slot: { type: String, required: true },
    position: { type: Number, required: true },
    text: { type: String, required: true, maxlength: LIMITS.description },
    status: { type: String, required: true, enum: PARAGRAPH_STATUSES, default: 'pending' },
  },
  { timestamps: true },
);
paragraphSchema.index({ versionKey: 1, ref: 1 }, { unique: true });
paragraphSchema.index({ versionKey: 1, slot: 1 }, { unique: true });

export const OutcomeParagraph = mongoose.model('OutcomeParagraph', paragraphSchema);

export const versionKeyOf = (documentId: string, version: number) => `${documentId}:${version}`;

/**
 * A version issued: its `_id` is `<documentId>:<version>`, so of two organizers issuing the next
 * revision at once, one inserts it and the other is told it was issued.
 */
const versionSchema = new Schema({
  _id: { type: String, required: true },
  eventId: { type: String, required: true },
  documentId: { type: String, required: true, index: true },
  version: { type: Number, required: true },
  issuedAt: { type: Date, required: true },
  issuedBy: { type: String, required: true },
});

export const OutcomeVersion = mongoose.model('OutcomeVersion', versionSchema);

/**
 * A proposal decided (accepted, or merged into a compromise): its `_id` is the proposal's, so of
 * two organizers deciding on one proposal at once, one inserts it and applies the change, and the
 * other is told it was decided; the change is never applied twice.
 */
const decisionSchema = new Schema(
  { _id: { type: String, required: true }, decidedAt: { type: Date, required: true } },
  { versionKey: false },
);

export const OutcomeDecision = mongoose.model('OutcomeDecision', decisionSchema, 'outcome_decisions');
