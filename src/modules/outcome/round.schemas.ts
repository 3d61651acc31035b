import { z } from 'zod';
import { LANGUAGES } from '../../shared/i18n/index.js';
import { objectId, text } from '../../shared/limits.js';
import { isCalendarDate } from '../../shared/time.js';
import { PROPOSAL_KINDS } from './round.model.js';

const calendarDate = z.string().trim().refine(isCalendarDate, { message: 'invalid_date' });
const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' });

/** A round's settings as the organizers' form sends them: the deadline is wall-clock in the event's zone. */
export const roundInput = z.strictObject({
  deadlineDate: calendarDate,
  deadlineTime: clockTime,
  observersMayPropose: z.literal('yes').optional(),
});
export type RoundInput = z.output<typeof roundInput>;

/** The form's own key, made when the form is drawn: the same form sent twice is one proposal. */
const formKey = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: 'invalid' });

const proposalFields = {
  paragraph: objectId(),
  kind: z.enum(PROPOSAL_KINDS),
  passage: text('description').optional(),
  text: text('description').optional(),
  explanation: text('note').optional(),
  language: z.enum(LANGUAGES),
  key: formKey,
};

type Fields = { kind: string; passage?: string | undefined; text?: string | undefined };

/** What each kind needs: the words replaced and the new ones; the new text to insert or add; nothing to delete. */
function needs(value: Fields, ctx: z.RefinementCtx) {
  if (value.kind !== 'delete' && !value.text)
    ctx.addIssue({ code: 'custom', path: ['text'], message: 'required' });
  if (value.kind === 'replace' && !value.passage)
    ctx.addIssue({ code: 'custom', path: ['passage'], message: 'required' });
}

/** A focal point's proposal: the delegation comes from the link. */
export const proposalInput = z.strictObject(proposalFields).superRefine(needs);
export type ProposalInput = z.output<typeof proposalInput>;

/** A proposal made orally in the room, entered by the team for a delegation or a named observer. */
export const oralProposalInput = z
  .strictObject({
    ...proposalFields,
    delegationId: objectId().optional(),
    observerName: text('name').optional(),
  })
  .superRefine(needs)
  .superRefine((value, ctx) => {
    if (!value.delegationId === !value.observerName)
      ctx.addIssue({ code: 'custom', path: ['delegationId'], message: 'proposer_required' });
  });
export type OralProposalInput = z.output<typeof oralProposalInput>;

export const stanceInput = z.strictObject({ stance: z.enum(['support', 'object', 'none']) });
export type StanceInput = z.output<typeof stanceInput>;

/** The revision the organizer's form asks for: "Rev.2", sent twice, is issued once. */
export const revisionInput = z.strictObject({ version: z.coerce.number().int().min(1).max(999).optional() });
