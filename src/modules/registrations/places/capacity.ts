import type { EventView } from '../../events/index.js';
import { Delegation } from '../delegations/delegation.model.js';
import { promoteWaiting, type RegistrationDeps } from '../registration.service.js';
import { scopes } from './seats.js';
import type { SettingsInput } from '../registration.schemas.js';
import { registrationRules, saveRegistrationRules } from './settings.service.js';
import { promoteWorkshop, workshopsOf } from './workshops.js';

/**
 * After an organizer changed a capacity (the event's, a category's, a workshop's or a
 * delegation's quota, which also changes what government delegations have left): every seat
 * scope of the event is brought in line with its capacity, then whoever waits takes the places
 * that are really free. Lowering removes nobody; seats beyond a capacity keep it full until
 * enough leave.
 */
export async function settleCapacities(event: EventView, deps: RegistrationDeps): Promise<void> {
  const { seats } = deps;
  const rules = await registrationRules(event);
  await seats.settle(scopes.event(event.id), rules.capacity);
  for (const rule of rules.categories) await seats.settle(scopes.category(event.id, rule.key), rule.capacity);
  for (const d of await Delegation.find({ eventId: event.id }, { quota: 1 }).lean()) {
    await seats.settle(scopes.delegation(d._id.toString()), d.quota);
  }
  const workshops = await workshopsOf(event.id);
  for (const w of workshops) await seats.settle(scopes.workshop(w.id), w.capacity);
  await promoteWaiting(event, deps);
  for (const w of workshops) await promoteWorkshop(event.id, w.id, seats);
}

/** After a workshop's capacity changed: its seats settle and its waiting list moves up if places freed. */
export async function settleWorkshop(
  event: EventView,
  sessionId: string,
  deps: RegistrationDeps,
): Promise<void> {
  const workshop = (await workshopsOf(event.id)).find((w) => w.id === sessionId);
  if (!workshop) return;
  await deps.seats.settle(scopes.workshop(sessionId), workshop.capacity);
  await promoteWorkshop(event.id, sessionId, deps.seats);
}

/** The organizer's registration settings: saved, then every capacity settles (see above). */
export async function changeRegistrationRules(
  event: EventView,
  input: SettingsInput,
  deps: RegistrationDeps,
): Promise<void> {
  await saveRegistrationRules(event.id, input, deps.clock);
  await settleCapacities(event, deps);
}
