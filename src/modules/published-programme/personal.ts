import type { Snapshot, SnapshotSession } from './snapshot.js';

/** Session types every registered participant attends; workshops and side events are chosen. */
export const SESSIONS_FOR_EVERYONE = ['opening', 'plenary', 'panel', 'closing'];

/** What a person's registration says about the sessions they attend. */
export interface Attendance {
  confirmed: boolean;
  /** Workshops where they hold a confirmed place. */
  workshopIds: string[];
}

export interface PersonalSession {
  session: SnapshotSession;
  /** The person's roles in it (chair, speaker…), empty when they only attend. */
  roles: string[];
  /** A workshop they registered for. */
  workshop: boolean;
}

/**
 * One person's sessions in a published programme, in time order: those where they have a role,
 * and, with a confirmed registration, the sessions for everyone plus their workshops.
 */
export function personalSessions(
  snapshot: Snapshot,
  personId: string,
  attendance: Attendance | undefined,
): PersonalSession[] {
  const workshops = new Set(attendance?.confirmed ? attendance.workshopIds : []);
  return snapshot.sessions.flatMap((session) => {
    const roles = session.people.filter((p) => p.personId === personId).map((p) => p.role);
    const workshop = workshops.has(session.id);
    const forEveryone = Boolean(attendance?.confirmed) && SESSIONS_FOR_EVERYONE.includes(session.type);
    return roles.length > 0 || workshop || forEveryone ? [{ session, roles, workshop }] : [];
  });
}
