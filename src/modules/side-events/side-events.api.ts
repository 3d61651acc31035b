import { z } from 'zod';
import type { ApiRegistry } from '../../web/api-registry.js';
import { requireUser } from '../auth/index.js';
import { eventWithPermissions } from '../events/index.js';
import { PROPOSAL_STATES } from './proposal.model.js';
import { proposalsPage } from './proposal.list.js';
import { slotOf as storedSlot } from './slots.js';

/** Proposals a page of the API gives. */
export const PROPOSALS_API_PAGE = 50;

const trilingual = z.object({ es: z.string(), en: z.string(), pt: z.string() }).partial();
const slotOutput = z.object({ id: z.string(), roomId: z.string(), startsAt: z.string(), endsAt: z.string() });

const listQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,9}\.[0-9a-f]{24}$/)
    .optional()
    .describe('The `next` of a page: gives the page after it'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(PROPOSALS_API_PAGE)
    .optional()
    .describe(`How many a page gives (at most ${PROPOSALS_API_PAGE}, the default)`),
  state: z.enum(PROPOSAL_STATES).optional(),
});

const proposalOutput = z.object({
  id: z.string(),
  number: z.number().int().describe('The reference of the proposal in the event (#1, #2…)'),
  title: trilingual,
  description: trilingual,
  state: z.enum(PROPOSAL_STATES),
  organizers: z.array(
    z.object({ organization: z.string(), country: z.string().optional(), sector: z.string() }),
  ),
  contact: z.object({
    name: z.string(),
    email: z.string().optional().describe("Only for the event's team and admins"),
    language: z.string(),
  }),
  expectedAttendance: z.number().int().optional(),
  preferredSlots: z.array(slotOutput).describe('In the order the proposer prefers them'),
  slot: slotOutput.optional().describe('The slot an accepted proposal holds'),
  sessionId: z.string().optional().describe('The agenda session of an accepted proposal'),
  mergedInto: z.string().optional(),
  submittedAt: z.string(),
  stateAt: z.string(),
});

/** Side-event proposals over JSON, a page at a time, in the order they came. */
export function registerSideEventsApi(api: ApiRegistry): void {
  api.describeTag(
    'Side events',
    'Proposals sent to an event’s call for side events: organizers, contact, preferred slots, state ' +
      '(submitted, under review, accepted, waitlisted, rejected, withdrawn, merged) and the slot an accepted one holds.',
  );
  api.add({
    tag: 'Side events',
    access: 'signed-in',
    accessNote: "contact addresses: the event's team and admins",
    guards: [requireUser],
    operationId: 'listEventSideEventProposals',
    method: 'get',
    path: '/events/:eventId/side-event-proposals',
    query: listQuery,
    summary: `An event's side-event proposals in the order they came, up to ${PROPOSALS_API_PAGE} a page (\`limit\`); filter by state; \`next\` is the cursor to pass as \`after\` for the following page, absent on the last`,
    response: z.object({ proposals: z.array(proposalOutput), next: z.string().optional() }),
    handler: async (req, _body, { after, limit, state }) => {
      const { event, can } = await eventWithPermissions(req);
      // A page reads a few blocks of the event's proposals (`db/blocks.ts`), never the whole call.
      const page = await proposalsPage(event.id, {
        state,
        size: limit ?? PROPOSALS_API_PAGE,
        ...(after !== undefined && { after }),
      });
      // Only the slots the page names, read by id.
      const named = [
        ...new Set(page.rows.flatMap((p) => [...p.preferredSlots, ...(p.slotId ? [p.slotId] : [])])),
      ];
      const slots = new Map(
        (await Promise.all(named.map((id) => storedSlot(event.id, 'side-event', id)))).flatMap((s) =>
          s ? [[s.id, s] as const] : [],
        ),
      );
      const slotOf = (id: string | undefined) => {
        const slot = id ? slots.get(id) : undefined;
        return (
          slot && {
            id: slot.id,
            roomId: slot.roomId,
            startsAt: slot.startsAt.toISOString(),
            endsAt: slot.endsAt.toISOString(),
          }
        );
      };
      return {
        proposals: page.rows.map((p) => ({
          id: p.id,
          number: p.number,
          title: p.title,
          description: p.description,
          state: p.state,
          organizers: p.organizers.map((o) => ({
            organization: o.organization,
            ...(o.country && { country: o.country }),
            sector: o.sector,
          })),
          contact: {
            name: p.contact.name,
            ...(can.contactDetails && { email: p.contact.email }),
            language: p.contact.language,
          },
          ...(p.expectedAttendance !== undefined && { expectedAttendance: p.expectedAttendance }),
          preferredSlots: p.preferredSlots.flatMap((id) => slotOf(id) ?? []),
          ...(slotOf(p.slotId) && { slot: slotOf(p.slotId) }),
          ...(p.sessionId && { sessionId: p.sessionId }),
          ...(p.mergedInto && { mergedInto: p.mergedInto }),
          submittedAt: p.submittedAt.toISOString(),
          stateAt: p.stateAt.toISOString(),
        })),
        ...(page.next !== undefined && { next: page.next }),
      };
    },
  });
}
