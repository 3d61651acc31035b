/** The levels a statement is made at, highest first: member states speak in this order. */
export const SPEAKER_LEVELS = [
  'head_of_state',
  'minister',
  'vice_minister',
  'ambassador',
  'head_of_delegation',
  'other',
] as const;
export type SpeakerLevel = (typeof SPEAKER_LEVELS)[number];

/** Who speaks for whom: a member state, an international organization, or anyone else. */
export const SPEAKER_GROUPS = ['state', 'organization', 'other'] as const;
export type SpeakerGroup = (typeof SPEAKER_GROUPS)[number];

/** Where an entry stands on the floor. `absent` waits again at the end of the list. */
export const ENTRY_STATUSES = ['inscribed', 'speaking', 'spoke', 'absent', 'withdrawn'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** What the order needs of an entry. */
export interface Orderable {
  id: string;
  group: SpeakerGroup;
  level: SpeakerLevel;
  /** A right of reply: after every statement, in the order asked. */
  reply: boolean;
  inscribedAt: Date;
  /** Unique within the list, given by an insert against a unique index: the last word on ties. */
  seq: number;
}

/** Something that changed an entry's place after the rules: an organizer's move, or "not present". */
export interface PlaceChange {
  entryId: string;
  /** A place counted from 1, or the end of the list. */
  to: number | 'end';
  at: Date;
  /** Unique within the list: the order of changes made at the same instant. */
  seq: number;
}

const groupRank = (entry: Orderable) =>
  entry.reply ? SPEAKER_GROUPS.length : SPEAKER_GROUPS.indexOf(entry.group);

/**
 * The protocol order: member states by level and then by time of inscription, then international
 * organizations, then civil society and others, each by time of inscription; rights of reply at
 * the end. Two entries inscribed at the same instant are ordered by their sequence number, so
 * the order is strict and the same on every read.
 */
export function compareByRules(a: Orderable, b: Orderable): number {
  return (
    groupRank(a) - groupRank(b) ||
    (a.group === 'state' && !a.reply && !b.reply
      ? SPEAKER_LEVELS.indexOf(a.level) - SPEAKER_LEVELS.indexOf(b.level)
      : 0) ||
    a.inscribedAt.getTime() - b.inscribedAt.getTime() ||
    a.seq - b.seq
  );
}

/**
 * The end of the list as it was at `at`: before the rights of reply asked at that time or later
 * (the rules put them last, but one asked after an entry went to the end comes after it).
 */
function endAt(ordered: readonly Orderable[], at: Date): number {
  const later = ordered.findIndex((entry) => entry.reply && entry.inscribedAt.getTime() >= at.getTime());
  return later < 0 ? ordered.length : later;
}

/** The list in order: the rules, then each change of place in the order it was made. */
export function speakingOrder<T extends Orderable>(
  entries: readonly T[],
  changes: readonly PlaceChange[] = [],
): T[] {
  const ordered = [...entries].sort(compareByRules);
  const sortedChanges = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  for (const change of sortedChanges) {
    const from = ordered.findIndex((entry) => entry.id === change.entryId);
    if (from < 0) continue;
    const [moved] = ordered.splice(from, 1);
    const to =
      change.to === 'end' ? endAt(ordered, change.at) : Math.min(Math.max(change.to - 1, 0), ordered.length);
    ordered.splice(to, 0, moved!);
  }
  return ordered;
}
