import type { Language } from './i18n/index.js';

/** Text an organizer gives in some of Foro's three languages. */
export type Trilingual = Partial<Record<Language, string>>;

/** A stored trilingual value as Foro passes it around: only the languages that have text. */
export function trilingual(
  value: { es?: string | null; en?: string | null; pt?: string | null } | null | undefined,
): Trilingual {
  const out: Trilingual = {};
  for (const language of ['es', 'en', 'pt'] as const) {
    const text = value?.[language];
    if (text) out[language] = text;
  }
  return out;
}

/** Text in the wanted language, else in the event's languages in order, else any. */
export function localized(
  text: Trilingual,
  language: Language,
  order: Language[] = ['es', 'en', 'pt'],
): string {
  return text[language] ?? order.map((l) => text[l]).find(Boolean) ?? Object.values(text).find(Boolean) ?? '';
}
