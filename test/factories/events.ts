import {
  addRoom,
  createEvent,
  setEventStatus,
  type CreateEventInput,
  type EventView,
  type RoomInput,
} from '../../src/modules/events/index.js';
import { createSession } from '../../src/modules/agenda/index.js';
import type { Actor } from '../../src/shared/actor.js';
import { settableClock } from '../../src/shared/clock.js';

let sequence = 0;

export function buildEventInput(overrides: Partial<CreateEventInput> = {}): CreateEventInput {
  sequence += 1;
  return {
    slug: `foro-prueba-${sequence}`,
    title: {
      es: `Foro de prueba ${sequence}`,
      en: `Test forum ${sequence}`,
      pt: `Fórum de teste ${sequence}`,
    },
    timezone: 'America/Guayaquil',
    startDate: '2008-04-10',
    endDate: '2008-04-11',
    languages: ['es', 'pt', 'en'],
    countries: ['EC', 'PE'],
    ...overrides,
  };
}

/** A draft event; with an actor who has a user id, that user joins its team. */
export async function createTestEvent(overrides: Partial<CreateEventInput> = {}, actor?: Actor) {
  return createEvent(
    buildEventInput(overrides),
    actor ?? { label: 'test', via: 'system' },
    settableClock('2008-01-01T00:00:00Z'),
  );
}

export const PLENARY = { name: 'Salón Plenario', capacity: 400, interpretation: [] };
export const AZUAY = { name: 'Sala Azuay', capacity: 60, interpretation: [] };

/** A published event with the given rooms, its team led by `actor`. */
export async function createPublishedEvent(
  overrides: Partial<CreateEventInput>,
  actor: Actor,
  rooms: RoomInput[] = [PLENARY, AZUAY],
) {
  const clock = settableClock('2008-01-01T00:00:00Z');
  let event = await createTestEvent(overrides, actor);
  for (const room of rooms) event = await addRoom(event.id, room, actor, clock);
  await setEventStatus(event.id, 'published', actor, clock);
  return { ...event, status: 'published' as const };
}

/** A scheduled workshop of the event (its capacity is the session's), on the forum's second afternoon. */
export async function createWorkshop(event: EventView, actor: Actor, capacity: number) {
  return createSession(
    event,
    {
      type: 'workshop',
      title: { es: 'Taller de datos censales' },
      date: '2008-04-11',
      start: '15:00',
      end: '17:00',
      capacity,
      status: 'scheduled',
    },
    actor,
    settableClock('2008-01-01T00:00:00Z'),
  );
}
