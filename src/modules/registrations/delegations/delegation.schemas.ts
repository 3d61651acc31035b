import { z } from 'zod';
import { isCountryCode } from '../../../shared/countries.js';
import { email, objectId, requiredText, text } from '../../../shared/limits.js';

export const nominationInvitationInput = z.strictObject({
  country: z.string().trim().toUpperCase().refine(isCountryCode, { message: 'invalid_country' }),
  contactId: objectId(),
  quota: z.coerce.number().int().min(1).max(200),
});

export const nomineeInput = z.strictObject({
  honorific: text('honorific').optional(),
  givenName: requiredText('name'),
  familyName: requiredText('name'),
  email: email(),
  position: text('title').optional(),
  head: z.literal('yes').optional(),
  visaLetter: z.literal('yes').optional(),
});
export type NomineeInput = z.output<typeof nomineeInput>;
