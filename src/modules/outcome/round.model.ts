import mongoose, { Schema } from 'mongoose';
import { LIMITS } from '../../shared/limits.js';

export const PROPOSAL_KINDS = ['replace', 'insert', 'delete', 'add-after'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_STATES = ['open', 'withdrawn', 'accepted', 'merged', 'not-retained'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const STANCES = ['support', 'object'] as const;
export type Stance = (typeof STANCES)[number];

/**
 * A round of amendments on one version of a text. Its `_id` is `<documentId>:<version>`, so a
 * version has one round whoever opens it, even twice at once.
 */
const roundSchema = new Schema({
  _id: { type: String, required: true },
  eventId: { type: String, required: true },
  documentId: { type: String, required: true, index: true },
  version: { type: Number, required: true },
  openedAt: { type: Date, required: true },
  openedBy: { type: String, required: true },
  deadline: { type: Date, required: true },
  observersMayPropose: { type: Boolean, required: true },
  closedAt: { type: Date },
});

export const OutcomeRound = mongoose.model('OutcomeRound', roundSchema);

/**
 * One amendment on one paragraph (by its stable `ref`), by a delegation or an observer. Each is its
 * own document: proposals made at the same instant never touch each other. `dedupeKey` (round,
 * proposer, the form's key) is unique, so a form sent twice stores one proposal.
 */
const proposalSchema = new Schema(
  {
    eventId: { type: String, required: true },
    documentId: { type: String, required: true },
    versionKey: { type: String, required: true, index: true },
    roundId: { type: String, required: true },
    paragraphRef: { type: String, required: true },
    delegationId: { type: String },
    country: { type: String, maxlength: 2 },
    observerName: { type: String, maxlength: LIMITS.name },
    observer: { type: Boolean, required: true },
    oral: { type: Boolean, required: true },
    kind: { type: String, required: true, enum: PROPOSAL_KINDS },
    passage: { type: String, maxlength: LIMITS.description },
    text: { type: String, maxlength: LIMITS.description },
    explanation: { type: String, maxlength: LIMITS.note },
    language: { type: String, required: true, enum: ['es', 'pt', 'en'] },
    state: { type: String, required: true, enum: PROPOSAL_STATES, default: 'open' },
    dedupeKey: { type: String, required: true, unique: true },
    proposedAt: { type: Date, required: true },
    proposedBy: { type: String, required: true },
  },
  { timestamps: true },
);

export const OutcomeProposal = mongoose.model('OutcomeProposal', proposalSchema);

/** A delegation's support of or objection to a proposal: one per delegation (`_id` proposal:delegation). */
const stanceSchema = new Schema({
  _id: { type: String, required: true },
  eventId: { type: String, required: true },
  versionKey: { type: String, required: true, index: true },
  proposalId: { type: String, required: true },
  delegationId: { type: String, required: true },
  country: { type: String, required: true, maxlength: 2 },
  stance: { type: String, required: true, enum: STANCES },
  at: { type: Date, required: true },
});

export const OutcomeStance = mongoose.model('OutcomeStance', stanceSchema);
