import type { Actor } from '../../src/shared/actor.js';
import type { RoomInput, CreateEventInput } from '../../src/modules/events/index.js';
import type { browserAgent } from '../support/http.js';
import { createPublishedEvent } from './events.js';
import { createTestPerson, ROSA } from './people.js';

/** The Cuenca forum as most tests know it (published, with the plenary and the Azuay room unless told). */
export const FORUM = {
  slug: 'cuenca-2008',
  title: { es: 'Foro Iberoamericano', en: 'Ibero-American Forum', pt: 'Fórum Ibero-Americano' },
  organizers: { es: 'CEPAL/CELADE y SEGIB', en: 'ECLAC/CELADE and SEGIB' },
  venue: { name: 'Centro de Convenciones', city: 'Cuenca', country: 'EC' },
} satisfies Partial<CreateEventInput>;

export function createForum(actor: Actor, overrides: Partial<CreateEventInput> = {}, rooms?: RoomInput[]) {
  return createPublishedEvent({ ...FORUM, ...overrides }, actor, rooms);
}

/** The opening panel of the first morning (without its room). */
export const PANEL = {
  type: 'panel',
  title: { es: 'Migración y desarrollo', en: 'Migration and development', pt: 'Migração e desenvolvimento' },
  date: '2008-04-10',
  start: '09:00',
  end: '10:30',
} as const;

/**
 * The forum with a panel and a workshop, people in their roles (one still invited), built through
 * the API as an organizer would, and published as version 1.
 */
export async function createPublishedProgramme(agent: ReturnType<typeof browserAgent>, actor: Actor) {
  const event = await createForum(actor);
  const api = `/api/v1/events/${event.id}`;
  const rosa = await createTestPerson({ ...ROSA, familyName: 'Quispe Ñaupa', position: 'Investigadora' });
  const joao = await createTestPerson({
    givenName: 'João',
    familyName: 'Gonçalves',
    organization: 'Itamaraty',
    country: 'BR',
  });
  const luis = await createTestPerson({ givenName: 'Luis', familyName: 'Invitado', organization: 'OIM' });
  const session = async (body: object) =>
    (await agent.post(`${api}/sessions`).send(body)).body as { id: string };
  const panel = await session({ ...PANEL, roomId: event.rooms[0]!.id });
  const workshop = await session({
    type: 'workshop',
    title: { es: 'Remesas y niñez' },
    roomId: event.rooms[1]!.id,
    date: '2008-04-11',
    start: '15:00',
    end: '16:00',
  });
  const assign = (sessionId: string, personId: string, role: string, status: string) =>
    agent.post(`${api}/sessions/${sessionId}/assignments`).send({ personId, role, status });
  await assign(panel.id, rosa.id, 'speaker', 'confirmed');
  await assign(panel.id, joao.id, 'chair', 'confirmed');
  await assign(panel.id, luis.id, 'commentator', 'invited');
  await assign(workshop.id, joao.id, 'moderator', 'confirmed');
  const published = await agent.post(`${api}/versions`).send({});
  if (published.status !== 201) throw new Error(`publishing failed: ${published.status} ${published.text}`);
  return { agent, api, event, panel, workshop };
}
