import type { Request } from 'express';
import { assertCanEditEvent, canEditEvent, getEvent, type EventView } from '../events/index.js';
import { pathParam } from '../../web/params.js';

/** The event of the path (404 if none); with `edit`, also checks the caller may edit it (403). */
export async function eventOf(req: Request, options: { edit?: boolean } = {}): Promise<EventView> {
  const event = await getEvent(pathParam(req, 'eventId'));
  if (options.edit) await assertCanEditEvent(req.user, event.id);
  return event;
}

export { canEditEvent };
