import { createHash } from 'node:crypto';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { isLanguage, LANGUAGES, type Language } from '../../shared/i18n/index.js';
import type { EventView } from '../events/index.js';
import { wordDiff } from './compare.js';
import type { Run } from './compilation.js';
import { assertEventOpen, getOutcome, recordParagraphChange } from './outcome.service.js';
import type { OutcomeView, ParagraphView } from './outcome.views.js';
import { itemOf } from './paragraphs.service.js';
import { textOfVersion } from './circulated.js';
import { OutcomeTranslation, translationIdOf } from './translation.model.js';

/** Missing, made from an earlier text of the paragraph, or made from its text as it stands. */
export const TRANSLATION_STATES = ['missing', 'outdated', 'current'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

/** One item of a version beside its translation into one language. */
export interface TranslatedItem {
  item: ParagraphView;
  /** The hash of the item's working-language text, which a translation saved now is made from. */
  sourceHash: string;
  state: TranslationState;
  translation?: { text: string; savedAt: Date; savedBy: string } | undefined;
  /** For an out-of-date translation: how the source changed since it was made, word by word. */
  sourceChange?: Run[] | undefined;
}

/** The fingerprint of a working-language text: a translation remembers the one it was made from. */
export const sourceHashOf = (text: string) =>
  createHash('sha256').update(text.normalize('NFC')).digest('hex');

/** The languages a text is translated into: the event's languages other than the working one. */
export function translationLanguages(
  event: Pick<EventView, 'languages'>,
  outcome: Pick<OutcomeView, 'workingLanguage'>,
): Language[] {
  const languages = event.languages.length ? event.languages : [...LANGUAGES];
  return languages.filter((l) => l !== outcome.workingLanguage);
}

/** A language of the path, one the text is translated into; any other is not found. */
export function translationLanguageOf(
  event: Pick<EventView, 'languages'>,
  outcome: Pick<OutcomeView, 'workingLanguage'>,
  asked: string,
): Language {
  if (!isLanguage(asked) || !translationLanguages(event, outcome).includes(asked)) throw new NotFoundError();
  return asked;
}

/**
 * The items of a version (the one worked on by default) with their translations into `language`,
 * in the text's order. A document's translations are read at once, by equality: one per paragraph
 * it ever had and language.
 */
export async function translatedItems(
  outcome: OutcomeView,
  language: Language,
  version = outcome.currentVersion,
): Promise<TranslatedItem[]> {
  const [items, saved] = await Promise.all([
    textOfVersion(outcome, version),
    OutcomeTranslation.find({ documentId: outcome.id, language }).lean(),
  ]);
  const byRef = new Map(saved.map((t) => [t.ref, t]));
  return items.map((item) => rowOf(item, byRef.get(item.ref)));
}

type Stored = {
  text: string;
  sourceHash: string;
  sourceText?: string | null;
  savedAt: Date;
  savedBy: string;
};

function rowOf(item: ParagraphView, found: Stored | null | undefined): TranslatedItem {
  const sourceHash = sourceHashOf(item.text);
  if (!found) return { item, sourceHash, state: 'missing' };
  const state: TranslationState = found.sourceHash === sourceHash ? 'current' : 'outdated';
  return {
    item,
    sourceHash,
    state,
    translation: { text: found.text, savedAt: found.savedAt, savedBy: found.savedBy },
    sourceChange:
      state === 'outdated' && found.sourceText ? wordDiff(found.sourceText, item.text) : undefined,
  };
}

/** How many items of each state: the page's and the PDF's summary. */
export function translationCounts(rows: TranslatedItem[]): Record<TranslationState, number> {
  const counts = { missing: 0, outdated: 0, current: 0 };
  for (const row of rows) counts[row.state]++;
  return counts;
}

export interface TranslationInput {
  text: string;
  /** The hash of the working-language text the translator had before them. */
  sourceHash: string;
}

/**
 * Saves the translation of one item of the version worked on. It is made from the text the
 * translator saw: if the paragraph changed meanwhile, the translation is kept (nothing typed is
 * lost) but is out of date at once, rather than passing for a translation of the new text.
 */
export async function saveTranslation(
  event: EventView,
  outcomeId: string,
  language: string,
  ref: string,
  input: TranslationInput,
  actor: Actor,
  clock: Clock,
): Promise<{ item: ParagraphView; state: TranslationState }> {
  assertEventOpen(event);
  const outcome = await getOutcome(event.id, outcomeId);
  const into = translationLanguageOf(event, outcome, language);
  const item = await itemOf(outcome, ref);
  if (input.text.length === 0) throw new ValidationError([{ field: 'text', code: 'required' }]);
  const current = sourceHashOf(item.text);
  const _id = translationIdOf(outcome.id, item.ref, into);
  const before = await OutcomeTranslation.findById(_id).lean();
  if (before && before.text === input.text && before.sourceHash === input.sourceHash)
    return { item, state: input.sourceHash === current ? 'current' : 'outdated' };
  const seen = input.sourceHash === current;
  const update = {
    $set: {
      eventId: outcome.eventId,
      documentId: outcome.id,
      ref: item.ref,
      language: into,
      text: input.text,
      sourceHash: input.sourceHash,
      savedAt: clock.now(),
      savedBy: actor.label,
      // The source text is known only when it is the one the translator saw.
      ...(seen && { sourceText: item.text }),
    },
    ...(!seen && { $unset: { sourceText: 1 } }),
  };
  // Two first saves at once both try to insert: the one refused updates what the other stored.
  await OutcomeTranslation.updateOne({ _id }, update, { upsert: true }).catch(async (error: unknown) => {
    if (!isDuplicateKey(error)) throw error;
    await OutcomeTranslation.updateOne({ _id }, update);
  });
  await recordParagraphChange('outcome.translation-saved', outcome, item, actor, clock, [
    { field: 'language', from: undefined, to: into },
    { field: 'translation', from: before?.text, to: input.text },
  ]);
  return { item, state: seen ? 'current' : 'outdated' };
}

/** One item's translations into each language of the event: its page shows them beside it. */
export async function itemTranslations(
  event: Pick<EventView, 'languages'>,
  outcome: OutcomeView,
  item: ParagraphView,
): Promise<(TranslatedItem & { language: Language })[]> {
  return Promise.all(
    translationLanguages(event, outcome).map(async (language) => {
      const found = await OutcomeTranslation.findById(translationIdOf(outcome.id, item.ref, language)).lean();
      return { ...rowOf(item, found), language };
    }),
  );
}
