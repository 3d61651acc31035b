import mongoose from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import type { EventView } from '../events/index.js';
import { slotAfter, slotKey, slotsAppended, type ItemKind, type Slot } from './numbering.js';
import { OutcomeParagraph, versionKeyOf } from './outcome.model.js';
import type { ImportInput, ItemInput } from './outcome.schemas.js';
import {
  assertEventOpen,
  getOutcome,
  recordOutcomeChange,
  recordParagraphChange,
} from './outcome.service.js';
import { toParagraphView, type OutcomeView, type ParagraphView } from './outcome.views.js';
import { labelOf } from './numbering.js';
import { readDraft } from './text-import.js';

/** The items of one version in the text's order (a few hundred at most, read by equality). */
export async function itemsOf(
  outcome: OutcomeView,
  version = outcome.currentVersion,
): Promise<ParagraphView[]> {
  const found = await OutcomeParagraph.find({ versionKey: versionKeyOf(outcome.id, version) }).lean();
  return found.map(toParagraphView).sort((a, b) => a.position - b.position);
}

/** One item of the current version by its stable id. */
export async function itemOf(outcome: OutcomeView, ref: string): Promise<ParagraphView> {
  if (!mongoose.isValidObjectId(ref)) throw new NotFoundError();
  const found = await OutcomeParagraph.findOne({
    versionKey: versionKeyOf(outcome.id, outcome.currentVersion),
    ref,
  }).lean();
  if (!found) throw new NotFoundError();
  return toParagraphView(found);
}

/** The text is written only while it is drafted; rounds and revisions change it their own way. */
async function draftOf(event: EventView, outcomeId: string): Promise<OutcomeView> {
  assertEventOpen(event);
  const outcome = await getOutcome(event.id, outcomeId);
  if (outcome.state !== 'drafting') throw new ConflictError('OUTCOME_NOT_DRAFTING');
  return outcome;
}

const stored = (outcome: OutcomeView, slot: Slot, text: string, ref = new mongoose.Types.ObjectId()) => ({
  eventId: outcome.eventId,
  documentId: outcome.id,
  versionKey: versionKeyOf(outcome.id, outcome.currentVersion),
  ref: String(ref),
  ...slot,
  slot: slotKey(slot, String(ref)),
  text,
  status: 'pending' as const,
});

/** Adds a heading or paragraph after another (or at the end) of the version being drafted. */
export async function addItem(
  event: EventView,
  outcomeId: string,
  input: ItemInput,
  actor: Actor,
  clock: Clock,
): Promise<ParagraphView> {
  const outcome = await draftOf(event, outcomeId);
  const items = await itemsOf(outcome);
  const after = input.after ? items.find((item) => item.ref === input.after) : undefined;
  if (input.after && !after) throw new ValidationError([{ field: 'after', code: 'invalid_choice' }]);
  const item = await insertAfter(outcome, input.kind, after, input.text);
  await recordParagraphChange('outcome.paragraph-added', outcome, item, actor, clock, [
    { field: 'text', from: undefined, to: input.text },
  ]);
  return item;
}

/**
 * Stores an item after another (or at the end) of the version worked on. Of two added at once in
 * one place, the unique slot keeps the first; the second takes the next "bis" on a fresh read.
 */
export async function insertAfter(
  outcome: OutcomeView,
  kind: ItemKind,
  after: ParagraphView | undefined,
  text: string,
): Promise<ParagraphView> {
  for (let attempt = 0; ; attempt++) {
    const items = await itemsOf(outcome);
    const at = after ? items.find((item) => item.ref === after.ref) : undefined;
    try {
      const created = await OutcomeParagraph.create(stored(outcome, slotAfter(items, kind, at), text));
      return toParagraphView(created.toObject());
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= 4) throw error;
    }
  }
}

export async function editItem(
  event: EventView,
  outcomeId: string,
  ref: string,
  text: string,
  actor: Actor,
  clock: Clock,
): Promise<ParagraphView> {
  const outcome = await draftOf(event, outcomeId);
  const before = await itemOf(outcome, ref);
  if (before.text === text) return before;
  await OutcomeParagraph.updateOne({ _id: before.id }, { $set: { text } });
  await recordParagraphChange('outcome.paragraph-updated', outcome, before, actor, clock, [
    { field: 'text', from: before.text, to: text },
  ]);
  return { ...before, text };
}

/** Takes an item out of the draft; the numbers of the others stay until a revision renumbers. */
export async function removeItem(
  event: EventView,
  outcomeId: string,
  ref: string,
  actor: Actor,
  clock: Clock,
): Promise<ParagraphView> {
  const outcome = await draftOf(event, outcomeId);
  const item = await itemOf(outcome, ref);
  const { deletedCount } = await OutcomeParagraph.deleteOne({ _id: item.id });
  if (deletedCount === 0) throw new NotFoundError();
  await recordParagraphChange('outcome.paragraph-removed', outcome, item, actor, clock, [
    { field: 'text', from: item.text, to: undefined },
  ]);
  return item;
}

/** What an import would add, numbered as it would be, without storing anything. */
export async function previewImport(outcome: OutcomeView, input: ImportInput) {
  const read = readDraft(input.source, input.firstKind);
  const slots = slotsAppended(
    await itemsOf(outcome),
    read.map((item) => item.kind),
  );
  return read.map((item, i) => ({ ...item, label: labelOf(slots[i]!) }));
}

/** Appends an imported draft to the version being drafted, in one insert. */
export async function importDraft(
  event: EventView,
  outcomeId: string,
  input: ImportInput,
  actor: Actor,
  clock: Clock,
): Promise<number> {
  const outcome = await draftOf(event, outcomeId);
  const read = readDraft(input.source, input.firstKind);
  const slots = slotsAppended(
    await itemsOf(outcome),
    read.map((item) => item.kind),
  );
  const rows = read.map((item, i) => stored(outcome, slots[i]!, item.text));
  try {
    await OutcomeParagraph.insertMany(rows);
  } catch (error) {
    // Someone added a paragraph meanwhile: what this import stored goes, and it is tried again.
    const refs = new Set(rows.map((row) => row.ref));
    const versionKey = versionKeyOf(outcome.id, outcome.currentVersion);
    for (const item of await OutcomeParagraph.find({ versionKey }, { ref: 1 }).lean())
      if (refs.has(item.ref)) await OutcomeParagraph.deleteOne({ _id: item._id });
    if (isDuplicateKey(error)) throw new ConflictError('OUTCOME_CHANGED_MEANWHILE');
    throw error;
  }
  await recordOutcomeChange('outcome.imported', outcome, actor, clock, [
    { field: 'count', from: undefined, to: read.length },
  ]);
  return read.length;
}
