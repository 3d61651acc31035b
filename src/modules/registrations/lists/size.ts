import { blocksOf } from '../../../db/blocks.js';
import { registrationList } from '../registration.model.js';

/**
 * Up to this many blocks (2,048 registrations) an event's figures and dashboards are counted on
 * each read: exact and cheap. Beyond, counting reads every registration (seconds at 100,000 on
 * FerretDB), so a timer counts them once a minute across processes and pages show the time.
 */
export const COUNTED_EACH_READ_UP_TO_BLOCKS = 8;

/** True when counting the event's registrations on each read would be slow. */
export async function isLarge(eventId: string): Promise<boolean> {
  return (await blocksOf(registrationList(eventId))).length > COUNTED_EACH_READ_UP_TO_BLOCKS;
}
