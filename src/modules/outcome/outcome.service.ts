import mongoose from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import { diff, recordChange } from '../audit/index.js';
import type { EventView } from '../events/index.js';
import { OutcomeDocument } from './outcome.model.js';
import type { OutcomeInput } from './outcome.schemas.js';
import { toOutcomeView, type OutcomeView } from './outcome.views.js';
import { finishIssuedRevision } from './revision.finish.js';

/** The title as the history names it: in the working language, or the first one written. */
export const titleOf = (o: Pick<OutcomeView, 'title' | 'workingLanguage'>) =>
  o.title[o.workingLanguage] ?? o.title.es ?? o.title.pt ?? o.title.en ?? '';

/** An archived event's record is closed. */
export function assertEventOpen(event: EventView): void {
  if (event.status === 'archived') throw new ConflictError('EVENT_ARCHIVED');
}

/** Starts an outcome document: its zero draft is empty and being drafted. */
export async function createOutcome(
  event: EventView,
  input: OutcomeInput,
  actor: Actor,
  clock: Clock,
): Promise<OutcomeView> {
  assertEventOpen(event);
  const created = await OutcomeDocument.create({
    eventId: event.id,
    title: input.title,
    workingLanguage: input.workingLanguage,
    state: 'drafting',
    currentVersion: 0,
  });
  const outcome = toOutcomeView(created.toObject());
  await recordChange(
    {
      action: 'outcome.created',
      subjectType: 'outcome',
      subjectId: outcome.id,
      actor,
      changes: [{ field: 'title', from: undefined, to: titleOf(outcome) }],
    },
    clock,
  );
  return outcome;
}

/** Changes the titles or the working language. */
export async function updateOutcome(
  event: EventView,
  outcomeId: string,
  input: OutcomeInput,
  actor: Actor,
  clock: Clock,
): Promise<OutcomeView> {
  assertEventOpen(event);
  const before = await getOutcome(event.id, outcomeId);
  await OutcomeDocument.updateOne(
    { _id: outcomeId },
    { $set: { title: input.title, workingLanguage: input.workingLanguage } },
  );
  const after = await getOutcome(event.id, outcomeId);
  const pick = (o: OutcomeView) => ({ title: o.title, workingLanguage: o.workingLanguage });
  const changes = diff(pick(before), pick(after));
  if (changes.length > 0)
    await recordChange(
      {
        action: 'outcome.updated',
        subjectType: 'outcome',
        subjectId: outcomeId,
        actor,
        changes: [{ field: 'name', from: titleOf(after), to: titleOf(after) }, ...changes],
      },
      clock,
    );
  return after;
}

/**
 * An event's outcome document. A revision issued on it but left unfinished (the process issuing
 * it died half-way) is finished first, so nobody reads or changes a version already frozen;
 * `finishRevision: false` reads it as stored.
 */
export async function getOutcome(
  eventId: string,
  outcomeId: string,
  options: { finishRevision?: boolean } = {},
): Promise<OutcomeView> {
  if (!mongoose.isValidObjectId(outcomeId)) throw new NotFoundError();
  const found = await OutcomeDocument.findById(outcomeId).lean();
  if (!found || found.eventId !== eventId) throw new NotFoundError();
  const outcome = toOutcomeView(found);
  return options.finishRevision === false ? outcome : finishIssuedRevision(outcome);
}

/** An event's outcome documents (a handful), the oldest first. */
export async function listOutcomes(eventId: string): Promise<OutcomeView[]> {
  const found = await OutcomeDocument.find({ eventId }).lean();
  return found.map(toOutcomeView).sort((a, b) => a.id.localeCompare(b.id));
}

type Change = { field: string; from: unknown; to: unknown };

/** A change to a text, in its history: the text's title first, then what changed. */
export async function recordOutcomeChange(
  action: string,
  outcome: OutcomeView,
  actor: Actor,
  clock: Clock,
  changes: Change[],
): Promise<void> {
  await recordChange(
    {
      action,
      subjectType: 'outcome',
      subjectId: outcome.id,
      actor,
      changes: [{ field: 'name', from: titleOf(outcome), to: titleOf(outcome) }, ...changes],
    },
    clock,
  );
}

/** What a step added, as changes from nothing (a deadline, a reason, a symbol). */
export const addedFields = (extra: Record<string, unknown>): Change[] =>
  Object.entries(extra).map(([field, to]) => ({ field, from: undefined, to }));

/**
 * A change to one paragraph of a text, in the text's history: the text's title, the paragraph's
 * label (its first words while it has none) and what changed.
 */
export async function recordParagraphChange(
  action: string,
  outcome: OutcomeView,
  paragraph: { label: string; text?: string },
  actor: Actor,
  clock: Clock,
  changes: Change[],
): Promise<void> {
  await recordOutcomeChange(action, outcome, actor, clock, [
    { field: 'paragraph', from: undefined, to: paragraph.label || (paragraph.text ?? '').slice(0, 80) },
    ...changes,
  ]);
}
