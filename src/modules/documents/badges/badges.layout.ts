/** Badges ready to print: strings in one language, a colour per category, the code for the QR. */
export interface BadgesLayout {
  language: string;
  title: string;
  eventTitle: string;
  dates: string;
  badges: {
    name: string;
    organization: string;
    country: string;
    category: string;
    colour: string;
    code: string;
  }[];
}
