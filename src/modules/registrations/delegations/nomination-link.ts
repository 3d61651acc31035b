import type { Clock } from '../../../shared/clock.js';
import { LinkNotFoundError } from '../../../shared/errors.js';
import { getEvent, type EventView } from '../../events/index.js';
import { openLink } from '../../links/index.js';
import { getDelegation, NOMINATION_LINK, type DelegationView } from './delegation.service.js';

/**
 * The delegation a focal point's nomination link stands for, and its event: what every page
 * behind the link acts for, whatever a form says. A link that is unknown, expired, or whose
 * delegation is gone is a 404 like any private link.
 */
export async function delegationOfLink(
  token: string,
  clock: Clock,
): Promise<{ delegation: DelegationView; event: EventView }> {
  const link = await openLink(token, NOMINATION_LINK, clock);
  const delegation = await getDelegation(link.subject).catch(() => {
    throw new LinkNotFoundError();
  });
  return { delegation, event: await getEvent(delegation.eventId) };
}
