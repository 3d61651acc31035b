import { z } from 'zod';
import type { ApiRegistry } from '../../web/api-registry.js';
import { requireUser } from '../auth/index.js';
import { eventWithPermissions } from '../events/index.js';
import { slotsOf } from '../side-events/index.js';
import { BILATERAL_LEVELS, BILATERAL_STATES } from './bilateral.model.js';
import { bilateralsOfEvent } from './bilateral.service.js';

/** Bilateral meetings a page of the API gives. */
export const BILATERALS_API_PAGE = 50;

const listQuery = z.strictObject({
  after: z
    .string()
    .regex(/^[a-f0-9]{24}$/)
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
      // Ids are ObjectIds, so their order is the order of the requests.
      const all = (await bilateralsOfEvent(event.id))
        .filter((b) => !state || b.state === state)
        .sort((a, b) => a.id.localeCompare(b.id));
      const rest = after === undefined ? all : all.filter((b) => b.id > after);
      const page = rest.slice(0, limit ?? BILATERALS_API_PAGE);
      const slots = new Map((await slotsOf(event.id, 'bilateral')).map((s) => [s.id, s]));
      return {
        bilaterals: page.map((b) => {
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
        ...(rest.length > page.length && page.length > 0 && { next: page.at(-1)!.id }),
      };
    },
  });
}
