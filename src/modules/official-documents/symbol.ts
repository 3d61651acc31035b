import type { Language } from '../../shared/i18n/index.js';
import type { Relation } from './document.model.js';

/** Text without accents or case, for keys and searches: "Migración" and "MIGRACION" meet. */
export function foldText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * A symbol as the register compares it: accents and case folded, spaces collapsed and none
 * around the slashes (`un/pop/mig-6cm/2007/20` is `UN / POP / MIG-6CM/2007/20`).
 */
export function symbolKey(symbol: string): string {
  return foldText(symbol)
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
}

/** The words of a text as searched: folded, split at anything that is not a letter or digit. */
export function searchWords(value: string): string[] {
  return foldText(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const LONGEST_PREFIX = 24;

/** Every prefix of every word of the symbol and titles: a search is then one equality lookup. */
export function searchKeysOf(symbol: string, titles: Partial<Record<Language, string>>): string[] {
  const keys = new Set<string>([symbolKey(symbol)]);
  for (const word of [symbol, ...Object.values(titles)].flatMap((t) => searchWords(t ?? ''))) {
    for (let length = 1; length <= Math.min(word.length, LONGEST_PREFIX); length++)
      keys.add(word.slice(0, length));
  }
  return [...keys];
}

/** What a search asks: its words, each cut to the longest prefix kept. */
export function searchTerms(query: string): string[] {
  return [...new Set(searchWords(query).map((w) => w.slice(0, LONGEST_PREFIX)))];
}

const RELATION_SUFFIX: Record<string, Relation> = { rev: 'revision', corr: 'corrigendum', add: 'addendum' };

/** `…/Rev.1`, `…/Corr.2`, `…/Add.1`: the parent's symbol, the relation and its number. */
export function relationOf(
  symbol: string,
): { parentSymbol: string; relation: Relation; number: number } | undefined {
  const found = /^(.+?)\s*\/\s*(Rev|Corr|Add)\.\s*(\d+)$/i.exec(symbol.trim());
  if (!found) return undefined;
  return {
    parentSymbol: found[1]!,
    relation: RELATION_SUFFIX[found[2]!.toLowerCase()]!,
    number: Number(found[3]),
  };
}

/**
 * A file name for a download built from the symbol and language, safe in a header: only ASCII
 * letters, digits, dot, dash and underscore (`UN_POP_MIG-6CM_2007_20-en.pdf`).
 */
export function downloadName(symbol: string, language: string, format: string): string {
  const base = foldText(symbol)
    .toUpperCase()
    .replace(/[^A-Z0-9.-]+/g, '_')
    .replace(/^[_.]+|_+$/g, '')
    .slice(0, 100);
  return `${base || 'document'}-${language}.${format}`;
}

/** A symbol in a URL path: each part between slashes encoded on its own. */
export function symbolPath(symbol: string): string {
  return symbol.split('/').map(encodeURIComponent).join('/');
}
