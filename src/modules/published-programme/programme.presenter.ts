import { countryName } from '../../shared/countries.js';
import type { Language, Translate } from '../../shared/i18n/index.js';
import { formatDay, formatTimeRange, instantToLocal } from '../../shared/zoned-time.js';
import { localized } from '../events/index.js';
import type { SessionChange } from './changelog.js';
import type { Snapshot, SnapshotSession } from './snapshot.js';

export interface ProgrammeDay {
  date: string;
  label: string;
  sessions: {
    id: string;
    type: string;
    title: string;
    description: string;
    time: string;
    room: string;
    cancelled: boolean;
    people: { role: string; name: string; affiliation: string }[];
  }[];
}

/** A snapshot as the public reads it: by day, in time order with the room, in one language. */
export function programmeDays(snapshot: Snapshot, language: Language): ProgrammeDay[] {
  const order = snapshot.event.languages as Language[];
  const days = new Map<string, ProgrammeDay>();
  for (const s of snapshot.sessions) {
    const startsAt = new Date(s.startsAt);
    const date = instantToLocal(startsAt, snapshot.event.timezone).date;
    if (!days.has(date)) days.set(date, { date, label: formatDay(date, language), sessions: [] });
    days.get(date)!.sessions.push({
      id: s.id,
      type: s.type,
      title: localized(s.title, language, order),
      description: localized(s.description, language, order),
      time: formatTimeRange(startsAt, new Date(s.endsAt), snapshot.event.timezone),
      room: s.roomName ?? '',
      cancelled: s.status === 'cancelled',
      people: s.people.map((p) => ({
        role: p.role,
        name: [p.honorific, p.givenName, p.familyName].filter(Boolean).join(' '),
        affiliation: [p.position, p.organization, p.country && countryName(p.country, language)]
          .filter(Boolean)
          .join(', '),
      })),
    });
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** One line per change, for the changelog shown to organizers and the public. */
export function describeChanges(
  changes: SessionChange[],
  snapshots: (Snapshot | undefined)[],
  t: Translate,
  language: Language,
): string[] {
  const sessions = new Map<string, SnapshotSession>();
  for (const snapshot of snapshots)
    for (const s of snapshot?.sessions ?? []) if (!sessions.has(s.id)) sessions.set(s.id, s);
  return changes.map((change) => {
    const session = sessions.get(change.sessionId);
    const title = session ? localized(session.title, language) : change.sessionId;
    return t(`programme.change.${change.kind}`, {
      title,
      added: (change.added ?? []).join(', ') || '—',
      removed: (change.removed ?? []).join(', ') || '—',
    });
  });
}
