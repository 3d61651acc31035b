import { countryCollator, countryName } from '../../shared/countries.js';
import type { Language } from '../../shared/i18n/index.js';

/** A piece of a compiled paragraph: plain words, proposed insertions (bold) or deletions (struck through). */
export interface Run {
  text: string;
  style: 'plain' | 'ins' | 'del';
}

/** One line of the compilation: a heading, a paragraph with its proposals inline, or a proposed new paragraph. */
export interface CompiledLine {
  kind: 'section' | 'paragraph' | 'new-paragraph';
  ref: string;
  label: string;
  runs: Run[];
  /** A paragraph's status, once the facilitator set one other than pending. */
  status?: string | undefined;
}

export interface CompiledItem {
  ref: string;
  kind: 'section' | 'PP' | 'OP';
  label: string;
  text: string;
  status?: string | undefined;
}

export interface CompiledProposal {
  id: string;
  paragraphRef: string;
  kind: 'replace' | 'insert' | 'delete' | 'add-after';
  passage?: string | undefined;
  text?: string | undefined;
  country?: string | undefined;
  observerName?: string | undefined;
  supporters: string[];
  objectors: string[];
}

/** The words the convention writes, in the reader's language. */
export interface CompilationWords {
  language: Language;
  supportedBy: string;
  objectedBy: string;
  deleteParagraph: string;
  newParagraph: (label: string) => string;
}

/** States in the order of the participant list: Spanish alphabetical order of their short names. */
export function participantOrder(codes: string[]): string[] {
  const spanish = countryCollator('es');
  return [...new Set(codes)].sort((a, b) => spanish.compare(countryName(a, 'es'), countryName(b, 'es')));
}

/** "(Brasil, Ecuador; supported by: México; objected by: Chile)". */
export function attribution(proposal: CompiledProposal, words: CompilationWords): string {
  const names = (codes: string[]) => participantOrder(codes).map((c) => countryName(c, words.language));
  const who = [
    ...(proposal.country ? names([proposal.country]) : []),
    ...(proposal.observerName ? [proposal.observerName] : []),
  ];
  const parts = [who.join(', ')];
  if (proposal.supporters.length)
    parts.push(`${words.supportedBy}: ${names(proposal.supporters).join(', ')}`);
  if (proposal.objectors.length) parts.push(`${words.objectedBy}: ${names(proposal.objectors).join(', ')}`);
  return `(${parts.join('; ')})`;
}

interface Anchored {
  proposal: CompiledProposal;
  start: number;
  end: number;
}

/** Where a replacement or insertion goes in the text: the passage's first occurrence (an insertion without one goes at the end). */
function anchorOf(text: string, p: CompiledProposal): Anchored | undefined {
  if (p.kind === 'insert' && !p.passage) return { proposal: p, start: text.length, end: text.length };
  const at = p.passage ? text.indexOf(p.passage) : -1;
  if (at < 0) return undefined;
  const end = at + p.passage!.length;
  return p.kind === 'insert' ? { proposal: p, start: end, end } : { proposal: p, start: at, end };
}

/** The bracket of one proposal at its place: [~~passage~~ **text** (states…)]. */
function bracket(p: CompiledProposal, replaced: string, words: CompilationWords): Run[] {
  return [
    { text: '[', style: 'plain' },
    ...(replaced
      ? [
          { text: replaced, style: 'del' as const },
          { text: ' ', style: 'plain' as const },
        ]
      : []),
    { text: p.text ?? '', style: 'ins' },
    { text: ` ${attribution(p, words)}]`, style: 'plain' },
  ];
}

/**
 * One paragraph with its proposals inline. Proposals that overlap one already placed (two
 * replacements of the same words) follow the paragraph as alternatives, in the order given;
 * a deletion is one bracket at the end.
 */
export function compileParagraph(
  item: CompiledItem,
  proposals: CompiledProposal[],
  words: CompilationWords,
): Run[] {
  const placed: Anchored[] = [];
  const after: Run[] = [];
  for (const p of proposals) {
    if (p.kind === 'delete') {
      after.push(
        { text: ' [', style: 'plain' },
        { text: words.deleteParagraph, style: 'del' },
        { text: ` ${attribution(p, words)}]`, style: 'plain' },
      );
      continue;
    }
    if (p.kind === 'add-after') continue;
    const anchor = anchorOf(item.text, p);
    const clash = anchor && placed.some((a) => anchor.start < a.end && a.start < anchor.end);
    const sameInsertion =
      anchor &&
      anchor.start === anchor.end &&
      placed.some((a) => a.start === anchor.start && a.end === anchor.end);
    if (anchor && !clash && !sameInsertion) placed.push(anchor);
    else
      after.push(
        { text: ' ', style: 'plain' },
        ...bracket(p, p.kind === 'replace' ? (p.passage ?? '') : '', words),
      );
  }
  placed.sort((a, b) => a.start - b.start || a.end - b.end);
  const runs: Run[] = [];
  let cursor = 0;
  for (const a of placed) {
    if (a.start > cursor) runs.push({ text: item.text.slice(cursor, a.start), style: 'plain' });
    const lead = a.start === a.end && a.start > 0 ? ' ' : '';
    if (lead) runs.push({ text: lead, style: 'plain' });
    runs.push(...bracket(a.proposal, item.text.slice(a.start, a.end), words));
    cursor = a.end;
  }
  if (cursor < item.text.length) runs.push({ text: item.text.slice(cursor), style: 'plain' });
  return merged([...runs, ...after]);
}

/** The whole compilation: each item in order, each proposed new paragraph after the one it follows. */
export function compile(
  items: CompiledItem[],
  proposals: CompiledProposal[],
  words: CompilationWords,
): CompiledLine[] {
  return items.flatMap((item) => {
    if (item.kind === 'section')
      return [
        {
          kind: 'section' as const,
          ref: item.ref,
          label: '',
          runs: [{ text: item.text, style: 'plain' as const }],
        },
      ];
    const own = proposals.filter((p) => p.paragraphRef === item.ref);
    const line: CompiledLine = {
      kind: 'paragraph',
      ref: item.ref,
      label: item.label,
      runs: compileParagraph(item, own, words),
      ...(item.status && item.status !== 'pending' && { status: item.status }),
    };
    const added = own
      .filter((p) => p.kind === 'add-after')
      .map((p) => ({
        kind: 'new-paragraph' as const,
        ref: item.ref,
        label: words.newParagraph(item.label),
        runs: bracket(p, '', words),
      }));
    return [line, ...added];
  });
}

/** Neighbouring runs of one style as one. */
function merged(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && last.style === run.style) last.text += run.text;
    else if (run.text) out.push({ ...run });
  }
  return out;
}

/** A compiled line as plain text in the convention's marks: **bold** for insertions, ~~struck~~ for deletions. */
export function asMarkedText(line: CompiledLine): string {
  const body = line.runs
    .map((r) => (r.style === 'ins' ? `**${r.text}**` : r.style === 'del' ? `~~${r.text}~~` : r.text))
    .join('');
  return line.label ? `${line.label} ${body}` : body;
}
