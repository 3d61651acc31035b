import { countryName } from '../../shared/countries.js';
import type { Language, Translate } from '../../shared/i18n/index.js';
import { formatDay, formatTimeRange, instantToLocal } from '../../shared/zoned-time.js';
import { localized } from '../events/index.js';
import type { SessionChange } from './changelog.js';
import type { Snapshot, SnapshotPerson, SnapshotSession } from './snapshot.js';

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

/** Where and when a session is, in short: "jue, 10 abr, 09:00–10:30 (GMT-5), Sala A". */
function slotOf(session: SnapshotSession, timeZone: string, language: Language): string {
  const start = new Date(session.startsAt);
  const day = new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone,
  }).format(start);
  const time = formatTimeRange(start, new Date(session.endsAt), timeZone);
  return [`${day}, ${time}`, session.roomName].filter(Boolean).join(', ');
}

/** Who came and who left a session between two versions, with their roles in the reader's language. */
function peopleMoves(before: SnapshotSession | undefined, after: SnapshotSession | undefined, t: Translate) {
  const key = (p: SnapshotPerson) => `${p.personId}:${p.role}`;
  const name = (p: SnapshotPerson) =>
    `${[p.honorific, p.givenName, p.familyName].filter(Boolean).join(' ')} (${t(`assignmentRoles.${p.role}`)})`;
  const had = new Set(before?.people.map(key));
  const has = new Set(after?.people.map(key));
  return {
    joining: (after?.people ?? []).filter((p) => !had.has(key(p))).map(name),
    leaving: (before?.people ?? []).filter((p) => !has.has(key(p))).map(name),
  };
}

/**
 * One line per change, for the changelog shown to organizers and the public: what moved says
 * from where to where, a change of people says who joins and who leaves.
 */
export function describeChanges(
  changes: SessionChange[],
  snapshots: { before: Snapshot | undefined; after: Snapshot },
  t: Translate,
  language: Language,
): string[] {
  const { before, after } = snapshots;
  const zone = after.event.timezone;
  const old = new Map(before?.sessions.map((s) => [s.id, s]) ?? []);
  const now = new Map(after.sessions.map((s) => [s.id, s]));
  return changes.map((change) => {
    const prior = old.get(change.sessionId);
    const current = now.get(change.sessionId);
    const session = current ?? prior;
    const title = session ? localized(session.title, language, after.event.languages as Language[]) : '';
    if (change.kind === 'moved' && prior && current) {
      const from = slotOf(prior, zone, language);
      const to = slotOf(current, zone, language);
      return t('programme.change.moved', { title, from, to });
    }
    if (change.kind === 'people') {
      const { joining, leaving } = peopleMoves(prior, current, t);
      const parts = [
        ...(joining.length ? [t('programme.change.joining', { names: joining.join(', ') })] : []),
        ...(leaving.length ? [t('programme.change.leaving', { names: leaving.join(', ') })] : []),
      ];
      return t('programme.change.people', {
        title,
        who: parts.length ? parts.join('; ') : t('programme.change.peopleDetails'),
      });
    }
    return t(`programme.change.${change.kind}`, { title });
  });
}
