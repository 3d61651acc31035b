import type { RegistrationRules } from './settings.service.js';
import { scopes, type SeatAllocator } from './seats.js';

/**
 * Seats a registration in the event and its category: both, or neither. The event's seat is
 * taken first; if the category is full it is given back. A delegate's place comes out of their
 * delegation's quota, which is held back from the category: only the event's seat is taken.
 */
export async function seat(
  registration: { id: string; eventId: string; category: string; delegationId?: string | undefined },
  rules: RegistrationRules,
  seats: SeatAllocator,
  options: { fresh?: boolean } = {},
): Promise<boolean> {
  if (registration.category === 'programme_participant') return true;
  if (registration.delegationId) return seatInEvent(registration, rules, seats);
  const eventScope = scopes.event(registration.eventId);
  const event = await seats.take(eventScope, rules.capacity, registration.id, options);
  if (event === 'full') return false;
  const rule = rules.categories.find((c) => c.key === registration.category);
  const category = await seats.take(
    scopes.category(registration.eventId, registration.category),
    rule?.capacity,
    registration.id,
    options,
  );
  if (category !== 'full') return true;
  if (event === 'taken') await seats.release(eventScope, rules.capacity, registration.id);
  return false;
}

/** Gives back every seat of a registration (event and category). */
export async function unseat(
  registration: { id: string; eventId: string; category: string },
  rules: RegistrationRules,
  seats: SeatAllocator,
): Promise<void> {
  const rule = rules.categories.find((c) => c.key === registration.category);
  await seats.release(
    scopes.category(registration.eventId, registration.category),
    rule?.capacity,
    registration.id,
  );
  await seats.release(scopes.event(registration.eventId), rules.capacity, registration.id);
}

/** Delegates come out of their delegation's quota, not a public category: only the event's seat. */
export async function seatInEvent(
  registration: { id: string; eventId: string },
  rules: RegistrationRules,
  seats: SeatAllocator,
): Promise<boolean> {
  return (await seats.take(scopes.event(registration.eventId), rules.capacity, registration.id)) !== 'full';
}
