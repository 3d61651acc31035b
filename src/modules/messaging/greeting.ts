import type { Language } from '../../shared/i18n/index.js';

type Gender = 'f' | 'm';

/**
 * What an honorific says of the person it is written for. People's honorifics are written the
 * Spanish way (Sr., Dra., Excma.); a few Portuguese and English ones are known too. Others
 * (Emb., Lic., a title typed freely) say nothing of gender: the greeting is then neutral.
 */
const HONORIFICS: Record<string, { gender?: Gender; en?: string; excellency?: true }> = {
  sr: { gender: 'm', en: 'Mr' },
  sra: { gender: 'f', en: 'Ms' },
  srta: { gender: 'f', en: 'Ms' },
  dr: { gender: 'm', en: 'Dr' },
  dra: { gender: 'f', en: 'Dr' },
  prof: { gender: 'm', en: 'Professor' },
  profa: { gender: 'f', en: 'Professor' },
  mtro: { gender: 'm' },
  mtra: { gender: 'f' },
  lcdo: { gender: 'm' },
  lcda: { gender: 'f' },
  ing: {},
  lic: {},
  emb: { en: 'Ambassador' },
  excmo: { gender: 'm', excellency: true },
  excma: { gender: 'f', excellency: true },
  exmo: { gender: 'm', excellency: true },
  exma: { gender: 'f', excellency: true },
  mr: { gender: 'm', en: 'Mr' },
  mrs: { gender: 'f', en: 'Mrs' },
  ms: { gender: 'f', en: 'Ms' },
};

const key = (honorific: string) =>
  honorific
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[.\s]+/g, '');

/** The opening words by language and gender; `neutral` when the honorific says nothing of it. */
const OPENING: Record<Language, Record<Gender | 'neutral', (who: string) => string>> = {
  es: {
    m: (who) => `Estimado ${who}`,
    f: (who) => `Estimada ${who}`,
    neutral: (who) => `Saludos cordiales, ${who}`,
  },
  pt: {
    m: (who) => `Prezado ${who}`,
    f: (who) => `Prezada ${who}`,
    neutral: (who) => `Saudações, ${who}`,
  },
  en: {
    m: (who) => `Dear ${who}`,
    f: (who) => `Dear ${who}`,
    neutral: (who) => `Dear ${who}`,
  },
};

const EXCELLENCY: Record<Language, Record<Gender, (name: string) => string>> = {
  es: { m: (name) => `Excelentísimo Sr. ${name}`, f: (name) => `Excelentísima Sra. ${name}` },
  pt: { m: (name) => `Excelentíssimo Senhor ${name}`, f: (name) => `Excelentíssima Senhora ${name}` },
  en: { m: () => 'Your Excellency', f: () => 'Your Excellency' },
};

/**
 * The greeting of a mail, without its final punctuation (the template adds ":" in Spanish, ","
 * in Portuguese and English), built from the honorific: "Estimada Dra. Rosa Quispe",
 * "Prezado Sr. João Silva", "Dear Ms Mary Smith". Without an honorific, or with one that says
 * nothing of gender, a neutral form: never "Estimado/a Sra.".
 */
export function greetingFor(language: Language, honorific: string | undefined, fullName: string): string {
  // One line, whatever the record holds: the greeting opens the mail.
  const name = fullName.replace(/\s+/g, ' ').trim();
  const written = honorific?.replace(/\s+/g, ' ').trim() ?? '';
  const known = written ? HONORIFICS[key(written)] : undefined;
  if (known?.excellency && known.gender) return EXCELLENCY[language][known.gender](name);
  if (language === 'en') {
    // Spanish titles mean little in an English mail: the English one when there is one, else none.
    return OPENING.en.neutral(known?.en ? `${known.en} ${name}` : name);
  }
  const who = written ? `${written} ${name}` : name;
  return known?.gender ? OPENING[language][known.gender](who) : OPENING[language].neutral(who);
}
