import type { DataMigration } from '../../../db/migrations.js';
import {
  atMost,
  markNamePairsKeyed,
  namePairsKeyed,
  NAME_PAIRS,
  Person,
  rekeyPeople,
  rekeyRecords,
  searchFieldsOf,
} from '../../people/index.js';
import { Registration } from '../registration.model.js';

/** Gives every registration the name keys of its person's listing, as now computed. */
async function rekeyRegistrations(): Promise<void> {
  await rekeyRecords(
    Registration,
    Registration.find({}).lean().cursor({ batchSize: 200 }),
    (registration) => {
      const listing = registration.listing;
      if (!listing) return undefined;
      return {
        keys: searchFieldsOf({
          givenName: listing.givenName,
          familyName: listing.familyName,
          organization: listing.organization ?? undefined,
        }).nameKeys,
        guard: { 'listing.givenName': listing.givenName, 'listing.familyName': listing.familyName },
      };
    },
  );
}

/**
 * Keys every person and registration with the pairs of their name words, then lets searches
 * read by pairs (`people/name-pairs.ts`). Safe to run twice: records already keyed are not written.
 */
export async function keyNamePairs(): Promise<void> {
  if (await namePairsKeyed()) return;
  await rekeyPeople();
  await rekeyRegistrations();
  await markNamePairsKeyed();
}

/** Records of each collection keyed at start, at most; a larger database is keyed on the timer. */
const AT_START = 1000;

/** At start: a small database (a new one, the demo) is keyed at once; a large one is left to the timer. */
export const keyNamePairsOfSmallDatabase: DataMigration = {
  name: NAME_PAIRS,
  async run() {
    if (!(await atMost(Person, AT_START)) || !(await atMost(Registration, AT_START))) return 'later';
    await rekeyPeople();
    await rekeyRegistrations();
    return 'done';
  },
};
