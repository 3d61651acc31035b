import { bySortKey } from '../../../shared/name-order.js';
import mongoose from 'mongoose';
import type { DataMigration } from '../../../db/migrations.js';
import {
  getPeople,
  namePairsKeyed,
  nameSearchOf,
  searchFieldsOf,
  type PersonView,
} from '../../people/index.js';
import { Registration, registrationList, type RegistrationStatus } from '../registration.model.js';
import { readPage } from '../../../db/blocks.js';
import {
  toRegistrationView,
  type Listing,
  type RegistrationView,
  type StoredRegistration,
} from '../registration.views.js';

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

type Listed = RegistrationView & { listing: PersonView };

/**
 * Up to `limit` of an event's registrations whose person's names begin with the words searched
 * (case and accents ignored), in alphabetical order, and whether there are more. Read like a
 * page (`db/blocks.ts`), through the name key each registration keeps: a common name fills the
 * page from a few blocks, a rare one is read by its key; never the whole event.
 */
export async function registrationsByName(
  eventId: string,
  q: string,
  status: RegistrationStatus,
  limit: number,
): Promise<{ found: Listed[]; more: boolean }> {
  const search = nameSearchOf(q, await namePairsKeyed());
  if (!search) return { found: [], more: false };
  // The status is checked here, not asked of the database: over PostgreSQL, given the event and
  // the status, the planner walks the index of the event's confirmed registrations (40,000 rows
  // at 100,000, 0.4 s) instead of looking up the few who bear the name key (0.07 s).
  const query = { eventId, nameKeys: search.key };
  const matching = (docs: (StoredRegistration & { block?: number | null })[]) =>
    docs
      .filter((doc) => doc.status === status)
      .map((doc) => ({ block: doc.block ?? 0, registration: toRegistrationView(doc) }))
      .filter((row): row is { block: number; registration: Listed } => {
        const { listing } = row.registration;
        return Boolean(listing && search.matches(searchFieldsOf(listing).searchText));
      });
  const page = await readPage({
    list: registrationList(eventId),
    size: limit,
    readBlock: async (block) => matching(await Registration.find({ ...query, block }).lean()),
    readAll: async () => matching(await Registration.find(query).lean()),
    placeOf: (row) => ({ block: row.block, key: row.registration.arrival }),
  });
  const found = page.rows.map((row) => row.registration).sort((a, b) => bySortKey(a.listing, b.listing));
  return { found, more: page.next !== undefined };
}

/** A person changed: every registration of theirs shows the change. */
export async function refreshListings(person: PersonView): Promise<void> {
  // Two edits of one person at once may finish in either order: after writing, the person is
  // read again, and a newer state is written too, so the last copy written is the person's last.
  let written = person;
  for (let round = 0; round < LISTING_ROUNDS; round += 1) {
    await Registration.updateMany({ personId: written.id }, { $set: copyOfPerson(written) });
    const [now] = await getPeople([written.id]);
    if (!now || JSON.stringify(copyOfPerson(now)) === JSON.stringify(copyOfPerson(written))) return;
    written = now;
  }
}

/** Copies written in a row, at most, while the person keeps changing underneath. */
const LISTING_ROUNDS = 3;

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
