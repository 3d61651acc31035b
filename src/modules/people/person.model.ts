import mongoose, { Schema } from 'mongoose';
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
  },
  { timestamps: true },
);
personSchema.index({ emailKey: 1 }, { unique: true, sparse: true });
personSchema.index({ familyName: 1, givenName: 1 });

export type PersonFields = mongoose.InferSchemaType<typeof personSchema>;
export const Person = mongoose.model('Person', personSchema);
