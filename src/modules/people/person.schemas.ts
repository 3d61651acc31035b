import { z } from 'zod';
import { pageCursor } from '../../web/params.js';
import { isCountryCode } from '../../shared/countries.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { email, LIMITS, optionalTrilingual, phone, requiredText, text } from '../../shared/limits.js';
import { isTimeZone } from '../../shared/time.js';
import { GENDERS, SECTORS } from './person.model.js';

const countryCode = z.string().trim().toUpperCase().refine(isCountryCode, { message: 'invalid_country' });
const timeZone = z.string().trim().max(LIMITS.timeZone).refine(isTimeZone, { message: 'invalid_timezone' });
const personFields = {
  honorific: text('honorific').optional(),
  givenName: requiredText('name'),
  familyName: requiredText('name'),
  position: text('title').optional(),
  organization: text('title').optional(),
  sector: z.enum(SECTORS).optional(),
  country: countryCode.optional(),
  email: email().optional(),
  phone: phone().optional(),
  language: z.enum(LANGUAGES).optional(),
  timezone: timeZone.optional(),
  gender: z.enum(GENDERS).optional(),
  biography: optionalTrilingual('description').optional(),
};

export const personInput = z.strictObject(personFields);
export type PersonInput = z.output<typeof personInput>;

/** A change: only the fields given change; `null` clears an optional field. */
export const personPatchInput = z.strictObject(
  Object.fromEntries(
    Object.entries(personFields).map(([key, schema]) => [
      key,
      key === 'givenName' || key === 'familyName' ? schema.optional() : schema.nullable().optional(),
    ]),
  ) as { [K in keyof typeof personFields]: z.ZodOptional<z.ZodNullable<(typeof personFields)[K]>> },
);
export type PersonPatch = z.output<typeof personPatchInput>;

export const personSearchInput = z.strictObject({
  q: text('short')
    .optional()
    .describe('Beginnings of words of the name or organization; case and accents ignored'),
  country: countryCode.optional().describe('ISO 3166-1 alpha-2'),
  sector: z.enum(SECTORS).optional(),
  role: z
    .enum(['chair', 'moderator', 'speaker', 'commentator', 'rapporteur'])
    .optional()
    .describe('People with this role in any programme'),
  /** A place in the directory. */
  after: pageCursor.optional().describe('The `next` of a page: gives the page after it'),
  before: pageCursor.optional().describe('The `previous` of a page: gives the page before it'),
});
export type PersonSearch = z.output<typeof personSearchInput>;
