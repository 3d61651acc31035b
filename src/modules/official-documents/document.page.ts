import type { Request } from 'express';
import { INTL_LOCALE } from '../../shared/i18n/index.js';
import type { Trilingual } from '../../shared/trilingual.js';
import { localized, type EventView } from '../events/index.js';

/** A size as people read it: "48 KB", "1,2 MB". */
export function sizeText(bytes: number, language: keyof typeof INTL_LOCALE): string {
  const format = (value: number, digits: number) =>
    new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  return `${format(bytes / (1024 * 1024), 1)} MB`;
}

/** What the documents' pages ask of the reader's language: titles and sizes. */
export function pageHelpers(req: Request, event: EventView) {
  return {
    localized: (title: Trilingual) => localized(title, req.language, event.languages),
    size: (bytes: number) => sizeText(bytes, req.language),
  };
}
