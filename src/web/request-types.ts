import type { Language, Translate } from '../shared/i18n/index.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** The language the response is written in. */
    language: Language;
    /** Translations in that language. */
    t: Translate;
  }
}
