import type { Trilingual } from '../../shared/trilingual.js';
import type { AssignmentView, SessionView } from '../agenda/index.js';
import type { EventView } from '../events/index.js';
import type { PersonView } from '../people/index.js';

/** What the public may know of a person in a published programme (no contact details). */
export interface SnapshotPerson {
  personId: string;
  role: string;
  order: number;
  honorific?: string;
  givenName: string;
  familyName: string;
  position?: string;
  organization?: string;
  country?: string;
}

export interface SnapshotSession {
  id: string;
  type: string;
  title: Trilingual;
  description: Trilingual;
  roomId?: string;
  roomName?: string;
  startsAt: string;
  endsAt: string;
  theme?: string;
  status: 'scheduled' | 'cancelled';
  people: SnapshotPerson[];
  /** How many published versions changed this session after it first appeared (iCalendar SEQUENCE). */
  sequence: number;
}

export interface Snapshot {
  event: {
    id: string;
    slug: string;
    title: Trilingual;
    timezone: string;
    startDate: string;
    endDate: string;
    languages: string[];
    venue: EventView['venue'];
  };
  sessions: SnapshotSession[];
}

const ROLE_ORDER = ['chair', 'moderator', 'speaker', 'commentator', 'rapporteur'];
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/**
 * The public programme as of now: sessions with a time that are scheduled (or cancelled after
 * being published), with confirmed people only. Draft and unscheduled sessions stay private.
 */
export function buildSnapshot(
  event: EventView,
  programme: { sessions: SessionView[]; assignments: AssignmentView[]; people: Map<string, PersonView> },
  previous: Snapshot | undefined,
): Snapshot {
  const wasPublished = new Set(previous?.sessions.map((s) => s.id) ?? []);
  const rooms = new Map(event.rooms.map((r) => [r.id, r.name]));
  const sessions = programme.sessions
    .filter((s) => s.startsAt && s.endsAt)
    .filter((s) => s.status === 'scheduled' || (s.status === 'cancelled' && wasPublished.has(s.id)))
    .map((s): SnapshotSession => {
      const people = programme.assignments
        .filter((a) => a.sessionId === s.id && a.status === 'confirmed')
        .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.order - b.order)
        .flatMap((a) => {
          const p = programme.people.get(a.personId);
          if (!p) return [];
          return [
            defined({
              personId: p.id,
              role: a.role,
              order: a.order,
              honorific: p.honorific,
              givenName: p.givenName,
              familyName: p.familyName,
              position: p.position,
              organization: p.organization,
              country: p.country,
            }),
          ];
        });
      return defined({
        id: s.id,
        type: s.type,
        title: s.title,
        description: s.description,
        roomId: s.roomId,
        roomName: s.roomId ? rooms.get(s.roomId) : undefined,
        startsAt: s.startsAt!.toISOString(),
        endsAt: s.endsAt!.toISOString(),
        theme: s.theme,
        status: s.status === 'cancelled' ? ('cancelled' as const) : ('scheduled' as const),
        people,
        sequence: 0,
      });
    })
    .sort(
      (a, b) => a.startsAt.localeCompare(b.startsAt) || (a.roomName ?? '').localeCompare(b.roomName ?? ''),
    );
  // A published session that lost its time or went back to draft is cancelled for the public,
  // at its last published time, so calendars drop it instead of keeping a ghost.
  const present = new Set(sessions.map((s) => s.id));
  for (const prior of previous?.sessions ?? []) {
    if (!present.has(prior.id)) sessions.push({ ...prior, status: 'cancelled' });
  }
  sessions.sort(
    (a, b) => a.startsAt.localeCompare(b.startsAt) || (a.roomName ?? '').localeCompare(b.roomName ?? ''),
  );
  return { event: snapshotEvent(event), sessions };
}

/** What a snapshot keeps of its event. */
export function snapshotEvent(event: EventView): Snapshot['event'] {
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    timezone: event.timezone,
    startDate: event.startDate,
    endDate: event.endDate,
    languages: event.languages,
    venue: event.venue,
  };
}
