import { z } from 'zod';
import { isCountryCode } from '../../../shared/countries.js';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { email, objectId, requiredText, text } from '../../../shared/limits.js';
import { DELEGATION_ROLES } from '../registration.model.js';

const quota = z.coerce.number().int().min(1).max(200);

export const nominationInvitationInput = z.strictObject({
  country: z.string().trim().toUpperCase().refine(isCountryCode, { message: 'invalid_country' }),
  contactId: objectId(),
  quota,
});

export const quotaInput = z.strictObject({ quota });

/** A resend names when the link was last sent as the page showed it (see resendNomination). */
export const resendInput = z.strictObject({ shown: z.coerce.number().int().min(0) });

export const nomineeInput = z.strictObject({
  honorific: text('honorific').optional(),
  givenName: requiredText('name'),
  familyName: requiredText('name'),
  email: email(),
  position: text('title').optional(),
  role: z.enum(DELEGATION_ROLES, { message: 'invalid_choice' }).default('member'),
  visaLetter: z.literal('yes').optional(),
  /** The delegate's language, for their mails (the focal point's page offers its own). */
  language: z.enum(LANGUAGES).optional(),
});
export type NomineeInput = z.input<typeof nomineeInput>;
