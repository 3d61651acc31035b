import type { Request } from 'express';
import { ForbiddenError } from '../../shared/errors.js';
import { policy, type Permissions } from '../events/index.js';
import { withoutContactDetails, type PersonView } from './person.views.js';

/**
 * The events people appear in (registrations, nominations, roles in a programme); given by the
 * registrations module, which depends on this one.
 */
export interface PeopleEvents {
  of(personIds: readonly string[]): Promise<Map<string, string[]>>;
  ofEveryone(): Promise<Map<string, string[]>>;
}

/** Without it (a test mounting people alone), everyone is a person of no event. */
const NO_EVENTS: PeopleEvents = {
  of: async () => new Map(),
  ofEveryone: async () => new Map(),
};

/**
 * What the reader may do with each person: the policy over the events the person appears in
 * (an organizer of one of them sees and edits; of none, reads without contact details); a
 * person of no event falls under the policy's rule for records of no event.
 */
export function peopleAccess(events: PeopleEvents = NO_EVENTS) {
  // The events of each person are looked up only for a reader whose permissions depend on them.
  const eventsFor = (req: Request, lookUp: () => Promise<Map<string, string[]>>) =>
    policy.dependsOnEvents(req.user) ? lookUp() : Promise.resolve(new Map<string, string[]>());
  const over = async (req: Request, byPerson: Map<string, string[]>, ids: readonly string[]) => {
    const teams =
      req.user && req.user.role === 'organizer' ? await policy.teamOf(req.user) : new Set<string>();
    const result = new Map<string, Permissions>();
    for (const id of ids) result.set(id, await policy.forEvents(req.user, byPerson.get(id) ?? [], teams));
    return result;
  };
  return {
    /** Permissions for each of these people. */
    async of(req: Request, people: readonly PersonView[]): Promise<Map<string, Permissions>> {
      const ids = people.map((p) => p.id);
      return over(req, await eventsFor(req, () => events.of(ids)), ids);
    },
    /** The same for a whole-directory export, a batch at a time: the events are read once. */
    async forExport(
      req: Request,
    ): Promise<(people: readonly PersonView[]) => Promise<Map<string, Permissions>>> {
      const byPerson = await eventsFor(req, () => events.ofEveryone());
      return (people) =>
        over(
          req,
          byPerson,
          people.map((p) => p.id),
        );
    },
    /** One person as this reader may see them. */
    async shown(req: Request, person: PersonView): Promise<PersonView> {
      const can = (await this.of(req, [person])).get(person.id)!;
      return can.contactDetails ? person : withoutContactDetails(person);
    },
    /** Refuses (403) a change to a person of someone else's event. */
    async assertEdit(req: Request, person: PersonView): Promise<void> {
      if (!(await this.of(req, [person])).get(person.id)!.edit) throw new ForbiddenError();
    },
  };
}

export type PeopleAccess = ReturnType<typeof peopleAccess>;

/** A list as this reader may see it. */
export function shownPeople(people: readonly PersonView[], can: Map<string, Permissions>): PersonView[] {
  return people.map((p) => (can.get(p.id)?.contactDetails ? p : withoutContactDetails(p)));
}
