import { outcomeTextLayout } from './outcome-text.js';
import { systemActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError } from '../../shared/errors.js';
import { translatorFor, type Language } from '../../shared/i18n/index.js';
import { formatInstant } from '../../shared/time.js';
import { instantToLocal } from '../../shared/zoned-time.js';
import { insertUnlessTaken } from '../../db/duplicate-key.js';
import type { PdfRenderer } from '../documents/index.js';
import { localized, type EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { addLanguageVersion, findBySymbol, registerDocument } from '../official-documents/index.js';
import { OutcomeDocument } from './outcome.model.js';
import { versionName, type OutcomeView } from './outcome.views.js';
import { OutcomePublicationClaim } from './silence.model.js';

/** What adopting a text needs besides the mail: the PDF renderer and the register's file limit. */
export interface OutcomeDeps extends MailDeps {
  renderer: PdfRenderer;
  maxBytes: number;
}

/** A claim on a language left without its file this long was abandoned by a process that stopped. */
const ABANDONED_MS = 10 * 60_000;

const publisher = systemActor('Foro (silence procedure ended)');

/** The symbol of an adopted text: the event's, "OUTCOME" and the text's own short mark. */
export const adoptedSymbol = (event: Pick<EventView, 'slug'>, outcome: Pick<OutcomeView, 'id'>) =>
  `${event.slug.toUpperCase()}/OUTCOME/${outcome.id.slice(-6).toUpperCase()}`;

/**
 * Publishes an adopted text as an official document of its event: one document under its symbol,
 * with a PDF of the text in each of the event's languages. Safe to run again after a failure and
 * from several processes at once: the document is looked up by its symbol before it is
 * registered (and the register's unique symbol decides a race), and each language is claimed by
 * an insert before it is drawn, so nothing is published twice. Once every language is in, the
 * text records the symbol and is not looked at again; the symbol is returned to the call that
 * recorded it.
 */
export async function publishAdopted(
  event: EventView,
  outcome: OutcomeView,
  adoptedAt: Date,
  deps: OutcomeDeps,
): Promise<string | undefined> {
  const symbol = adoptedSymbol(event, outcome);
  let document = await findBySymbol(event.id, symbol);
  if (!document) {
    document = await registerDocument(
      event,
      {
        symbol,
        title: outcome.title,
        kind: 'outcome',
        date: instantToLocal(adoptedAt, event.timezone).date,
        distribution: 'general',
        status: 'final',
        sessionIds: [],
        submitter: undefined,
      },
      publisher,
      deps.clock,
    ).catch(async (error: unknown) => {
      // Registered meanwhile by another process: that one is the document.
      const again = await findBySymbol(event.id, symbol);
      if (error instanceof ConflictError && again) return again;
      throw error;
    });
  }
  for (const language of event.languages) {
    if (document.languages.includes(language)) continue;
    const claim = `${outcome.id}:${language}`;
    if (!(await claimLanguage(claim, outcome.id, deps.clock))) continue;
    try {
      const pdf = await adoptedPdf(event, outcome, language, adoptedAt, symbol, deps.renderer);
      await addLanguageVersion(
        event,
        document.id,
        language,
        { bytes: pdf, fileName: `${symbol.replaceAll('/', '_')}-${language}.pdf` },
        publisher,
        deps,
      );
      await OutcomePublicationClaim.updateOne({ _id: claim }, { $set: { doneAt: deps.clock.now() } });
    } catch (error) {
      // Let the next attempt draw it.
      await OutcomePublicationClaim.deleteOne({ _id: claim });
      throw error;
    }
  }
  const published = await findBySymbol(event.id, symbol);
  if (!published || !event.languages.every((l) => published.languages.includes(l))) return undefined;
  const before = await OutcomeDocument.findById(outcome.id, { publishedSymbol: 1 }).lean();
  if (before?.publishedSymbol) return undefined;
  await OutcomeDocument.updateOne(
    { _id: outcome.id },
    { $set: { publishedSymbol: symbol }, $unset: { settling: 1 } },
  );
  return symbol;
}

/** True for the one caller that may draw and upload this language now. */
async function claimLanguage(id: string, documentId: string, clock: Clock): Promise<boolean> {
  const now = clock.now();
  if (await insertUnlessTaken(OutcomePublicationClaim, { _id: id, documentId, claimedAt: now })) return true;
  const held = await OutcomePublicationClaim.findById(id).lean();
  if (!held || held.doneAt || now.getTime() - held.claimedAt.getTime() < ABANDONED_MS) return false;
  // Abandoned: removed by its _id and claim time, so of two takers one removes it and claims anew.
  const { deletedCount } = await OutcomePublicationClaim.deleteOne({ _id: id, claimedAt: held.claimedAt });
  return (
    deletedCount === 1 && insertUnlessTaken(OutcomePublicationClaim, { _id: id, documentId, claimedAt: now })
  );
}

/**
 * The adopted text in one language: its title, version and adoption, then its sections and
 * paragraphs in their translations; where one is missing or out of date the working-language
 * text is printed, marked, and listed at the top (outcome-text.ts).
 */
async function adoptedPdf(
  event: EventView,
  outcome: OutcomeView,
  language: Language,
  adoptedAt: Date,
  symbol: string,
  renderer: PdfRenderer,
): Promise<Buffer> {
  const t = translatorFor(language);
  const text = await outcomeTextLayout(outcome, outcome.currentVersion, language, t, { stamp: symbol });
  const layout = {
    ...text,
    title: localized(outcome.title, language, event.languages),
    subtitle: t('outcome.adoption.subtitle', {
      version: versionName(t, outcome.currentVersion),
      when: formatInstant(adoptedAt, event.timezone, language),
    }),
  };
  return renderer.render({ kind: 'outcome', layout });
}
