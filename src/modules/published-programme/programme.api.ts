import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import type { ApiRegistry } from '../../web/api-registry.js';
import { pathParam } from '../../web/params.js';
import { actorOf, requireUser } from '../auth/index.js';
import { eventOf } from '../events/index.js';
import { programmeJson } from './programme.json.js';
import { getVersion, listVersions, publishProgramme, type OnPublished } from './publish.service.js';
import { NotFoundError } from '../../shared/errors.js';

const changeOutput = z.object({
  sessionId: z.string(),
  kind: z.enum(['added', 'cancelled', 'removed', 'moved', 'details', 'people']),
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
});

const versionOutput = z
  .object({
    version: z.number().int(),
    publishedAt: z.string(),
    sessions: z.array(z.unknown()),
    changelog: z.array(changeOutput),
    noticesQueued: z.number().int().optional().describe('Change notices queued by this publication'),
  })
  .passthrough();

export function registerProgrammeApi(api: ApiRegistry, clock: Clock, onPublished: OnPublished): void {
  const tag = 'Programme versions';
  api.describeTag(
    tag,
    'Published versions of the programme: each an immutable snapshot of the sessions and their ' +
      'confirmed people, with a changelog against the one before; publishing one tells the people ' +
      'whose sessions changed.',
  );
  api.add({
    tag,
    access: 'signed-in',
    guards: [requireUser],
    operationId: 'listProgrammeVersions',
    method: 'get',
    path: '/events/:eventId/versions',
    summary: 'Published versions of the programme, newest first, with their changelogs',
    response: z.array(
      z.object({
        number: z.number().int(),
        publishedAt: z.string(),
        publishedBy: z.string(),
        changelog: z.array(changeOutput),
      }),
    ),
    handler: async (req) => {
      const event = await eventOf(req);
      return (await listVersions(event.id)).map((v) => ({ ...v, publishedAt: v.publishedAt.toISOString() }));
    },
  });
  api.add({
    tag,
    access: 'signed-in',
    guards: [requireUser],
    operationId: 'getProgrammeVersion',
    method: 'get',
    path: '/events/:eventId/versions/:number',
    summary: 'One published version, as in /events/{slug}/programme.json, with its changelog',
    response: versionOutput,
    handler: async (req) => {
      const event = await eventOf(req);
      const number = Number(pathParam(req, 'number'));
      if (!Number.isInteger(number) || number < 1) throw new NotFoundError();
      const version = await getVersion(event.id, number);
      return { ...programmeJson(version), changelog: version.changelog };
    },
  });
  api.add({
    tag,
    access: 'team',
    guards: [requireUser],
    operationId: 'publishProgrammeVersion',
    method: 'post',
    path: '/events/:eventId/versions',
    summary: 'Publish the working programme as the next version (409 if nothing changed)',
    status: 201,
    conflicts: {
      EVENT_ARCHIVED: 'the event is archived',
      NOTHING_TO_PUBLISH: 'the programme has not changed since the last version',
      PUBLISH_RACE: 'another publication of the event took this number at the same moment',
    },
    response: versionOutput,
    handler: async (req) => {
      const event = await eventOf(req, { edit: true });
      const version = await publishProgramme(event, actorOf(req), clock);
      const notices = await onPublished(event, version);
      return { ...programmeJson(version), changelog: version.changelog, noticesQueued: notices.queued };
    },
  });
}
