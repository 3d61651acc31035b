import type { Language, Translate } from '../../shared/i18n/index.js';
import type { OutcomeLayout } from '../documents/index.js';
import { titleOf } from './outcome.service.js';
import { versionName, type OutcomeView, type ParagraphView } from './outcome.views.js';
import { textOfVersion } from './circulated.js';
import { translatedItems, type TranslatedItem } from './translations.service.js';

/** How a paragraph is named in a list: its label, or a heading's first words. */
const nameOf = (item: ParagraphView) =>
  item.label || `“${item.text.length > 50 ? `${item.text.slice(0, 49)}…` : item.text}”`;

/**
 * One version of a text in one language, ready for the PDF renderer (`renderOutcomePdf`, or a
 * `{ kind: 'outcome', layout }` job of the documents' renderer). In a language other than the
 * working one, each paragraph is printed in its translation; a paragraph without an up-to-date
 * translation is printed in the working language, marked as such, and listed at the top, so the
 * reader is never handed the working language for a translation.
 */
export async function outcomeTextLayout(
  outcome: OutcomeView,
  version: number,
  language: Language,
  t: Translate,
  options: { stamp?: string } = {},
): Promise<OutcomeLayout> {
  const title = outcome.title[language] ?? titleOf(outcome);
  const working = t(`language.${outcome.workingLanguage}`);
  const base = {
    language,
    title,
    subtitle: `${versionName(t, version)} · ${t('outcome.translations.versionIn', { language: t(`language.${language}`) })}`,
    stamp: options.stamp ?? `${title} · ${versionName(t, version)}`,
    pageOf: t('outcome.compilation.pageOf'),
    empty: t('outcome.noParagraphs'),
  };
  if (language === outcome.workingLanguage) {
    const items = await textOfVersion(outcome, version);
    return { ...base, lines: items.map((item) => lineOf(item, item.text)) };
  }
  const rows = await translatedItems(outcome, language, version);
  const lacking = rows.filter((row) => row.state !== 'current');
  const noteOf = (row: TranslatedItem) => ({
    text: `[${t(`outcome.translations.printed.${row.state}`, { language: working })}]`,
    at: 'start' as const,
  });
  return {
    ...base,
    notice: lacking.length
      ? {
          heading: t('outcome.translations.lackingHeading', { count: lacking.length, language: working }),
          items: lacking.map(
            (row) => `${nameOf(row.item)}: ${t(`outcome.translations.states.${row.state}`)}`,
          ),
        }
      : undefined,
    lines: rows.map((row) =>
      row.state === 'current'
        ? lineOf(row.item, row.translation!.text)
        : { ...lineOf(row.item, row.item.text), note: noteOf(row), language: outcome.workingLanguage },
    ),
  };
}

function lineOf(item: ParagraphView, text: string): OutcomeLayout['lines'][number] {
  return {
    kind: item.kind === 'section' ? 'section' : 'paragraph',
    label: item.label,
    runs: [{ text, style: 'plain' }],
  };
}
