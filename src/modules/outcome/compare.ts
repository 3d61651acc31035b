import { diffWords } from 'diff';
import type { Run } from './compilation.js';

/** One paragraph of a comparison: matched by its stable id, changed word by word, added or removed whole. */
export interface ComparedLine {
  ref: string;
  kind: 'section' | 'PP' | 'OP';
  /** Its label in the later version (in the earlier one for a removed paragraph). */
  label: string;
  change: 'same' | 'changed' | 'added' | 'removed';
  runs: Run[];
}

export interface ComparedItem {
  ref: string;
  kind: 'section' | 'PP' | 'OP';
  label: string;
  text: string;
}

/** Two texts word by word: kept words plain, insertions and deletions marked. */
export function wordDiff(before: string, after: string): Run[] {
  return diffWords(before, after).map((part) => ({
    text: part.value,
    style: part.added ? 'ins' : part.removed ? 'del' : 'plain',
  }));
}

function compared(before: ComparedItem | undefined, after: ComparedItem): ComparedLine {
  const { ref, kind, label } = after;
  if (!before) return { ref, kind, label, change: 'added', runs: [{ text: after.text, style: 'ins' }] };
  if (before.text === after.text)
    return { ref, kind, label, change: 'same', runs: [{ text: after.text, style: 'plain' }] };
  return { ref, kind, label, change: 'changed', runs: wordDiff(before.text, after.text) };
}

/**
 * Two versions paragraph by paragraph, in the later version's order. A paragraph removed shows
 * whole, after the one it followed in the earlier version (or first, when that one is gone too).
 */
export function compareVersions(before: ComparedItem[], after: ComparedItem[]): ComparedLine[] {
  const earlier = new Map(before.map((item) => [item.ref, item]));
  const later = new Set(after.map((item) => item.ref));
  const removedAfter = new Map<string, ComparedLine[]>();
  let anchor = '';
  for (const item of before) {
    if (later.has(item.ref)) {
      anchor = item.ref;
      continue;
    }
    const line: ComparedLine = {
      ref: item.ref,
      kind: item.kind,
      label: item.label,
      change: 'removed',
      runs: [{ text: item.text, style: 'del' }],
    };
    removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), line]);
  }
  return [
    ...(removedAfter.get('') ?? []),
    ...after.flatMap((item) => [
      compared(earlier.get(item.ref), item),
      ...(removedAfter.get(item.ref) ?? []),
    ]),
  ];
}
