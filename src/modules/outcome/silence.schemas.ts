import { z } from 'zod';
import { requiredText } from '../../shared/limits.js';
import { isCalendarDate } from '../../shared/time.js';

/**
 * A silence's deadline as the organizers' form sends it: wall-clock in the event's zone (named
 * apart from the round's deadline, whose form may be on the same page).
 */
export const silenceInput = z.strictObject({
  silenceDate: z.string().trim().refine(isCalendarDate, { message: 'invalid_date' }),
  silenceTime: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' }),
});
export type SilenceInput = z.output<typeof silenceInput>;

/** A break of silence: the reason is required, kept as plain text and shown escaped everywhere. */
export const breakInput = z.strictObject({ reason: requiredText('note') });
