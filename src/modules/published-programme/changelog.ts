import type { Snapshot, SnapshotSession } from './snapshot.js';

export interface SessionChange {
  sessionId: string;
  kind: 'added' | 'cancelled' | 'removed' | 'moved' | 'details' | 'people';
  /** For people changes: who came and who left. */
  added?: string[];
  removed?: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const nameOf = (p: SnapshotSession['people'][number]) => `${p.givenName} ${p.familyName} (${p.role})`;
const keyOf = (p: SnapshotSession['people'][number]) => `${p.personId}:${p.role}`;

/** What changed for the public between two published versions, session by session. */
export function compareSnapshots(before: Snapshot | undefined, after: Snapshot): SessionChange[] {
  const old = new Map(before?.sessions.map((s) => [s.id, s]) ?? []);
  const changes: SessionChange[] = [];
  for (const session of after.sessions) {
    const prior = old.get(session.id);
    if (!prior) {
      changes.push({ sessionId: session.id, kind: 'added' });
      continue;
    }
    if (prior.status !== 'cancelled' && session.status === 'cancelled') {
      changes.push({ sessionId: session.id, kind: 'cancelled' });
      continue;
    }
    if (
      prior.startsAt !== session.startsAt ||
      prior.endsAt !== session.endsAt ||
      prior.roomId !== session.roomId
    ) {
      changes.push({ sessionId: session.id, kind: 'moved' });
    }
    if (
      !same(prior.title, session.title) ||
      !same(prior.description, session.description) ||
      prior.type !== session.type ||
      prior.theme !== session.theme ||
      (prior.roomId === session.roomId && prior.roomName !== session.roomName) ||
      prior.status !== session.status
    ) {
      changes.push({ sessionId: session.id, kind: 'details' });
    }
    const priorPeople = new Map(prior.people.map((p) => [keyOf(p), p]));
    const nowPeople = new Map(session.people.map((p) => [keyOf(p), p]));
    const added = session.people.filter((p) => !priorPeople.has(keyOf(p))).map(nameOf);
    const removed = prior.people.filter((p) => !nowPeople.has(keyOf(p))).map(nameOf);
    const detailsChanged = session.people.some((p) => {
      const q = priorPeople.get(keyOf(p));
      return q && !same(q, p);
    });
    if (added.length > 0 || removed.length > 0 || detailsChanged) {
      changes.push({ sessionId: session.id, kind: 'people', added, removed });
    }
  }
  const now = new Set(after.sessions.map((s) => s.id));
  for (const prior of before?.sessions ?? []) {
    if (!now.has(prior.id)) changes.push({ sessionId: prior.id, kind: 'removed' });
  }
  return changes;
}

/** SEQUENCE numbers: a session's previous sequence, plus one if this version changed it. */
export function withSequences(
  before: Snapshot | undefined,
  after: Snapshot,
  changes: SessionChange[],
): Snapshot {
  const previous = new Map(before?.sessions.map((s) => [s.id, s.sequence]) ?? []);
  const changed = new Set(changes.filter((c) => c.kind !== 'added').map((c) => c.sessionId));
  return {
    ...after,
    sessions: after.sessions.map((s) => ({
      ...s,
      sequence: (previous.get(s.id) ?? 0) + (previous.has(s.id) && changed.has(s.id) ? 1 : 0),
    })),
  };
}
