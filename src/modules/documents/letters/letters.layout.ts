/** Letters ready to print, one per page: letterhead, text already filled in, verification line. */
export interface LettersLayout {
  language: string;
  title: string;
  letterhead: { title: string; organizers: string };
  letters: { body: string; verification: string }[];
  empty: string;
  /** The block printed under each letter, when the event names a signatory. */
  signature?: LetterSignatureBlock;
}

export interface LetterSignatureBlock {
  name: string;
  /** Title or position in the letter's language; empty when none is given. */
  title: string;
  /** The signature as PNG or JPEG, base64 (plain data crosses to the drawing thread as is). */
  image?: string;
}
