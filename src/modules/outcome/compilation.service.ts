import { z } from 'zod';
import { isCountryCode } from '../../shared/countries.js';
import type { Language, Translate } from '../../shared/i18n/index.js';
import { compile, type CompilationWords, type CompiledLine } from './compilation.js';
import { PARAGRAPH_STATUSES } from './outcome.model.js';
import type { OutcomeView } from './outcome.views.js';
import { itemsOf } from './paragraphs.service.js';
import { proposalsOf } from './proposals.service.js';

const countryCode = z.string().trim().toUpperCase().refine(isCountryCode, { message: 'invalid_country' });

/** The compilation's filters: one delegation's proposals, paragraphs of one status, paragraphs with open proposals. */
export const compilationQuery = z.strictObject({
  delegation: countryCode.optional(),
  status: z.enum(PARAGRAPH_STATUSES).optional(),
  open: z.literal('yes').optional(),
});
export type CompilationQuery = z.output<typeof compilationQuery>;

export function compilationWords(t: Translate, language: Language): CompilationWords {
  return {
    language,
    supportedBy: t('outcome.compilation.supportedBy'),
    objectedBy: t('outcome.compilation.objectedBy'),
    deleteParagraph: t('outcome.compilation.deleteParagraph'),
    newParagraph: (label) => t('outcome.compilation.newParagraph', { label }),
  };
}

/**
 * The version under amendment with its open proposals inline (withdrawn and decided ones are
 * left out). With a filter, only the paragraphs it keeps, and no section headings.
 */
export async function compilationOf(
  outcome: OutcomeView,
  query: CompilationQuery,
  words: CompilationWords,
): Promise<CompiledLine[]> {
  const [items, proposals] = await Promise.all([itemsOf(outcome), proposalsOf(outcome)]);
  const open = proposals.filter((p) => p.state === 'open');
  const shown = query.delegation ? open.filter((p) => p.country === query.delegation) : open;
  const filtered = Boolean(query.delegation || query.status || query.open);
  const kept = items.filter((item) => {
    if (item.kind === 'section') return !filtered;
    if (query.status && item.status !== query.status) return false;
    if ((query.open || query.delegation) && !shown.some((p) => p.paragraphRef === item.ref)) return false;
    return true;
  });
  return compile(kept, shown, words);
}
