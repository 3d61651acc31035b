import { getSession } from '../../agenda/index.js';
import { SpeakerEntry, SpeakerStep } from './speakers.model.js';
import { listsOfEvent } from './speakers.state.js';

/** Steps after which a delegation no longer waits to speak. */
const DONE = new Set(['spoke', 'withdrawn']);

/**
 * The plenaries whose session overlaps `span` and in which the delegation waits to speak (not yet
 * spoken, not withdrawn): what the bilateral schedule warns about.
 */
export async function plenaryInscriptions(
  eventId: string,
  delegationId: string,
  span: { startsAt: Date; endsAt: Date },
): Promise<{ sessionId: string }[]> {
  const entries = await SpeakerEntry.find({ eventId, delegationId }).lean();
  if (entries.length === 0) return [];
  const lists = new Map((await listsOfEvent(eventId)).map((list) => [list.id, list]));
  const found: { sessionId: string }[] = [];
  for (const entry of entries) {
    const list = lists.get(entry.listId);
    if (!list || found.some((f) => f.sessionId === list.sessionId)) continue;
    const steps = await SpeakerStep.find({ entryId: String(entry._id) }).lean();
    const last = steps.reduce<(typeof steps)[number] | undefined>(
      (a, s) => (!a || s.version > a.version ? s : a),
      undefined,
    );
    if (last && DONE.has(last.status)) continue;
    const session = await getSession(eventId, list.sessionId).catch(() => undefined);
    if (!session?.startsAt || !session.endsAt) continue;
    if (session.startsAt < span.endsAt && span.startsAt < session.endsAt)
      found.push({ sessionId: list.sessionId });
  }
  return found;
}

/** The sessions whose list of speakers is public: the programme links them. */
export async function publishedListSessions(eventId: string): Promise<ReadonlySet<string>> {
  return new Set(
    (await listsOfEvent(eventId)).filter((list) => list.publishedAt).map((list) => list.sessionId),
  );
}
