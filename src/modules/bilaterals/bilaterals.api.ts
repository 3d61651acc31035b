import { z } from 'zod';
import type { ApiRegistry } from '../../web/api-registry.js';
import { requireUser } from '../auth/index.js';
import { eventWithPermissions } from '../events/index.js';
import { slotOf } from '../side-events/index.js';
import { BILATERAL_LEVELS, BILATERAL_STATES } from './bilateral.model.js';
import { bilateralsPage } from './bilateral.list.js';

/** Bilateral meetings a page of the API gives. */
export const BILATERALS_API_PAGE = 50;

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
    .max(BILATERALS_API_PAGE)
    .optional()
    .describe(`How many a page gives (at most ${BILATERALS_API_PAGE}, the default)`),
  state: z.enum(BILATERAL_STATES).optional(),
});

const side = z.object({ delegationId: z.string(), country: z.string().describe('ISO 3166-1 alpha-2') });

const bilateralOutput = z.object({
  id: z.string(),
  asking: side,
  asked: side,
  subject: z.string(),
  level: z.enum(BILATERAL_LEVELS),
  state: z.enum(BILATERAL_STATES),
  slot: z
    .object({ id: z.string(), roomId: z.string(), startsAt: z.string(), endsAt: z.string() })
    .optional()
    .describe('The slot a booked meeting holds'),
  offeredSlotIds: z.array(z.string()),
  requestedAt: z.string(),
  stateAt: z.string(),
  sequence: z.number().int().describe('The SEQUENCE of its calendar entry'),
});

/** Bilateral meetings over JSON, a page at a time, in the order they were asked for. */
export function registerBilateralsApi(api: ApiRegistry): void {
  api.describeTag(
    'Bilaterals',
    'Bilateral meetings between delegations: who asked whom, subject, level, state (requested, accepted, ' +
      'declined, cancelled) and the bilateral-room slot a booked meeting holds.',
  );
  api.add({
    tag: 'Bilaterals',
    access: 'signed-in',
    guards: [requireUser],
    operationId: 'listEventBilaterals',
    method: 'get',
    path: '/events/:eventId/bilaterals',
    query: listQuery,
    summary: `An event's bilateral meetings in the order they were asked for, up to ${BILATERALS_API_PAGE} a page (\`limit\`); filter by state; \`next\` is the cursor to pass as \`after\` for the following page, absent on the last`,
    response: z.object({ bilaterals: z.array(bilateralOutput), next: z.string().optional() }),
    handler: async (req, _body, { after, limit, state }) => {
      const { event } = await eventWithPermissions(req);
      // A page reads a few blocks of the event's bilaterals (`db/blocks.ts`), and the slots it shows by id.
      const page = await bilateralsPage(event.id, {
        state,
        size: limit ?? BILATERALS_API_PAGE,
        ...(after !== undefined && { after }),
      });
      const held = page.rows.flatMap((b) => (b.slotId && b.state === 'accepted' ? [b.slotId] : []));
      const slots = new Map(
        (await Promise.all(held.map((id) => slotOf(event.id, 'bilateral', id)))).flatMap((s) =>
          s ? [[s.id, s] as const] : [],
        ),
      );
      return {
        bilaterals: page.rows.map((b) => {
          const slot = b.slotId && b.state === 'accepted' ? slots.get(b.slotId) : undefined;
          return {
            id: b.id,
            asking: { delegationId: b.askingId, country: b.askingCountry },
            asked: { delegationId: b.askedId, country: b.askedCountry },
            subject: b.subject,
            level: b.level,
            state: b.state,
            ...(slot && {
              slot: {
                id: slot.id,
                roomId: slot.roomId,
                startsAt: slot.startsAt.toISOString(),
                endsAt: slot.endsAt.toISOString(),
              },
            }),
            offeredSlotIds: b.offeredSlots,
            requestedAt: b.requestedAt.toISOString(),
            stateAt: b.stateAt.toISOString(),
            sequence: b.sequence,
          };
        }),
        ...(page.next !== undefined && { next: page.next }),
      };
    },
  });
}
