import { z } from 'zod';
import { isCalendarDate } from '../../../shared/time.js';
import { CREDENTIAL_AUTHORITIES, CREDENTIAL_KINDS } from './credentials.model.js';

export const credentialsInput = z.strictObject({
  authority: z.enum(CREDENTIAL_AUTHORITIES),
  kind: z.enum(CREDENTIAL_KINDS),
  receivedOn: z.string().trim().refine(isCalendarDate, { message: 'invalid_date' }).optional(),
});

const kinds = z
  .union([z.enum(CREDENTIAL_KINDS), z.array(z.enum(CREDENTIAL_KINDS)).max(4)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const credentialRulesInput = z.strictObject({
  accredited: kinds,
  provisional: kinds,
  anyAuthority: z.literal('yes').optional(),
});
