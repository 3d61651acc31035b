/** Letters ready to print, one per page: letterhead, text already filled in, verification line. */
export interface LettersLayout {
  language: string;
  title: string;
  letterhead: { title: string; organizers: string };
  letters: { body: string; verification: string }[];
  empty: string;
}
