import { z } from 'zod';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { objectId, text } from '../../../shared/limits.js';
import { isCalendarDate } from '../../../shared/time.js';

const calendarDate = z.string().trim().refine(isCalendarDate, { message: 'invalid_date' });

/** An answer from the private invitation page (a form or JSON). */
export const answerInput = z
  .strictObject({
    assignmentId: objectId(),
    revision: z.coerce.number().int().min(0).max(10_000),
    answer: z.enum(['confirm', 'decline']),
    message: text('note').optional(),
    arrivalDate: calendarDate.optional(),
    departureDate: calendarDate.optional(),
    interpretation: z.array(z.enum(LANGUAGES)).max(3).optional(),
    accessibility: text('note').optional(),
    diet: text('note').optional(),
  })
  .refine((a) => !a.arrivalDate || !a.departureDate || a.departureDate >= a.arrivalDate, {
    path: ['departureDate'],
    message: 'end_before_start',
  });
export type AnswerInput = z.infer<typeof answerInput>;
