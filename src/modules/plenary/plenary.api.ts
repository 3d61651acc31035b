import { z } from 'zod';
import type { ApiRegistry } from '../../web/api-registry.js';
import { pathParam } from '../../web/params.js';
import { getSession } from '../agenda/index.js';
import { requireUser } from '../auth/index.js';
import { eventWithPermissions } from '../events/index.js';
import { ENTRY_STATUSES, SPEAKER_GROUPS, SPEAKER_LEVELS } from './speakers-list/speakers.order.js';
import { listOfSessionOr404, listState } from './speakers-list/speakers.state.js';

const entryOutput = z.object({
  id: z.string(),
  place: z.number().int(),
  group: z.enum(SPEAKER_GROUPS),
  level: z.enum(SPEAKER_LEVELS),
  language: z.string(),
  country: z.string().optional(),
  organization: z.string().optional(),
  speaker: z.string(),
  rightOfReply: z.boolean(),
  status: z.enum(ENTRY_STATUSES),
  version: z.number().int().describe('Steps the entry has had on the floor'),
  limitMinutes: z.number().int(),
  expectedAt: z.string().optional(),
  inscribedAt: z.string(),
});

/** A session's list of speakers over JSON, in speaking order. */
export function registerPlenaryApi(api: ApiRegistry): void {
  api.describeTag(
    'Lists of speakers',
    'Who asked for the floor in a session, in protocol order: member states by level and time of ' +
      'inscription, then international organizations, then others; rights of reply at the end.',
  );
  api.add({
    tag: 'Lists of speakers',
    access: 'signed-in',
    guards: [requireUser],
    operationId: 'getSpeakersList',
    method: 'get',
    path: '/events/:eventId/sessions/:sessionId/speakers',
    summary:
      'A session’s list of speakers, every entry in speaking order (a list is one session’s, a few hundred entries at most: not paged)',
    response: z.object({
      opensAt: z.string(),
      closesAt: z.string(),
      minutes: z.number().int(),
      headMinutes: z.number().int().optional(),
      onePerDelegation: z.boolean(),
      publishedAt: z.string().optional(),
      entries: z.array(entryOutput),
    }),
    handler: async (req) => {
      const { event } = await eventWithPermissions(req);
      const session = await getSession(event.id, pathParam(req, 'sessionId'));
      const list = await listOfSessionOr404(event.id, session.id);
      const state = await listState(list, session.startsAt);
      return {
        opensAt: list.opensAt.toISOString(),
        closesAt: list.closesAt.toISOString(),
        minutes: list.minutes,
        ...(list.headMinutes && { headMinutes: list.headMinutes }),
        onePerDelegation: list.onePerDelegation,
        ...(list.publishedAt && { publishedAt: list.publishedAt.toISOString() }),
        entries: state.entries.map((e) => ({
          id: e.id,
          place: e.place,
          group: e.group,
          level: e.level,
          language: e.language,
          ...(e.country && { country: e.country }),
          ...(e.organization && { organization: e.organization }),
          speaker: e.speakerName,
          rightOfReply: e.reply,
          status: e.status,
          version: e.version,
          limitMinutes: e.limitMinutes,
          ...(e.expectedAt && { expectedAt: e.expectedAt.toISOString() }),
          inscribedAt: e.inscribedAt.toISOString(),
        })),
      };
    },
  });
}
