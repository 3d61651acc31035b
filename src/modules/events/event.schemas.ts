import { z } from 'zod';
import { isCountryCode } from '../../shared/countries.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import {
  LIMITS,
  email,
  objectId,
  optionalTrilingual,
  requiredText,
  text,
  trilingual,
} from '../../shared/limits.js';
import { DEFAULT_TIMEZONE, isCalendarDate, isTimeZone } from '../../shared/time.js';
import { EVENT_STATUSES } from './event.model.js';

export const slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(LIMITS.slug)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'invalid_slug' });

const countryCode = z.string().trim().toUpperCase().refine(isCountryCode, { message: 'invalid_country' });
const calendarDate = z.string().trim().refine(isCalendarDate, { message: 'invalid_date' });
const timeZone = z.string().trim().max(LIMITS.timeZone).refine(isTimeZone, { message: 'invalid_timezone' });

/** An event's own mail sender; addresses must be real ones (no `localhost`: the schema wants a domain). */
const senderFields = z.strictObject({
  name: text('name').optional(),
  address: email().optional(),
  replyTo: email().optional(),
});

const eventFields = {
  slug,
  title: trilingual('title'),
  description: optionalTrilingual('description').optional(),
  organizers: optionalTrilingual('title').optional(),
  venue: z
    .strictObject({
      name: text('name').optional(),
      address: text('title').optional(),
      city: text('name').optional(),
      country: countryCode.optional(),
    })
    .optional(),
  timezone: timeZone.default(DEFAULT_TIMEZONE),
  startDate: calendarDate,
  endDate: calendarDate,
  languages: z
    .array(z.enum(LANGUAGES))
    .min(1)
    .max(3)
    .default([...LANGUAGES]),
  countries: z.array(countryCode).max(300).default([]),
  /** Marks demo data; set by the demo seed, shown on the event's pages. */
  demo: z.boolean().optional(),
  sender: senderFields.optional(),
};

const endNotBeforeStart = (value: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx) => {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
  }
};

export const createEventInput = z.strictObject(eventFields).superRefine(endNotBeforeStart);
export type CreateEventInput = z.output<typeof createEventInput>;

/** Every field optional; `revision`, when given, must match the stored one. */
export const updateEventInput = z
  .strictObject({
    slug: eventFields.slug.optional(),
    title: eventFields.title.optional(),
    description: eventFields.description,
    organizers: eventFields.organizers,
    venue: eventFields.venue,
    timezone: timeZone.optional(),
    startDate: calendarDate.optional(),
    endDate: calendarDate.optional(),
    languages: z.array(z.enum(LANGUAGES)).min(1).max(3).optional(),
    countries: z.array(countryCode).max(300).optional(),
    sender: senderFields.optional(),
    revision: z.coerce.number().int().positive().optional(),
  })
  .superRefine(endNotBeforeStart);
export type UpdateEventInput = z.output<typeof updateEventInput>;

export const eventStatusInput = z.strictObject({ status: z.enum(EVENT_STATUSES) });

export const roomInput = z.strictObject({
  name: requiredText('name'),
  capacity: z.coerce.number().int().min(0).max(100_000).optional(),
  interpretation: z.array(z.enum(LANGUAGES)).max(3).default([]),
});
export type RoomInput = z.output<typeof roomInput>;

/** A change to a room: only the fields given are changed. */
export const roomPatchInput = z.strictObject({
  name: requiredText('name').optional(),
  capacity: z.coerce.number().int().min(0).max(100_000).optional(),
  interpretation: z.array(z.enum(LANGUAGES)).max(3).optional(),
});
export type RoomPatch = z.output<typeof roomPatchInput>;

export const teamMemberInput = z.strictObject({ userId: objectId() });

export const invitationSettingsInput = z.strictObject({
  deadline: calendarDate.optional(),
  reminderDays: z.coerce.number().int().min(1).max(60),
  reminderMax: z.coerce.number().int().min(0).max(10),
});
export type InvitationSettingsInput = z.infer<typeof invitationSettingsInput>;
