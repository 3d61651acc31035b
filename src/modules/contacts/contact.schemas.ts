import { z } from 'zod';
import { isCountryCode } from '../../shared/countries.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { email, requiredText, text } from '../../shared/limits.js';
import { CONTACT_TYPES, INSTITUTIONS } from './contact.model.js';

const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[0-9 ().-]{4,}(\s*(ext\.?|x)\s*\d+)?$/i, { message: 'invalid_phone' });

export const contactInput = z.strictObject({
  country: z.string().trim().toUpperCase().refine(isCountryCode, { message: 'invalid_country' }),
  institution: z.enum(INSTITUTIONS),
  institutionName: text('title').optional(),
  type: z.enum(CONTACT_TYPES),
  honorific: text('short').optional(),
  name: requiredText('name'),
  position: text('title').optional(),
  email: email().optional(),
  phone: phone.optional(),
  language: z.enum(LANGUAGES).optional(),
  notes: text('note').optional(),
});
export type ContactInput = z.output<typeof contactInput>;

export const noteInput = z.strictObject({ text: requiredText('note') });
