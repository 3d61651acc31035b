import { countriesByName } from '../../shared/countries.js';
import { LANGUAGES, type Language } from '../../shared/i18n/index.js';
import { GENDERS, HONORIFICS, SECTORS } from './person.model.js';
import type { PersonView } from './person.views.js';

const FIELDS = [
  'honorific',
  'givenName',
  'familyName',
  'position',
  'organization',
  'sector',
  'country',
  'email',
  'phone',
  'language',
  'timezone',
  'gender',
] as const;
const BIOGRAPHY = ['es', 'en', 'pt'] as const;

/**
 * The person form posts flat fields; an empty field means "none": left out when creating,
 * `null` (cleared) when editing. Unknown fields pass through for the strict schema to name.
 */
export function personInputFromForm(
  body: Record<string, unknown>,
  mode: 'create' | 'edit',
): Record<string, unknown> {
  const known = new Set<string>([...FIELDS, ...BIOGRAPHY.map((l) => `biography_${l}`)]);
  const out: Record<string, unknown> = Object.fromEntries(
    Object.entries(body).filter(([key]) => !known.has(key)),
  );
  const blank = mode === 'create' ? undefined : null;
  for (const field of FIELDS) {
    const value = body[field];
    out[field] =
      typeof value === 'string' && value.trim() === '' && field !== 'givenName' && field !== 'familyName'
        ? blank
        : value;
  }
  const biography = Object.fromEntries(
    BIOGRAPHY.map((l) => [l, body[`biography_${l}`]]).filter(
      ([, v]) => typeof v === 'string' && v.trim() !== '',
    ),
  );
  out['biography'] = biography;
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined));
}

export function formValuesOfPerson(person: PersonView): Record<string, unknown> {
  return {
    ...Object.fromEntries(FIELDS.map((field) => [field, person[field] ?? ''])),
    ...Object.fromEntries(BIOGRAPHY.map((l) => [`biography_${l}`, person.biography[l] ?? ''])),
  };
}

/** What the person form's lists offer, in the reader's language. */
export function personFormLocals(language: Language) {
  return {
    countryOptions: countriesByName(language),
    sectors: SECTORS,
    genders: GENDERS,
    honorifics: HONORIFICS,
    languageOptions: LANGUAGES,
  };
}

export function personFieldName(field: string): string {
  return field.replace(/^biography\.(\w+)$/, 'biography_$1');
}
