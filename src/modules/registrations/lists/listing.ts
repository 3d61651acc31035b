import mongoose from 'mongoose';
import type { DataMigration } from '../../../db/migrations.js';
import { displayName, getPeople, nameSearchOf, searchFieldsOf, type PersonView } from '../../people/index.js';
import { Registration, type RegistrationStatus } from '../registration.model.js';
import { toRegistrationView, type Listing, type RegistrationView } from '../registration.views.js';

/**
 * What lists show of a registration's person is copied onto the registration when it is written
 * and whenever the person changes. Why: a page of registrations, the participants and the exports
 * read no person then; on FerretDB over PostgreSQL even a find by `_id` scans the table (a third
 * of a second at 100,000 people), and a page made one per row.
 */
export function listingOf(person: PersonView): Listing {
  const { id: _id, biography: _biography, ...listing } = person;
  return listing;
}

/** What a registration keeps of its person: the listing, and the keys check-in finds them by. */
export const copyOfPerson = (person: PersonView) => ({
  listing: listingOf(person),
  nameKeys: searchFieldsOf(person).nameKeys,
});

/** The people of these registrations, by person id: from their listings, read only where one is missing. */
export async function peopleOf(registrations: RegistrationView[]): Promise<Map<string, PersonView>> {
  const people = new Map<string, PersonView>();
  const missing: string[] = [];
  for (const registration of registrations) {
    if (registration.listing) people.set(registration.personId, registration.listing);
    else missing.push(registration.personId);
  }
  for (const person of await getPeople(missing)) people.set(person.id, person);
  return people;
}

/**
 * An event's registrations whose person's names begin with the words searched (case and accents
 * ignored), in alphabetical order: read through the key each keeps, not by reading the event.
 */
export async function registrationsByName(
  eventId: string,
  q: string,
  status: RegistrationStatus,
): Promise<(RegistrationView & { listing: PersonView })[]> {
  const search = nameSearchOf(q);
  if (!search) return [];
  const found = (await Registration.find({ eventId, status, nameKeys: search.key }).lean())
    .map(toRegistrationView)
    .filter((r): r is RegistrationView & { listing: PersonView } =>
      Boolean(r.listing && search.matches(searchFieldsOf(r.listing).searchText)),
    );
  return found.sort((a, b) => displayName(a.listing).localeCompare(displayName(b.listing)));
}

/** A person changed: every registration of theirs shows the change. */
export async function refreshListings(person: PersonView): Promise<void> {
  await Registration.updateMany({ personId: person.id }, { $set: copyOfPerson(person) });
}

/** Registrations written before listings were kept get theirs (a migration). */
export const copyListings: DataMigration = {
  name: 'registration-listings',
  async run() {
    const older = await Registration.find(
      { listing: mongoose.trusted({ $exists: false }) },
      { personId: 1 },
    ).lean();
    const personIds = [...new Set(older.map((doc) => doc.personId))];
    for (const person of await getPeople(personIds)) await refreshListings(person);
  },
};
