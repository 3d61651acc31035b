import type { Clock } from '../../shared/clock.js';
import { getEvent } from '../events/index.js';
import { absentIfNotFound } from '../../shared/errors.js';
import { Registration } from './registration.model.js';
import { completeRegistration, INCOMPLETE_GRACE_MS, type RegistrationDeps } from './registration.service.js';
import { toRegistrationView } from './registration.views.js';

/**
 * Completes the submissions a crash cut short: placed and mailed once, as if nothing happened.
 * Runs at start and on the schedule (once across processes); reads only incomplete ones.
 */
export async function completeUnfinishedRegistrations(
  deps: RegistrationDeps & { clock: Clock },
): Promise<number> {
  const cutoff = deps.clock.now().getTime() - INCOMPLETE_GRACE_MS;
  let completed = 0;
  for (const stored of await Registration.find({ incomplete: true }).lean()) {
    if (stored.statusAt.getTime() > cutoff) continue;
    const event = await getEvent(stored.eventId).catch(absentIfNotFound);
    if (!event) continue;
    await completeRegistration(event, toRegistrationView(stored), deps);
    completed += 1;
  }
  return completed;
}
