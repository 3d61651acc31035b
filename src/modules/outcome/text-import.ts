import { ValidationError } from '../../shared/errors.js';
import { LIMITS } from '../../shared/limits.js';
import type { ItemKind, ParagraphKind } from './numbering.js';

/** One block of an imported text as it will be stored. */
export interface ImportedItem {
  kind: ItemKind;
  text: string;
}

/** A whole draft pasted at once: a few hundred paragraphs at most. */
export const IMPORT_LIMITS = { characters: 300_000, items: 500 } as const;

const HEADING = /^#{1,6}\s+(.*)$/s;
// "PP1.", "OP 3 bis)", "op:" at the start of a block say its kind; the number itself is Foro's to give.
const KIND_MARK = /^(PP|OP)\s*(\d+\s*(bis|ter|quater)?)?\s*[.):-]?\s+/i;
const LIST_MARK = /^(\d+[.)]|[-*+])\s+/;

/**
 * Reads a draft written in plain text or Markdown: blocks separated by a blank line, a heading
 * (`#`, `##`…) makes a section, "PP"/"OP" at the start of a block sets the kind of it and of the
 * blocks after it (until another mark), list markers and emphasis marks are dropped, and the lines
 * of a block are joined. Blocks before any mark take `firstKind`.
 */
export function readDraft(source: string, firstKind: ParagraphKind): ImportedItem[] {
  const blocks = source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  if (blocks.length > IMPORT_LIMITS.items)
    throw new ValidationError([
      { field: 'source', code: 'too_many_paragraphs', params: { max: IMPORT_LIMITS.items } },
    ]);
  let kind: ParagraphKind = firstKind;
  return blocks.map((block, index) => {
    const heading = HEADING.exec(block);
    if (heading) return checked({ kind: 'section', text: oneLine(heading[1] ?? '') }, index);
    const mark = KIND_MARK.exec(block);
    if (mark) kind = mark[1]!.toUpperCase() as ParagraphKind;
    const body = (mark ? block.slice(mark[0].length) : block).replace(LIST_MARK, '');
    return checked({ kind, text: oneLine(body) }, index);
  });
}

function oneLine(text: string): string {
  return text
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

function checked(item: ImportedItem, index: number): ImportedItem {
  const max = item.kind === 'section' ? LIMITS.title : LIMITS.description;
  if (item.text.length > max)
    throw new ValidationError([
      { field: 'source', code: 'block_too_long', params: { block: index + 1, max } },
    ]);
  return item;
}
