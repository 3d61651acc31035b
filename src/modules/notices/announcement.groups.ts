import { ASSIGNMENT_ROLES, listAssignments, type AssignmentView } from '../agenda/index.js';
import { CATEGORIES, registrantsOf } from '../registrations/index.js';

/**
 * The groups an announcement can reach, defined by the data: confirmed people (all, or by role),
 * those invited who have not answered, everyone invited or confirmed on one session.
 */
export const GROUP =
  /^(confirmed|confirmed:(chair|moderator|speaker|commentator|rapporteur)|invited|session:[a-f0-9]{24}|registrants:(status:[a-z]+|category:[a-z_]+|country:[A-Z]{2}))$/;

export function groupKeys(sessionIds: string[], countries: string[]): string[] {
  return [
    'confirmed',
    ...ASSIGNMENT_ROLES.map((role) => `confirmed:${role}`),
    'invited',
    ...sessionIds.map((id) => `session:${id}`),
    ...['confirmed', 'pending', 'waitlisted'].map((s) => `registrants:status:${s}`),
    ...CATEGORIES.map((c) => `registrants:category:${c}`),
    ...countries.map((c) => `registrants:country:${c}`),
  ];
}

/** Registrants of a group: by state, by category (confirmed), by country represented (confirmed). */
async function registrantsOfGroup(eventId: string, group: string): Promise<string[]> {
  const [, kind, value] = group.split(':');
  const filter =
    kind === 'status'
      ? { status: value }
      : kind === 'category'
        ? { status: 'confirmed', category: value }
        : { status: 'confirmed', countryRepresented: value };
  return registrantsOf(eventId, filter);
}

function inGroup(group: string, a: AssignmentView): boolean {
  if (group === 'confirmed') return a.status === 'confirmed';
  if (group === 'invited') return a.status === 'invited';
  if (group.startsWith('confirmed:')) return a.status === 'confirmed' && a.role === group.slice(10);
  if (group.startsWith('session:'))
    return a.sessionId === group.slice(8) && (a.status === 'invited' || a.status === 'confirmed');
  return false;
}

/** The people of a group, each once. */
export async function membersOf(eventId: string, group: string): Promise<string[]> {
  if (group.startsWith('registrants:')) return [...new Set(await registrantsOfGroup(eventId, group))];
  const assignments = await listAssignments({ eventId });
  return [...new Set(assignments.filter((a) => inGroup(group, a)).map((a) => a.personId))];
}
