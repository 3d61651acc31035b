import { ASSIGNMENT_ROLES, listAssignments, type AssignmentView } from '../agenda/index.js';

/**
 * The groups an announcement can reach, defined by the data: confirmed people (all, or by role),
 * those invited who have not answered, everyone invited or confirmed on one session.
 */
export const GROUP =
  /^(confirmed|confirmed:(chair|moderator|speaker|commentator|rapporteur)|invited|session:[a-f0-9]{24})$/;

export function groupKeys(sessionIds: string[]): string[] {
  return [
    'confirmed',
    ...ASSIGNMENT_ROLES.map((role) => `confirmed:${role}`),
    'invited',
    ...sessionIds.map((id) => `session:${id}`),
  ];
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
  const assignments = await listAssignments({ eventId });
  return [...new Set(assignments.filter((a) => inGroup(group, a)).map((a) => a.personId))];
}
