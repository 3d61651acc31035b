import { z } from 'zod';
import { isCountryCode } from '../../shared/countries.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { email, phone, requiredText, text } from '../../shared/limits.js';
import { CONTACT_TYPES, INSTITUTIONS } from './contact.model.js';

export const contactInput = z.strictObject({
  country: z.string().trim().toUpperCase().refine(isCountryCode, { message: 'invalid_country' }),
  institution: z.enum(INSTITUTIONS),
  institutionName: text('title').optional(),
  type: z.enum(CONTACT_TYPES),
  honorific: text('honorific').optional(),
  name: requiredText('name'),
  position: text('title').optional(),
  email: email().optional(),
  phone: phone().optional(),
  language: z.enum(LANGUAGES).optional(),
  notes: text('note').optional(),
});
export type ContactInput = z.output<typeof contactInput>;

export const noteInput = z.strictObject({ text: requiredText('note') });
