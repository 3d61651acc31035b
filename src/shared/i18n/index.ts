import i18next, { type TFunction } from 'i18next';
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };
import pt from './pt.json' with { type: 'json' };
import { withCountryArticles } from './portuguese-countries.js';

export const LANGUAGES = ['es', 'pt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'es';
export type Translate = TFunction;

export const catalogs = { es, en, pt } as const;
/** The shape of a message catalogue (Spanish is the reference; a test checks the others match). */
export type Catalogue = typeof es;

/**
 * The locale dates and numbers are written in: Brazilian Portuguese, and English as the UN
 * writes it ("Thursday, 10 April 2008", not "Thursday, April 10, 2008").
 */
export const INTL_LOCALE: Record<Language, string> = { es: 'es', pt: 'pt-BR', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export interface Translator {
  /** A translation function fixed to one language. */
  forLanguage(language: Language): Translate;
}

/** One i18next instance per app; catalogs are bundled, so it is ready synchronously. */
export function createTranslator(): Translator {
  const instance = i18next.createInstance();
  instance.use({
    type: 'postProcessor',
    name: 'countryArticles',
    process: (value: string, _key: unknown, options: { lng?: string }) =>
      options.lng === 'pt' ? withCountryArticles(value) : value,
  });
  void instance.init({
    postProcess: ['countryArticles'],
    initAsync: false,
    resources: { es: { translation: es }, en: { translation: en }, pt: { translation: pt } },
    supportedLngs: [...LANGUAGES],
    fallbackLng: DEFAULT_LANGUAGE,
    // Eta escapes on output; escaping here as well would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return { forLanguage: (language) => instance.getFixedT(language) };
}

/**
 * Picks the best supported language from an Accept-Language header, honouring q-values;
 * regional variants (pt-BR, es-EC) count for their base language.
 */
export function languageFromAcceptHeader(header: string | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return {
        base: tag.trim().toLowerCase().split('-')[0],
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLanguage);
}

let shared: Translator | undefined;

/** Translation outside a request (mails, files), in the recipient's language. */
export function translatorFor(language: Language): Translate {
  shared ??= createTranslator();
  return shared.forLanguage(language);
}

/**
 * A translation of plain keys (no values put in) that asks i18next once per key: for files of
 * many rows, where each lookup's garbage would otherwise be made again for every row.
 */
export function translatedOnce(t: Translate): (key: string) => string {
  const done = new Map<string, string>();
  return (key) => {
    let text = done.get(key);
    if (text === undefined) {
      text = t(key);
      done.set(key, text);
    }
    return text;
  };
}
