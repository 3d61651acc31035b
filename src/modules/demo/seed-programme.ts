import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { sameDayIn } from './cuenca.js';
import {
  assignPerson,
  checksOf,
  createSession,
  listSessions,
  loadWorkingProgramme,
} from '../agenda/index.js';
import { getEvent } from '../events/index.js';
import { createPerson, Person } from '../people/index.js';
import { publishProgramme } from '../published-programme/index.js';
import { CUENCA_PEOPLE } from './cuenca-people.js';
import { CUENCA_PROGRAMME } from './cuenca-programme.js';

export interface ProgrammeSeedReport {
  created: boolean;
  sessions: number;
  people: number;
  warnings: number;
  version: number | undefined;
}

/** The people of the demo: found by email when they exist, created otherwise. */
async function demoPeople(actor: Actor, clock: Clock): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { key, ...input } of CUENCA_PEOPLE) {
    const existing = await Person.findOne({ emailKey: input.email }, { _id: 1 }).lean();
    ids.set(key, existing ? String(existing._id) : (await createPerson(input, actor, clock)).id);
  }
  return ids;
}

/** The two-day programme of the Cuenca Forum, published as version 1; skipped if the event has sessions. */
export async function seedCuencaProgramme(
  eventId: string,
  actor: Actor,
  clock: Clock,
): Promise<ProgrammeSeedReport> {
  const event = await getEvent(eventId);
  const people = await demoPeople(actor, clock);
  if ((await listSessions(event.id)).length > 0) {
    return { created: false, sessions: 0, people: people.size, warnings: 0, version: undefined };
  }
  for (const { session, people: roles } of CUENCA_PROGRAMME) {
    const { room, ...input } = session;
    const created = await createSession(
      event,
      {
        ...input,
        ...(input.date && { date: sameDayIn(event, input.date) }),
        ...(room !== undefined && event.rooms[room] && { roomId: event.rooms[room].id }),
      },
      actor,
      clock,
    );
    for (const [key, role, status] of roles) {
      await assignPerson(
        created,
        { personId: people.get(key)!, role, status: status ?? 'confirmed' },
        actor,
        clock,
      );
    }
  }
  const { warnings } = checksOf(event, await loadWorkingProgramme(event));
  const version = await publishProgramme(event, actor, clock);
  return {
    created: true,
    sessions: CUENCA_PROGRAMME.length,
    people: people.size,
    warnings: warnings.length,
    version: version.number,
  };
}
