import { getPeople, type PersonView } from '../../people/index.js';
import type { EventView } from '../../events/index.js';
import type { AssignmentView, SessionView } from '../agenda.views.js';
import { listAssignments } from '../assignments/assignment.service.js';
import { checkProgramme } from './checks.js';
import { listSessions } from '../sessions/session.service.js';

export interface WorkingProgramme {
  sessions: SessionView[];
  assignments: AssignmentView[];
  people: Map<string, PersonView>;
}

/** The event's current (unpublished) programme: sessions, assignments and the people in them. */
export async function loadWorkingProgramme(event: EventView): Promise<WorkingProgramme> {
  const [sessions, assignments] = await Promise.all([
    listSessions(event.id),
    listAssignments({ eventId: event.id }),
  ]);
  const people = await getPeople([...new Set(assignments.map((a) => a.personId))]);
  return { sessions, assignments, people: new Map(people.map((p) => [p.id, p])) };
}

export function checksOf(event: EventView, programme: WorkingProgramme) {
  return checkProgramme({ event, ...programme });
}
