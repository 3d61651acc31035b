import type { Request } from 'express';
import { pathParam } from '../../web/params.js';
import { getEvent } from './event.service.js';
import type { EventView } from './event.views.js';
import { assertCanEditEvent } from './team.service.js';

/** The event named by `:eventId` in the path (404 if none); with `edit`, the caller must be allowed to edit it (403). */
export async function eventOf(req: Request, options: { edit?: boolean } = {}): Promise<EventView> {
  const event = await getEvent(pathParam(req, 'eventId'));
  if (options.edit) await assertCanEditEvent(req.user, event.id);
  return event;
}
