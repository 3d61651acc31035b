import mongoose, { Schema } from 'mongoose';
import { nextBlock } from '../../db/blocks.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { LIMITS } from '../../shared/limits.js';

export const SECTORS = [
  'government',
  'international_organization',
  'academia',
  'civil_society',
  'private_sector',
  'media',
] as const;
export type Sector = (typeof SECTORS)[number];

export const GENDERS = ['female', 'male', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export const HONORIFICS = [
  'Excmo.',
  'Excma.',
  'Sr.',
  'Sra.',
  'Dr.',
  'Dra.',
  'Prof.',
  'Profa.',
  'Emb.',
  'Lic.',
  'Mtro.',
  'Mtra.',
];

/** Anyone the forum deals with: speakers, commentators, chairs, delegates. */
const personSchema = new Schema(
  {
    honorific: { type: String, maxlength: LIMITS.honorific },
    givenName: { type: String, required: true, maxlength: LIMITS.name },
    familyName: { type: String, required: true, maxlength: LIMITS.name },
    position: { type: String, maxlength: LIMITS.title },
    organization: { type: String, maxlength: LIMITS.title },
    sector: { type: String, enum: SECTORS },
    country: { type: String, maxlength: 2 },
    email: { type: String, maxlength: LIMITS.email },
    /** Lower-cased email; absent (never null) when there is none, so the sparse unique index allows many. */
    emailKey: { type: String, maxlength: LIMITS.email },
    phone: { type: String, maxlength: LIMITS.phone },
    language: { type: String, enum: LANGUAGES },
    /** Where the person lives (IANA), to show them times in their own zone too. */
    timezone: { type: String, maxlength: LIMITS.timeZone },
    gender: { type: String, enum: GENDERS },
    biography: {
      es: { type: String, maxlength: LIMITS.description },
      en: { type: String, maxlength: LIMITS.description },
      pt: { type: String, maxlength: LIMITS.description },
    },
    /** Bumped to revoke the secret URLs of this person's calendar feeds. */
    feedRevision: { type: Number, required: true, default: 0 },
    /** Names and organization without case or accents, for search. */
    searchText: { type: String, required: true },
    /** The beginnings of its words, to find the person by equality (`directory.ts`). */
    nameKeys: { type: [String], default: undefined },
    /**
     * Family and given name folded so that byte order is the Spanish order (`shared/name-order.ts`):
     * FerretDB has no collation, so lists sorted by name sort by this.
     */
    sortKey: { type: String },
    /** Its block in the directory (`db/blocks.ts`), set when it is written. */
    block: { type: Number },
  },
  { timestamps: true },
);
personSchema.index({ emailKey: 1 }, { unique: true, sparse: true });
personSchema.index({ familyName: 1, givenName: 1 });
personSchema.index({ block: 1 });
personSchema.index({ nameKeys: 1 });
personSchema.index({ sortKey: 1 });

/** The name of the directory's list, for its blocks. */
export const PEOPLE_LIST = 'people';

personSchema.pre('validate', async function () {
  if (this.isNew && this.block == null) this.block = await nextBlock(PEOPLE_LIST);
});

export type PersonFields = mongoose.InferSchemaType<typeof personSchema>;
export const Person = mongoose.model('Person', personSchema);
