/** A piece of a line: plain words, inserted words (bold), deleted words (struck through). */
export interface OutcomeRun {
  text: string;
  style: 'plain' | 'ins' | 'del';
}

/**
 * A negotiated text as printed (a compilation, a comparison, the text in one language): lines of
 * runs, strings ready to print.
 */
export interface OutcomeLayout {
  language: string;
  title: string;
  subtitle: string;
  /** How to read the marks, under the subtitle. */
  legend?: string | undefined;
  /** A list the reader must see first: e.g. the paragraphs without an up-to-date translation. */
  notice?: { heading: string; items: string[] } | undefined;
  stamp: string;
  pageOf: string;
  empty: string;
  lines: {
    kind: 'section' | 'paragraph' | 'new-paragraph';
    label: string;
    runs: OutcomeRun[];
    /** Words about the line in italics, before or after its text: its status, "new paragraph", "not translated". */
    note?: { text: string; at: 'start' | 'end' } | undefined;
    /** The language of the line's words when it is not the document's. */
    language?: string | undefined;
  }[];
}
