import mongoose, { Schema } from 'mongoose';
import { nextBlock } from '../../db/blocks.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { LIMITS } from '../../shared/limits.js';

export const CATEGORIES = [
  'government_delegation',
  'international_organization',
  'academia',
  'civil_society',
  'media',
  'observer',
  'staff',
  'programme_participant',
] as const;
export type Category = (typeof CATEGORIES)[number];
/** Categories the public may choose (programme participants come from confirmed assignments). */
/** A delegate's place in their delegation, in protocol order. */
export const DELEGATION_ROLES = ['head', 'alternate', 'member', 'adviser'] as const;
export type DelegationRole = (typeof DELEGATION_ROLES)[number];

export const PUBLIC_CATEGORIES = CATEGORIES.filter((c) => c !== 'programme_participant');

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'rejected', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

const note = { type: String, maxlength: LIMITS.note };

/** The person as lists show them, kept in step with the person (`lists/listing.ts`). */
const listingSchema = new Schema(
  {
    honorific: String,
    givenName: { type: String, required: true },
    familyName: { type: String, required: true },
    position: String,
    organization: String,
    sector: String,
    country: String,
    email: String,
    phone: String,
    language: String,
    gender: String,
  },
  { _id: false },
);

/**
 * Someone attending an event. One per person and event (unique index): two simultaneous
 * submissions with one email make one registration. `arrival` orders waiting lists: a fresh
 * ObjectId at each (re)submission, increasing within a process.
 */
const registrationSchema = new Schema(
  {
    eventId: { type: String, required: true },
    personId: { type: String, required: true },
    listing: { type: listingSchema },
    /** The beginnings of the words of the person's names, to find them by equality (check-in). */
    nameKeys: { type: [String], default: undefined },
    category: { type: String, required: true, enum: CATEGORIES },
    status: { type: String, required: true, enum: REGISTRATION_STATUSES },
    reason: note,
    statusAt: { type: Date, required: true },
    statusBy: { type: String, required: true },
    arrival: { type: String, required: true },
    /** Its block in the event's list of registrations (`db/blocks.ts`), set when it is written. */
    block: { type: Number },
    source: { type: String, required: true, enum: ['public', 'programme', 'nomination', 'organizer'] },
    /** Set on submissions recorded by earlier versions until placed and mailed (now: `SubmissionInProgress`). */
    incomplete: { type: Boolean },
    language: { type: String, enum: LANGUAGES },
    countryRepresented: { type: String, maxlength: 2 },
    workshops: [
      {
        _id: false,
        sessionId: { type: String, required: true },
        status: { type: String, required: true, enum: ['requested', 'confirmed', 'waitlisted'] },
      },
    ],
    needs: {
      interpretation: [{ type: String, enum: LANGUAGES }],
      accessibility: note,
      diet: note,
    },
    travel: {
      arrivalDate: String,
      departureDate: String,
      flight: { type: String, maxlength: LIMITS.name },
      hotel: { type: String, maxlength: LIMITS.name },
      airportTransfer: Boolean,
    },
    visaLetter: { type: Boolean, default: false },
    consentToList: { type: Boolean, default: false },
    privacyConsentAt: { type: Date, required: true },
    delegationId: { type: String },
    delegationRole: { type: String, enum: DELEGATION_ROLES },
    /** The browser session that sent the public form, as a keyed hash: its page after the form shows it. */
    submittedFrom: { type: String },
  },
  { timestamps: true },
);
registrationSchema.index({ eventId: 1, personId: 1 }, { unique: true });
registrationSchema.index({ incomplete: 1 });
registrationSchema.index({ eventId: 1, status: 1, arrival: 1 });
registrationSchema.index({ eventId: 1, block: 1 });
registrationSchema.index({ eventId: 1, nameKeys: 1 });

/** The name of an event's list of registrations, for its blocks. */
export const registrationList = (eventId: string) => `registrations:${eventId}`;

registrationSchema.pre('validate', async function () {
  if (this.isNew && this.block == null) this.block = await nextBlock(registrationList(this.eventId));
});

export type RegistrationFields = mongoose.InferSchemaType<typeof registrationSchema>;
export const Registration = mongoose.model('Registration', registrationSchema);

/** Passport data for a visa letter: apart from the registration, written by the person, read by admins. */
const passportSchema = new Schema({
  _id: { type: String },
  nationality: { type: String, maxlength: 2 },
  passportNumber: { type: String, maxlength: LIMITS.passportNumber },
  dateOfBirth: { type: String },
  updatedAt: { type: Date, required: true },
});

export const PassportData = mongoose.model('PassportData', passportSchema);

/**
 * A form being recorded: written before its seats are taken, deleted once its registration is
 * stored and mailed. One left behind by a crash tells the repair pass what to finish (or to give
 * back). Its own small collection: finding and deleting one never reads the registrations.
 */
const submissionSchema = new Schema(
  {
    /** The registration's id, chosen before it is written. */
    _id: { type: String },
    eventId: { type: String, required: true },
    category: { type: String, required: true },
    /** The workshops whose places it may have taken. */
    workshops: [{ type: String }],
    startedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const SubmissionInProgress = mongoose.model(
  'SubmissionInProgress',
  submissionSchema,
  'submissions_in_progress',
);

/** An event's registration rules. `_id` is the event's id. */
const settingsSchema = new Schema({
  _id: { type: String },
  opensOn: { type: String },
  closesOn: { type: String },
  capacity: { type: Number, min: 0 },
  categories: [
    {
      _id: false,
      key: { type: String, required: true, enum: CATEGORIES },
      capacity: { type: Number, min: 0 },
      approval: { type: Boolean, required: true },
    },
  ],
  /** Days after the event when passport and travel data are erased. */
  retentionDays: { type: Number, min: 0, max: 3650 },
  updatedAt: { type: Date, required: true },
});

export const RegistrationSettings = mongoose.model('RegistrationSettings', settingsSchema);
