/** A negotiated text as printed: lines of runs (plain, inserted in bold, deleted struck through), strings ready to print. */
export interface OutcomeLayout {
  language: string;
  title: string;
  subtitle: string;
  stamp: string;
  pageOf: string;
  empty: string;
  lines: {
    kind: 'section' | 'paragraph' | 'new-paragraph';
    label: string;
    runs: { text: string; style: 'plain' | 'ins' | 'del' }[];
  }[];
}
