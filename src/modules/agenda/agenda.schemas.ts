import { z } from 'zod';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { objectId, optionalTrilingual, text, trilingual } from '../../shared/limits.js';
import { isCalendarDate } from '../../shared/time.js';
import { ASSIGNMENT_ROLES, ASSIGNMENT_STATUSES } from './assignments/assignment.model.js';
import { SESSION_STATUSES, SESSION_TYPES } from './sessions/session.model.js';

const calendarDate = z.string().trim().refine(isCalendarDate, { message: 'invalid_date' });
const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' });
const count = z.coerce.number().int().min(0).max(100_000);
const descriptions = optionalTrilingual('description');

/** Date and times are wall-clock values in the event's time zone. */
const sessionFields = {
  type: z.enum(SESSION_TYPES),
  title: trilingual('title'),
  description: descriptions.optional(),
  roomId: objectId().optional(),
  date: calendarDate.optional(),
  start: clockTime.optional(),
  end: clockTime.optional(),
  theme: text('title').optional(),
  language: z.enum(LANGUAGES).optional(),
  interpretation: z.array(z.enum(LANGUAGES)).max(3).optional(),
  expectedAttendance: count.optional(),
  capacity: count.optional(),
  status: z.enum(SESSION_STATUSES).optional(),
};

const timesTogether = (value: { date?: unknown; start?: unknown; end?: unknown }, ctx: z.RefinementCtx) => {
  const given = [value.date, value.start, value.end].filter((v) => v !== undefined && v !== null).length;
  if (given !== 0 && given !== 3) {
    for (const field of ['date', 'start', 'end'] as const) {
      if (value[field] === undefined || value[field] === null)
        ctx.addIssue({ code: 'custom', path: [field], message: 'required' });
    }
  }
};

export const sessionInput = z.strictObject(sessionFields).superRefine(timesTogether);
export type SessionInput = z.output<typeof sessionInput>;

/** A change: only the fields given change; `null` clears an optional one (no room, no time). */
/** The status buttons on a session's page (cancel, restore): one required field. */
export const sessionStatusInput = z.strictObject({ status: z.enum(SESSION_STATUSES) });

export const sessionPatchInput = z
  .strictObject({
    type: sessionFields.type.optional(),
    title: sessionFields.title.optional(),
    description: descriptions.nullable().optional(),
    roomId: objectId().nullable().optional(),
    date: calendarDate.nullable().optional(),
    start: clockTime.nullable().optional(),
    end: clockTime.nullable().optional(),
    theme: text('title').nullable().optional(),
    language: z.enum(LANGUAGES).nullable().optional(),
    interpretation: z.array(z.enum(LANGUAGES)).max(3).optional(),
    expectedAttendance: count.nullable().optional(),
    capacity: count.nullable().optional(),
    status: z.enum(SESSION_STATUSES).optional(),
    revision: z.coerce.number().int().positive().optional(),
  })
  .superRefine(timesTogether);
export type SessionPatch = z.output<typeof sessionPatchInput>;

/** A block dropped on the builder (an empty room means "no room"). */
export const sessionMoveInput = z.strictObject({
  sessionId: objectId(),
  roomId: z.union([objectId(), z.literal('').transform(() => null)]),
  date: calendarDate,
  start: clockTime,
  revision: z.coerce.number().int().positive(),
});

export const assignmentInput = z.strictObject({
  personId: objectId(),
  role: z.enum(ASSIGNMENT_ROLES),
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  order: z.coerce.number().int().min(0).max(1000).optional(),
});
export type AssignmentInput = z.output<typeof assignmentInput>;

export const assignmentPatchInput = z.strictObject({
  status: z.enum(ASSIGNMENT_STATUSES).optional(),
  order: z.coerce.number().int().min(0).max(1000).optional(),
  message: text('note').optional(),
});
export type AssignmentPatch = z.output<typeof assignmentPatchInput>;
