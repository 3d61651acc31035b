import type { Language } from '../../../shared/i18n/index.js';
import type { EntryStatus, SpeakerGroup, SpeakerLevel } from './speakers.order.js';

export interface ListView {
  id: string;
  eventId: string;
  sessionId: string;
  opensAt: Date;
  closesAt: Date;
  minutes: number;
  headMinutes: number | undefined;
  onePerDelegation: boolean;
  moveNotice: number;
  publishedAt: Date | undefined;
}

export interface EntryView {
  id: string;
  seq: number;
  group: SpeakerGroup;
  level: SpeakerLevel;
  language: Language;
  reply: boolean;
  head: boolean;
  inscribedAt: Date;
  delegationId: string | undefined;
  country: string | undefined;
  personId: string | undefined;
  speakerName: string;
  organization: string | undefined;
  mailedPlace: number | undefined;
  /** Where it stands now, from its last step, and how many steps it has had. */
  status: EntryStatus;
  version: number;
  statusAt: Date | undefined;
}

/** An entry in its place on the list, with its time limit and its expected start. */
export interface PlacedEntry extends EntryView {
  place: number;
  limitMinutes: number;
  expectedAt: Date | undefined;
}

export interface ListState {
  list: ListView;
  entries: PlacedEntry[];
  /** Who has the floor or is called next, and the three after them. */
  current: PlacedEntry | undefined;
  next: PlacedEntry[];
}

type StoredList = {
  _id: unknown;
  eventId: string;
  sessionId: string;
  opensAt: Date;
  closesAt: Date;
  minutes: number;
  headMinutes?: number | null;
  onePerDelegation: boolean;
  moveNotice: number;
  publishedAt?: Date | null;
};

export function toListView(doc: StoredList): ListView {
  return {
    id: String(doc._id),
    eventId: doc.eventId,
    sessionId: doc.sessionId,
    opensAt: doc.opensAt,
    closesAt: doc.closesAt,
    minutes: doc.minutes,
    headMinutes: doc.headMinutes ?? undefined,
    onePerDelegation: doc.onePerDelegation,
    moveNotice: doc.moveNotice,
    publishedAt: doc.publishedAt ?? undefined,
  };
}

/** Entries still waiting for the floor: called in their order. */
export const isWaiting = (entry: Pick<EntryView, 'status'>) =>
  entry.status === 'inscribed' || entry.status === 'absent' || entry.status === 'speaking';
