import { z } from 'zod';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { objectId } from '../../../shared/limits.js';
import { isCalendarDate } from '../../../shared/time.js';
import { SPEAKER_LEVELS } from './speakers.order.js';

const calendarDate = z.string().trim().refine(isCalendarDate, { message: 'invalid_date' });
const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' });
const minutes = z.coerce.number().int().min(1).max(120);

/** A list's settings as the organizers' form sends them: times are wall-clock in the event's zone. */
export const listSettingsInput = z.strictObject({
  opensDate: calendarDate,
  opensTime: clockTime,
  closesDate: calendarDate,
  closesTime: clockTime,
  minutes,
  headMinutes: minutes.optional(),
  onePerDelegation: z.literal('yes').optional(),
  moveNotice: z.coerce.number().int().min(0).max(100).default(3),
});
export type ListSettingsInput = z.infer<typeof listSettingsInput>;

/** A focal point's inscription: one of the delegation, the level, the language of the statement. */
export const focalInscriptionInput = z.strictObject({
  speaker: objectId(),
  level: z.enum(SPEAKER_LEVELS),
  language: z.enum(LANGUAGES),
});
export type FocalInscriptionInput = z.infer<typeof focalInscriptionInput>;

/** An organizer's inscription of anyone in the people directory. */
export const organizerInscriptionInput = z.strictObject({
  personId: objectId(),
  level: z.enum(SPEAKER_LEVELS),
  language: z.enum(LANGUAGES),
});
export type OrganizerInscriptionInput = z.infer<typeof organizerInscriptionInput>;

export const moveInput = z.strictObject({ to: z.coerce.number().int().min(1).max(10_000) });

export const directorySearchInput = z.strictObject({ q: z.string().trim().max(120).optional() });

/** The language of a delivered statement's file, sent with the file. */
export const statementInput = z.strictObject({ language: z.enum(LANGUAGES) });
