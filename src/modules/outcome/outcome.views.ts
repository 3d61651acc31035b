import type { Language, Translate } from '../../shared/i18n/index.js';
import type { Trilingual } from '../../shared/trilingual.js';
import { labelOf, type ItemKind } from './numbering.js';
import type { OutcomeState, ParagraphStatus } from './outcome.model.js';

export interface OutcomeView {
  id: string;
  eventId: string;
  title: Trilingual;
  workingLanguage: Language;
  state: OutcomeState;
  currentVersion: number;
  silenceId: string | undefined;
  publishedSymbol: string | undefined;
  updatedAt: Date | undefined;
}

export interface ParagraphView {
  id: string;
  ref: string;
  kind: ItemKind;
  number: number;
  suffix: number;
  position: number;
  /** "OP3 bis"; empty for a section. */
  label: string;
  text: string;
  status: ParagraphStatus;
}

type Stored = Record<string, unknown> & { _id: unknown };

export function toOutcomeView(d: Stored): OutcomeView {
  return {
    id: String(d._id),
    eventId: d['eventId'] as string,
    title: (d['title'] ?? {}) as Trilingual,
    workingLanguage: d['workingLanguage'] as Language,
    state: d['state'] as OutcomeState,
    currentVersion: (d['currentVersion'] as number | undefined) ?? 0,
    silenceId: (d['silenceId'] as string | undefined) ?? undefined,
    publishedSymbol: (d['publishedSymbol'] as string | undefined) ?? undefined,
    updatedAt: d['updatedAt'] as Date | undefined,
  };
}

export function toParagraphView(p: Stored): ParagraphView {
  const slot = { kind: p['kind'] as ItemKind, number: p['number'] as number, suffix: p['suffix'] as number };
  return {
    id: String(p._id),
    ref: p['ref'] as string,
    ...slot,
    position: p['position'] as number,
    label: labelOf(slot),
    text: p['text'] as string,
    status: p['status'] as ParagraphStatus,
  };
}

/** "Borrador cero", "Rev.2": a version's name. */
export const versionName = (t: Translate, version: number) =>
  version === 0 ? t('outcome.zeroDraft') : `Rev.${version}`;
