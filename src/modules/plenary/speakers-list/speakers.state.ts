import { Types } from 'mongoose';
import { insertUnlessTaken } from '../../../db/duplicate-key.js';
import { NotFoundError } from '../../../shared/errors.js';
import type { Language } from '../../../shared/i18n/index.js';
import { SpeakerEntry, SpeakerMove, SpeakersList, SpeakerStep } from './speakers.model.js';
import {
  speakingOrder,
  type EntryStatus,
  type PlaceChange,
  type SpeakerGroup,
  type SpeakerLevel,
} from './speakers.order.js';
import {
  isWaiting,
  toListView,
  type EntryView,
  type ListState,
  type ListView,
  type PlacedEntry,
} from './speakers.views.js';

export async function listOfSession(eventId: string, sessionId: string): Promise<ListView | undefined> {
  const doc = await SpeakersList.findOne({ sessionId }).lean();
  return doc && doc.eventId === eventId ? toListView(doc) : undefined;
}

export async function listOfSessionOr404(eventId: string, sessionId: string): Promise<ListView> {
  const list = await listOfSession(eventId, sessionId);
  if (!list) throw new NotFoundError();
  return list;
}

export async function listsOfEvent(eventId: string): Promise<ListView[]> {
  return (await SpeakersList.find({ eventId }).lean()).map(toListView);
}

/**
 * Inserts a document numbered after the list's others: the unique index on (list, seq) lets one
 * of several simultaneous inserts take each number; the others read again and take the next.
 */
export async function insertNumbered(
  model: typeof SpeakerEntry | typeof SpeakerMove,
  listId: string,
  document: Record<string, unknown>,
): Promise<{ id: string; seq: number }> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const last: { seq: number }[] = await (model === SpeakerEntry
      ? SpeakerEntry.find({ listId }, { seq: 1 }).sort({ seq: -1 }).limit(1).lean()
      : SpeakerMove.find({ listId }, { seq: 1 }).sort({ seq: -1 }).limit(1).lean());
    const seq = (last[0]?.seq ?? 0) + 1;
    const _id = new Types.ObjectId();
    if (await insertUnlessTaken(model, { _id, listId, seq, ...document }))
      return { id: _id.toHexString(), seq };
  }
  throw new Error('No free number on the list of speakers after 1000 attempts');
}

type StoredEntry = {
  _id: unknown;
  seq: number;
  group: string;
  level: string;
  language: string;
  reply: boolean;
  head: boolean;
  inscribedAt: Date;
  delegationId?: string | null;
  country?: string | null;
  personId?: string | null;
  speakerName: string;
  organization?: string | null;
  mailedPlace?: number | null;
};

type StoredStep = { entryId: string; version: number; status: string; at: Date };

function toEntryView(doc: StoredEntry, steps: StoredStep[]): EntryView {
  const last = steps.reduce<StoredStep | undefined>(
    (a, s) => (!a || s.version > a.version ? s : a),
    undefined,
  );
  return {
    id: String(doc._id),
    seq: doc.seq,
    group: doc.group as SpeakerGroup,
    level: doc.level as SpeakerLevel,
    language: doc.language as Language,
    reply: doc.reply,
    head: doc.head,
    inscribedAt: doc.inscribedAt,
    delegationId: doc.delegationId ?? undefined,
    country: doc.country ?? undefined,
    personId: doc.personId ?? undefined,
    speakerName: doc.speakerName,
    organization: doc.organization ?? undefined,
    mailedPlace: doc.mailedPlace ?? undefined,
    status: (last?.status ?? 'inscribed') as EntryStatus,
    version: last?.version ?? 0,
    statusAt: last?.at,
  };
}

export const limitOf = (list: ListView, entry: Pick<EntryView, 'head'>) =>
  entry.head && list.headMinutes ? list.headMinutes : list.minutes;

/**
 * The list as it stands: every entry in its place (the rules, then the organizers' moves and
 * "not present" steps, each at its time), its status from its last step, its time limit, and
 * when it should start if the session keeps time; who has the floor and who follows.
 */
export async function listState(list: ListView, startsAt: Date | undefined): Promise<ListState> {
  const [entryDocs, stepDocs, moveDocs] = await Promise.all([
    SpeakerEntry.find({ listId: list.id }).lean(),
    SpeakerStep.find({ listId: list.id }).lean(),
    SpeakerMove.find({ listId: list.id }).lean(),
  ]);
  const stepsOf = new Map<string, StoredStep[]>();
  for (const step of stepDocs) stepsOf.set(step.entryId, [...(stepsOf.get(step.entryId) ?? []), step]);
  const entries = entryDocs.map((doc) => toEntryView(doc as StoredEntry, stepsOf.get(String(doc._id)) ?? []));
  const changes: PlaceChange[] = [
    ...moveDocs.map((m) => ({ entryId: m.entryId, to: m.to, at: m.at, seq: m.seq })),
    ...stepDocs
      .filter((s) => s.status === 'absent')
      .map((s) => ({ entryId: s.entryId, to: 'end' as const, at: s.at, seq: 1_000_000 + s.version })),
  ];
  let clock = startsAt?.getTime();
  const placed: PlacedEntry[] = speakingOrder(entries, changes).map((entry, i) => {
    const limitMinutes = limitOf(list, entry);
    const expectedAt = clock === undefined ? undefined : new Date(clock);
    if (clock !== undefined && entry.status !== 'withdrawn') clock += limitMinutes * 60_000;
    return { ...entry, place: i + 1, limitMinutes, expectedAt };
  });
  const waiting = placed.filter(isWaiting);
  const speaking = waiting.find((e) => e.status === 'speaking');
  const current = speaking ?? waiting[0];
  return { list, entries: placed, current, next: waiting.filter((e) => e !== current).slice(0, 3) };
}
