import mongoose, { Schema } from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { ComparedItem } from './compare.js';
import type { OutcomeView, ParagraphView } from './outcome.views.js';
import { itemsOf } from './paragraphs.service.js';

/**
 * A version's text as it went out for amendments, taken when its round opens: the facilitator's
 * decisions then change the version's own paragraphs on the way to the next revision, so without
 * it "Rev.1 compared with the zero draft" would compare Rev.1 with itself. One document a version
 * (`<document id>:<version>`), written once; a text of a few hundred paragraphs fits in it.
 */
const circulatedSchema = new Schema(
  {
    _id: { type: String, required: true },
    documentId: { type: String, required: true },
    items: [
      new Schema(
        {
          ref: { type: String, required: true },
          kind: { type: String, required: true },
          label: { type: String, default: '' },
          text: { type: String, default: '' },
        },
        { _id: false },
      ),
    ],
  },
  { versionKey: false },
);

const OutcomeCirculatedText = mongoose.model(
  'OutcomeCirculatedText',
  circulatedSchema,
  'outcome_circulated_texts',
);

const idOf = (outcome: OutcomeView, version: number) => `${outcome.id}:${version}`;

/** Keeps the current version's text as circulated; a later round on the same version keeps the first. */
export async function keepCirculatedText(outcome: OutcomeView, items: ParagraphView[]): Promise<void> {
  try {
    await OutcomeCirculatedText.create({
      _id: idOf(outcome, outcome.currentVersion),
      documentId: outcome.id,
      items: items.map(({ ref, kind, label, text }) => ({ ref, kind, label, text })),
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** A version's text as circulated, if a round was opened on it. */
export async function circulatedTextOf(
  outcome: OutcomeView,
  version: number,
): Promise<ComparedItem[] | undefined> {
  const found = await OutcomeCirculatedText.findById(idOf(outcome, version)).lean();
  return found?.items.map((item) => ({ ...item, kind: item.kind as ComparedItem['kind'] }));
}

/**
 * The text of a version as readers know it: an earlier version as its round received it (the
 * decisions since changed its paragraphs on the way to the next revision), any other as stored.
 * The comparison, each language's PDF and the translations of a version all read it here.
 */
export async function textOfVersion(outcome: OutcomeView, version: number): Promise<ParagraphView[]> {
  const circulated = version < outcome.currentVersion ? await circulatedTextOf(outcome, version) : undefined;
  if (!circulated) return itemsOf(outcome, version);
  const stored = new Map((await itemsOf(outcome, version)).map((item) => [item.ref, item]));
  return circulated.map((item, position) => ({
    ...(stored.get(item.ref) ?? { id: item.ref, number: 0, suffix: 0, status: 'pending' as const }),
    ref: item.ref,
    kind: item.kind,
    label: item.label,
    text: item.text,
    position,
  }));
}
