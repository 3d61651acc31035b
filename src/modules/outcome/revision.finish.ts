import { isDuplicateKey } from '../../db/duplicate-key.js';
import { renumbered, slotKey } from './numbering.js';
import { OutcomeDocument, OutcomeParagraph, OutcomeVersion, versionKeyOf } from './outcome.model.js';
import { toParagraphView, type OutcomeView, type ParagraphView } from './outcome.views.js';
import { OutcomeRound } from './round.model.js';

export const versionIdOf = (documentId: string, version: number) => `${documentId}:${version}`;

/**
 * Finishes the revision issued on top of the version worked on, if one was: its number is claimed
 * (the decision) but the document was not moved on to it, because the process issuing it died
 * between, or because it is still at work. Copies the paragraphs the revision lacks, closes the
 * round and moves the document on. Every step can run twice, or in two processes at once, to the
 * same end: a paragraph is copied once by the unique (versionKey, ref), the other steps set values.
 * Returns the document as it now stands.
 */
export async function finishIssuedRevision(outcome: OutcomeView): Promise<OutcomeView> {
  const version = outcome.currentVersion + 1;
  const claim = await OutcomeVersion.findById(versionIdOf(outcome.id, version)).lean();
  if (!claim) return outcome;
  await copyMissingParagraphs(outcome, version);
  const round = await OutcomeRound.findById(versionIdOf(outcome.id, outcome.currentVersion)).lean();
  if (round && !round.closedAt)
    await OutcomeRound.updateOne({ _id: round._id }, { $set: { closedAt: claim.issuedAt } });
  await OutcomeDocument.updateOne(
    { _id: outcome.id },
    { $set: { currentVersion: version, state: 'drafting' } },
  );
  return { ...outcome, currentVersion: version, state: 'drafting' };
}

/** The version worked on, renumbered, into the next one: each paragraph the next one lacks. */
async function copyMissingParagraphs(outcome: OutcomeView, version: number): Promise<void> {
  const versionKey = versionKeyOf(outcome.id, version);
  const [from, there] = await Promise.all([
    OutcomeParagraph.find({ versionKey: versionKeyOf(outcome.id, outcome.currentVersion) }).lean(),
    OutcomeParagraph.find({ versionKey }, { ref: 1 }).lean(),
  ]);
  const copied = new Set(there.map((p) => p.ref));
  const rows = copiesInto(outcome, version, from.map(toParagraphView)).filter((row) => !copied.has(row.ref));
  if (rows.length === 0) return;
  try {
    await OutcomeParagraph.insertMany(rows);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // Another process copies at the same time: each row once, whoever stores it.
    for (const row of rows)
      await OutcomeParagraph.create(row).catch((e: unknown) => {
        if (!isDuplicateKey(e)) throw e;
      });
  }
}

/**
 * The rows of a version's paragraphs copied into the next one, in order: renumbered from the
 * whole version, so a paragraph copied late gets the number it would have had.
 */
export function copiesInto(
  outcome: Pick<OutcomeView, 'id' | 'eventId'>,
  version: number,
  paragraphs: ParagraphView[],
) {
  const versionKey = versionKeyOf(outcome.id, version);
  return renumbered(paragraphs).map((item) => ({
    eventId: outcome.eventId,
    documentId: outcome.id,
    versionKey,
    ref: item.ref,
    kind: item.kind,
    number: item.number,
    suffix: item.suffix,
    slot: slotKey(item, item.ref),
    position: item.position,
    text: item.text,
    status: item.status,
  }));
}
