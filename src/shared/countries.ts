import type { Language } from './i18n/index.js';

/** ISO 3166-1 alpha-2 codes (all 249 assigned). Names come from ICU in each UI language. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
  'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
  'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
  'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
  'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
  'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
  'VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const KNOWN = new Set(COUNTRY_CODES);

/** The 22 member states of the Ibero-American Conference. */
export const IBERO_AMERICAN_STATES = [
  'AD',
  'AR',
  'BO',
  'BR',
  'CL',
  'CO',
  'CR',
  'CU',
  'DO',
  'EC',
  'SV',
  'GT',
  'HN',
  'MX',
  'NI',
  'PA',
  'PY',
  'PE',
  'PT',
  'ES',
  'UY',
  'VE',
] as const;

export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && KNOWN.has(value);
}

const namers = new Map<Language, Intl.DisplayNames>();

export function countryName(code: string, language: Language): string {
  let namer = namers.get(language);
  if (!namer) {
    namer = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    namers.set(language, namer);
  }
  return namer.of(code) ?? code;
}

const collators = new Map<Language, Intl.Collator>();

/** Compares two country names as the language sorts them ("Perú" before "Portugal", "República Dominicana" after "Panamá"). */
export function countryCollator(language: Language): Intl.Collator {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language);
    collators.set(language, collator);
  }
  return collator;
}

/**
 * Countries with their names in the given language, sorted as that language sorts: every
 * country, or the codes given (an event's participating states). Every list of countries a
 * reader sees goes through this; codes sort differently from names ("DO" after "CU").
 */
export function countriesByName(
  language: Language,
  codes: readonly string[] = COUNTRY_CODES,
): { code: string; name: string }[] {
  const collator = countryCollator(language);
  return codes
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** Any records sorted by the name of their country in the given language (stable within a country). */
export function sortByCountryName<T>(
  items: readonly T[],
  countryOf: (item: T) => string,
  language: Language,
): T[] {
  const collator = countryCollator(language);
  const names = new Map<string, string>();
  const name = (code: string) => {
    let found = names.get(code);
    if (found === undefined) {
      found = countryName(code, language);
      names.set(code, found);
    }
    return found;
  };
  return [...items].sort((a, b) => collator.compare(name(countryOf(a)), name(countryOf(b))));
}
