import { createHash } from 'node:crypto';
import { insertUnlessTaken } from '../../../db/duplicate-key.js';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { ConflictError, NotFoundError } from '../../../shared/errors.js';
import type { SessionView } from '../../agenda/index.js';
import { recordChange } from '../../audit/index.js';
import type { EventView } from '../../events/index.js';
import { getPerson } from '../../people/index.js';
import { SpeakerStep } from '../speakers-list/speakers.model.js';
import type { EntryStatus } from '../speakers-list/speakers.order.js';
import { addEntry, type PlenaryDeps } from '../speakers-list/speakers.service.js';
import { listState } from '../speakers-list/speakers.state.js';
import type { ListState, ListView } from '../speakers-list/speakers.views.js';

/** What the floor's buttons record, and from where each may be pressed. */
export const FLOOR_STEPS = ['speaking', 'spoke', 'absent', 'withdrawn'] as const;
export type FloorStep = (typeof FLOOR_STEPS)[number];

const FROM: Record<FloorStep, EntryStatus[]> = {
  speaking: ['inscribed', 'absent'],
  spoke: ['inscribed', 'speaking', 'absent'],
  absent: ['inscribed', 'speaking'],
  withdrawn: ['inscribed', 'speaking', 'absent'],
};

/**
 * Records one step of an entry, as seen at `version` (the number of steps the entry had when the
 * page was drawn). The step is an insert of (entry, version + 1) against a unique index: of two
 * devices pressing at once, one wins; the other, and any page drawn before, is refused as stale.
 */
export async function recordFloorStep(
  list: ListView,
  session: SessionView,
  entryId: string,
  step: FloorStep,
  version: number,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const state = await listState(list, session.startsAt);
  const entry = state.entries.find((e) => e.id === entryId);
  if (!entry) throw new NotFoundError();
  if (entry.version !== version || !FROM[step].includes(entry.status))
    throw new ConflictError('SPEAKERS_STALE');
  const won = await insertUnlessTaken(SpeakerStep, {
    listId: list.id,
    entryId,
    version: version + 1,
    status: step,
    at: clock.now(),
    by: actor.label,
  });
  if (!won) throw new ConflictError('SPEAKERS_STALE');
  await recordChange(
    {
      action: `speakers.${step}`,
      subjectType: 'speakers-list',
      subjectId: list.id,
      actor,
      changes: [{ field: 'speaker', from: entry.status, to: entry.speakerName }],
    },
    clock,
  );
}

/** A right of reply for the delegation or person of an entry, added at the end of the list. */
export async function addRightOfReply(
  event: EventView,
  session: SessionView,
  list: ListView,
  entryId: string,
  actor: Actor,
  deps: PlenaryDeps,
): Promise<void> {
  const state = await listState(list, session.startsAt);
  const entry = state.entries.find((e) => e.id === entryId);
  if (!entry?.personId) throw new NotFoundError();
  await addEntry(
    event,
    session,
    list,
    {
      group: entry.group,
      level: entry.level,
      language: entry.language,
      head: entry.head,
      delegationId: entry.delegationId,
      country: entry.country,
      organization: entry.organization,
      person: await getPerson(entry.personId),
      reply: true,
    },
    actor,
    deps,
  );
}

/** A short fingerprint of the list's state: a device polls it and reloads when it changes. */
export function stampOf(state: ListState): string {
  const parts = state.entries.map((e) => `${e.id}:${e.version}:${e.place}`).join('|');
  return createHash('sha256').update(parts).digest('base64url').slice(0, 16);
}
