/** What a line of an outcome document is: a section heading, a preambular or an operative paragraph. */
export const ITEM_KINDS = ['section', 'PP', 'OP'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export type ParagraphKind = Exclude<ItemKind, 'section'>;

/** The place of an item in its version: its kind, its number within the kind, its "bis" rank, its order. */
export interface Slot {
  kind: ItemKind;
  number: number;
  suffix: number;
  position: number;
}

/** The Latin ordinals negotiators use for paragraphs added between two numbered ones. */
const SUFFIXES = ['', 'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'];

/** "OP3", "OP3 bis", "PP2 ter"; a section has no number. */
export function labelOf(slot: Pick<Slot, 'kind' | 'number' | 'suffix'>): string {
  if (slot.kind === 'section') return '';
  const base = `${slot.kind}${slot.number}`;
  if (slot.suffix === 0) return base;
  return `${base} ${SUFFIXES[slot.suffix] ?? `(${slot.suffix + 1})`}`;
}

/** The key a version keeps unique, so two items added at once never share a number. */
export const slotKey = (slot: Pick<Slot, 'kind' | 'number' | 'suffix'>, ref: string) =>
  slot.kind === 'section' ? `section:${ref}` : `${slot.kind}${slot.number}.${slot.suffix}`;

const GAP = 1024;
const byPosition = <T extends Pick<Slot, 'position'>>(items: T[]) =>
  [...items].sort((a, b) => a.position - b.position);

/**
 * Where a new item of `kind` goes when placed after `afterIndex` of `ordered` (or at the end):
 * the next number when no paragraph of its kind follows it, otherwise the number of the paragraph
 * before it with the next free "bis" rank, so the numbers people already cite stay as they are.
 */
export function slotAfter<T extends Slot>(items: T[], kind: ItemKind, after: T | undefined): Slot {
  const ordered = byPosition(items);
  const at = after ? ordered.indexOf(after) : ordered.length - 1;
  const next = ordered[at + 1];
  const position =
    at < 0 ? (next ? next.position - GAP : 0) : midpoint(ordered[at]!.position, next?.position);
  if (kind === 'section') return { kind, number: 0, suffix: 0, position };
  const same = ordered.filter((item) => item.kind === kind);
  const before = same.filter((item) => item.position < position);
  const previous = before[before.length - 1];
  const followed = same.some((item) => item.position > position);
  if (!followed) return { kind, number: (previous?.number ?? 0) + 1, suffix: 0, position };
  const number = previous?.number ?? 0;
  const used = same.filter((item) => item.number === number).map((item) => item.suffix);
  return { kind, number, suffix: Math.max(0, ...used) + 1, position };
}

function midpoint(from: number, to: number | undefined): number {
  return to === undefined ? from + GAP : (from + to) / 2;
}

/** The numbers a revision gives: each kind counted from 1 in the text's order, no "bis" left. */
export function renumbered<T extends Slot>(items: T[]): (T & Slot)[] {
  const counters: Record<ItemKind, number> = { section: 0, PP: 0, OP: 0 };
  return byPosition(items).map((item, index) => ({
    ...item,
    number: item.kind === 'section' ? 0 : ++counters[item.kind],
    suffix: 0,
    position: (index + 1) * GAP,
  }));
}

/** The slots of items appended in order at the end of a version. */
export function slotsAppended<T extends Slot>(items: T[], kinds: ItemKind[]): Slot[] {
  const all: Slot[] = [...items];
  return kinds.map((kind) => {
    const slot = slotAfter(all, kind, undefined);
    all.push(slot);
    return slot;
  });
}
