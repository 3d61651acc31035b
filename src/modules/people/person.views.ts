import { nameSortKey } from '../../shared/name-order.js';
import type { Language } from '../../shared/i18n/index.js';
import type { Gender, PersonFields, Sector } from './person.model.js';

export interface PersonView {
  id: string;
  honorific: string | undefined;
  givenName: string;
  familyName: string;
  position: string | undefined;
  organization: string | undefined;
  sector: Sector | undefined;
  country: string | undefined;
  /** Contact details: present only for those allowed to see them. */
  email: string | undefined;
  phone: string | undefined;
  language: Language | undefined;
  /** The person's own time zone (IANA), when known. */
  timezone?: string | undefined;
  gender: Gender | undefined;
  biography: Partial<Record<Language, string>>;
  /** What lists sorted by name sort by (`shared/name-order.ts`). */
  sortKey: string;
}

export function toPersonView(person: PersonFields & { _id: unknown }): PersonView {
  const biography: Partial<Record<Language, string>> = {};
  for (const language of ['es', 'en', 'pt'] as const) {
    const text = person.biography?.[language];
    if (text) biography[language] = text;
  }
  return {
    id: String(person._id),
    honorific: person.honorific ?? undefined,
    givenName: person.givenName,
    familyName: person.familyName,
    position: person.position ?? undefined,
    organization: person.organization ?? undefined,
    sector: (person.sector ?? undefined) as Sector | undefined,
    country: person.country ?? undefined,
    email: person.email ?? undefined,
    phone: person.phone ?? undefined,
    language: (person.language ?? undefined) as Language | undefined,
    timezone: person.timezone ?? undefined,
    gender: (person.gender ?? undefined) as Gender | undefined,
    biography,
    sortKey: person.sortKey ?? nameSortKey(person),
  };
}

/** Viewers read names, roles and organizations, never contact details (DESIGN.md §6). */
export function withoutContactDetails(person: PersonView): PersonView {
  return { ...person, email: undefined, phone: undefined };
}

export function displayName(person: Pick<PersonView, 'honorific' | 'givenName' | 'familyName'>): string {
  return [person.honorific, person.givenName, person.familyName].filter(Boolean).join(' ');
}

/** Lower case without accents, for search: "José Martínez" → "jose martinez". */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
