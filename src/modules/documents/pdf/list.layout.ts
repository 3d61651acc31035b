/** A list document (participant lists): groups of entries under headings, strings ready to print. */
export interface ListLayout {
  language: string;
  title: string;
  subtitle: string;
  /** Running stamp on every page ("Lista pública – 2 de abril de 2008"). */
  stamp: string;
  pageOf: string;
  empty: string;
  groups: { heading: string; entries: { name: string; detail: string; note?: string }[] }[];
}
