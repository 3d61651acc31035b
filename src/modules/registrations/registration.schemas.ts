import { z } from 'zod';
import { isCountryCode } from '../../shared/countries.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { email, requiredText, text } from '../../shared/limits.js';
import { isCalendarDate } from '../../shared/time.js';
import { GENDERS, SECTORS } from '../people/index.js';
import { CATEGORIES, PUBLIC_CATEGORIES } from './registration.model.js';

const calendarDate = z.string().trim().refine(isCalendarDate, { message: 'invalid_date' });
const countryCode = z.string().trim().toUpperCase().refine(isCountryCode, { message: 'invalid_country' });
const yes = z.literal('yes');

const needsFields = {
  interpretation: z.array(z.enum(LANGUAGES)).max(3).default([]),
  accessibility: text('note').optional(),
  diet: text('note').optional(),
};
const travelFields = {
  arrivalDate: calendarDate.optional(),
  departureDate: calendarDate.optional(),
  flight: text('name').optional(),
  hotel: text('name').optional(),
  airportTransfer: yes.optional(),
};
const datesInOrder = (v: { arrivalDate?: string | undefined; departureDate?: string | undefined }) =>
  !v.arrivalDate || !v.departureDate || v.departureDate >= v.arrivalDate;

/** The public registration form. `website` is a honeypot: people leave it empty. */
export const registrationInput = z
  .strictObject({
    honorific: text('honorific').optional(),
    givenName: requiredText('name'),
    familyName: requiredText('name'),
    email: email(),
    organization: text('title').optional(),
    position: text('title').optional(),
    country: countryCode,
    sector: z.enum(SECTORS),
    language: z.enum(LANGUAGES),
    gender: z.enum(GENDERS).optional(),
    category: z.enum(PUBLIC_CATEGORIES as [string, ...string[]]),
    workshops: z
      .array(z.string().regex(/^[a-f0-9]{24}$/))
      .max(20)
      .default([]),
    ...needsFields,
    ...travelFields,
    visaLetter: yes.optional(),
    nationality: countryCode.optional(),
    passportNumber: text('passportNumber').optional(),
    dateOfBirth: calendarDate.optional(),
    consentToList: yes.optional(),
    privacyConsent: yes,
    website: z.string().max(0, { message: 'invalid' }).optional(),
  })
  .refine(datesInOrder, { path: ['departureDate'], message: 'end_before_start' })
  .superRefine((v, ctx) => {
    if (v.visaLetter !== 'yes') return;
    for (const field of ['nationality', 'passportNumber', 'dateOfBirth'] as const) {
      if (!v[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
    }
  });
export type RegistrationInput = z.output<typeof registrationInput>;

/** What the person changes through their private link. */
export const selfServiceInput = z
  .strictObject({ ...needsFields, ...travelFields })
  .refine(datesInOrder, { path: ['departureDate'], message: 'end_before_start' });
export type SelfServiceInput = z.output<typeof selfServiceInput>;

const count = z.coerce.number().int().min(0).max(100_000);

export const settingsInput = z.strictObject({
  opensOn: calendarDate.optional(),
  closesOn: calendarDate.optional(),
  capacity: count.optional(),
  retentionDays: z.coerce.number().int().min(0).max(3650).optional(),
  categories: z
    .array(z.strictObject({ key: z.enum(CATEGORIES), capacity: count.optional(), approval: z.boolean() }))
    .max(CATEGORIES.length),
});
export type SettingsInput = z.output<typeof settingsInput>;

/**
 * The settings page's form as browsers send it: every text field present (blank = no value),
 * a checkbox only when ticked. An unknown field, a repeated one, or a form missing its fields
 * (an empty post) is refused rather than read as "clear everything".
 */
const formText = z.string();
export const settingsForm = z.strictObject({
  opensOn: formText.optional(),
  closesOn: formText.optional(),
  capacity: formText,
  retentionDays: formText.optional(),
  ...Object.fromEntries(CATEGORIES.map((key) => [`capacity_${key}`, formText])),
  ...Object.fromEntries(CATEGORIES.map((key) => [`approval_${key}`, z.literal('yes').optional()])),
});

export const decisionInput = z.strictObject({
  ids: z
    .array(z.string().regex(/^[a-f0-9]{24}$/))
    .min(1)
    .max(1000),
  decision: z.enum(['approve', 'reject', 'cancel']),
  reason: text('note').optional(),
});
