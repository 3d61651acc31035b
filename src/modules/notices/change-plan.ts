import type { AssignmentView } from '../agenda/index.js';
import type { SessionChange, Snapshot } from '../published-programme/index.js';

/** What one person is told about one session in a change notice. */
export interface PersonalChange {
  sessionId: string;
  kind: 'moved' | 'details' | 'cancelled' | 'added' | 'removed';
  role?: string;
}

const SESSION_KINDS: Record<string, PersonalChange['kind'] | undefined> = {
  moved: 'moved',
  details: 'details',
  cancelled: 'cancelled',
  removed: 'cancelled',
};

/**
 * Who must hear about a new version, and what: everyone invited or confirmed on a session
 * that moved, changed or was cancelled; and, for changes of people, only those who came or
 * left (the others on that panel are not told). Pure, so each rule has a unit test.
 */
export function planChangeNotices(
  previous: Snapshot,
  current: Snapshot,
  changelog: SessionChange[],
  assignments: AssignmentView[],
): Map<string, PersonalChange[]> {
  const plan = new Map<string, PersonalChange[]>();
  const tell = (personId: string, change: PersonalChange) => {
    const changes = plan.get(personId) ?? [];
    if (!changes.some((c) => c.sessionId === change.sessionId && c.kind === change.kind))
      changes.push(change);
    plan.set(personId, changes);
  };
  const before = new Map(previous.sessions.map((s) => [s.id, s]));
  const after = new Map(current.sessions.map((s) => [s.id, s]));
  const key = (p: { personId: string; role: string }) => `${p.personId}:${p.role}`;

  for (const change of changelog) {
    const prior = before.get(change.sessionId)?.people ?? [];
    const now = after.get(change.sessionId)?.people ?? [];
    const priorKeys = new Set(prior.map(key));
    const nowKeys = new Set(now.map(key));
    const arrived = now.filter((p) => !priorKeys.has(key(p)));
    const left = prior.filter((p) => !nowKeys.has(key(p)) && !now.some((q) => q.personId === p.personId));
    if (change.kind === 'people' || change.kind === 'added') {
      for (const p of arrived) tell(p.personId, { sessionId: change.sessionId, kind: 'added', role: p.role });
      for (const p of left) tell(p.personId, { sessionId: change.sessionId, kind: 'removed', role: p.role });
      continue;
    }
    const kind = SESSION_KINDS[change.kind];
    if (!kind) continue;
    // Those who came or left hear about it through the people change, once.
    const leaving = new Set(left.map((p) => p.personId));
    const arriving = new Set(arrived.map((p) => p.personId));
    const concerned = new Set([
      ...now.map((p) => p.personId).filter((id) => !arriving.has(id)),
      ...prior.map((p) => p.personId).filter((id) => !leaving.has(id)),
      ...assignments
        .filter(
          (a) => a.sessionId === change.sessionId && (a.status === 'invited' || a.status === 'confirmed'),
        )
        .map((a) => a.personId),
    ]);
    for (const personId of concerned) tell(personId, { sessionId: change.sessionId, kind });
  }
  return plan;
}
