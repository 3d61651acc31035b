import type { Request } from 'express';
import { historyOf, type AuditRecord } from '../audit/index.js';
import { withAccountNames } from '../auth/index.js';
import { pathParam } from '../../web/params.js';
import { getEvent } from './event.service.js';
import type { EventView } from './event.views.js';
import { policy, type Permissions } from './policy.js';
import { assertCanEditEvent } from './team.service.js';

/** The event named by `:eventId` in the path (404 if none); with `edit`, the caller must be allowed to edit it (403). */
export async function eventOf(req: Request, options: { edit?: boolean } = {}): Promise<EventView> {
  const event = await getEvent(pathParam(req, 'eventId'));
  if (options.edit) await assertCanEditEvent(req.user, event.id);
  return event;
}

/** The event named by `:eventId` and what the caller may do with its records (policy.ts). */
export async function eventWithPermissions(req: Request): Promise<{ event: EventView; can: Permissions }> {
  const event = await getEvent(pathParam(req, 'eventId'));
  return { event, can: await policy.forEvent(req.user, event.id) };
}

/** A record's history as this reader may see it: the team's addresses only to the team and admins. */
export async function historyFor(
  subjectType: string,
  subjectId: string,
  can: Permissions,
): Promise<AuditRecord[]> {
  const history = await historyOf(subjectType, subjectId);
  return can.accountAddresses ? history : withAccountNames(history);
}
