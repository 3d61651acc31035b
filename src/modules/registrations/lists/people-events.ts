import { eventsOfAssignedPerson, eventsOfEveryoneAssigned } from '../../agenda/index.js';
import { Registration } from '../registration.model.js';

/**
 * The events each person appears in (registered, nominated, or holding a role in the
 * programme), for the access policy: an organizer sees a person's contact details and edits
 * them when one of those events is theirs. One equality lookup per person, which FerretDB
 * pushes down, rather than an `$in` it would answer by reading every registration.
 */
export async function eventsOfPeople(personIds: readonly string[]): Promise<Map<string, string[]>> {
  const entries = await Promise.all(
    [...new Set(personIds)].map(async (personId) => {
      const registered = await Registration.distinct('eventId', { personId });
      const assigned = await eventsOfAssignedPerson(personId);
      return [personId, [...new Set([...registered.map(String), ...assigned])]] as [string, string[]];
    }),
  );
  return new Map(entries);
}

/** The same for everyone who appears in any event, for exports that read the whole directory. */
export async function eventsOfEveryone(): Promise<Map<string, string[]>> {
  const events = new Map<string, Set<string>>();
  const add = (personId: string, eventId: string) => {
    const set = events.get(personId) ?? new Set<string>();
    set.add(eventId);
    events.set(personId, set);
  };
  for await (const r of Registration.find({}, { personId: 1, eventId: 1 }).lean().cursor()) {
    add(String(r.personId), String(r.eventId));
  }
  for (const [personId, eventIds] of await eventsOfEveryoneAssigned())
    for (const id of eventIds) add(personId, id);
  return new Map([...events].map(([personId, set]) => [personId, [...set]]));
}

/** Both, as the people module asks for them. */
export const peopleEvents = { of: eventsOfPeople, ofEveryone: eventsOfEveryone };
