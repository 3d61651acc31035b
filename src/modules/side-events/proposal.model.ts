import mongoose, { Schema } from 'mongoose';
import { nextBlock } from '../../db/blocks.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { LIMITS } from '../../shared/limits.js';

export const PROPOSAL_STATES = [
  'submitted',
  'under_review',
  'accepted',
  'waitlisted',
  'rejected',
  'withdrawn',
  'merged',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

const trilingual = (max: number) => ({
  es: { type: String, maxlength: max },
  en: { type: String, maxlength: max },
  pt: { type: String, maxlength: max },
});

const contactSchema = new Schema(
  {
    givenName: { type: String, required: true, maxlength: LIMITS.name },
    familyName: { type: String, required: true, maxlength: LIMITS.name },
    email: { type: String, required: true, maxlength: LIMITS.email },
    language: { type: String, enum: LANGUAGES, required: true },
    phone: { type: String, maxlength: LIMITS.phone },
  },
  { _id: false },
);

/**
 * A side event proposed in an event's call. `number` is its reference in the event (#1, #2…),
 * unique per event. A merged proposal points to the joint one it went into; the joint one keeps
 * the contacts of both, so each decision reaches every proposer.
 */
const proposalSchema = new Schema({
  eventId: { type: String, required: true },
  number: { type: Number, required: true },
  title: trilingual(LIMITS.title),
  description: trilingual(LIMITS.description),
  organizers: [
    new Schema(
      {
        organization: { type: String, required: true, maxlength: LIMITS.name },
        country: { type: String, maxlength: 2 },
        sector: { type: String, required: true },
      },
      { _id: false },
    ),
  ],
  contact: { type: contactSchema, required: true },
  otherContacts: [contactSchema],
  expectedAttendance: { type: Number, min: 1, max: 100_000 },
  preferredSlots: [{ type: String }],
  interpretation: [{ type: String, enum: LANGUAGES }],
  accessibility: { type: String, maxlength: LIMITS.note },
  state: { type: String, required: true, enum: PROPOSAL_STATES },
  stateAt: { type: Date, required: true },
  slotId: { type: String },
  sessionId: { type: String },
  /** A slot that freed up, offered to this waitlisted proposal. */
  offeredSlotId: { type: String },
  mergedInto: { type: String },
  mergedFrom: [{ type: String }],
  submittedAt: { type: Date, required: true },
  revision: { type: Number, required: true, default: 1 },
  /** Its block in the event's list of proposals (`db/blocks.ts`), set when it is written. */
  block: { type: Number },
  /**
   * Its organizations as the rules count them (`organizationKey`), so the proposals that share
   * one are read by equality, not by reading the whole call.
   */
  organizationKeys: [{ type: String }],
});
proposalSchema.index({ eventId: 1, number: 1 }, { unique: true });
proposalSchema.index({ eventId: 1, state: 1 });
proposalSchema.index({ eventId: 1, block: 1 });
proposalSchema.index({ eventId: 1, organizationKeys: 1 });

/** The name of an event's list of side-event proposals, for its blocks. */
export const proposalList = (eventId: string) => `side-event-proposals:${eventId}`;

proposalSchema.pre('validate', async function () {
  if (this.isNew && this.block == null) this.block = await nextBlock(proposalList(this.eventId));
});

export type ProposalFields = mongoose.InferSchemaType<typeof proposalSchema>;
export const SideEventProposal = mongoose.model('SideEventProposal', proposalSchema);

/**
 * The last number given in an event's call, a hint where the next proposal's number is tried
 * first: the number itself is claimed by inserting the proposal against the unique index on
 * (event, number), so a hint left behind by simultaneous writes costs a retry, never a double.
 */
const numberHintSchema = new Schema(
  { _id: { type: String }, last: { type: Number, required: true } },
  { versionKey: false },
);
export const ProposalNumberHint = mongoose.model(
  'SideEventNumberHint',
  numberHintSchema,
  'side_event_number_hints',
);

/**
 * A slot held by an accepted side event. Holding is an insert against two unique indexes (one
 * side event per slot, one slot per proposal), the one decision that stays exclusive on MongoDB
 * and FerretDB alike; freeing it is a delete by `_id`.
 */
const holdSchema = new Schema(
  {
    _id: { type: String },
    eventId: { type: String, required: true },
    slotId: { type: String, required: true },
    proposalId: { type: String, required: true },
    heldAt: { type: Date, required: true },
  },
  { versionKey: false },
);
holdSchema.index({ eventId: 1, slotId: 1 }, { unique: true });
holdSchema.index({ proposalId: 1 }, { unique: true });

export const SideEventSlotHold = mongoose.model('SideEventSlotHold', holdSchema, 'side_event_slot_holds');

/** A reviewer's comment on a proposal, for the team only. */
const commentSchema = new Schema({
  eventId: { type: String, required: true },
  proposalId: { type: String, required: true, index: true },
  text: { type: String, required: true, maxlength: LIMITS.note },
  by: { type: String, required: true },
  at: { type: Date, required: true },
});

export const ProposalComment = mongoose.model('SideEventComment', commentSchema);
