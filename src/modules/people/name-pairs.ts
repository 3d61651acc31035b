import { insertUnlessTaken } from '../../db/duplicate-key.js';
import { Migration } from '../../db/migrations.js';
import { Person } from './person.model.js';
import { searchFieldsOf } from './person.service.js';

/**
 * Name searches of two words read through the key of the pair (`directory.ts`) once every stored
 * person and registration carries such keys. Records written before them are keyed again by a
 * migration: at start when the database is small, otherwise by a task on the timer (keying
 * 100,000 people and their registrations takes minutes); until it is done, searches read by one
 * word, which finds the same people, more slowly.
 */
export const NAME_PAIRS = 'name-pair-keys';

let keyed = false;

/** Whether name searches may read by the key of a pair of words. */
export async function namePairsKeyed(): Promise<boolean> {
  keyed ||= Boolean(await Migration.exists({ _id: NAME_PAIRS }));
  return keyed;
}

/** Forgets what this process knew (tests that wipe the database). */
export function forgetNamePairsKeyed(): void {
  keyed = false;
}

/** Writes of one bulk, at most (FerretDB 1.24 on SQLite stopped answering a bulk of 100). */
const BULK = 25;

/**
 * Goes through `records` and gives each the keys `keysOf` says, where they differ; the update is
 * guarded by what the keys were computed from, so a record changed meanwhile keeps its own.
 */
export async function rekeyRecords<T extends { _id: unknown; nameKeys?: string[] | null }>(
  model: { bulkWrite(operations: never[], options: { ordered: boolean }): Promise<unknown> },
  records: AsyncIterable<T> | Iterable<T>,
  keysOf: (record: T) => { keys: string[]; guard: Record<string, unknown> } | undefined,
): Promise<void> {
  let operations: unknown[] = [];
  const flush = async () => {
    if (operations.length > 0) await model.bulkWrite(operations as never[], { ordered: false });
    operations = [];
  };
  for await (const record of records) {
    const wanted = keysOf(record);
    if (!wanted || sameKeys(record.nameKeys ?? [], wanted.keys)) continue;
    operations.push({
      updateOne: {
        filter: { _id: record._id, ...wanted.guard },
        update: { $set: { nameKeys: wanted.keys } },
      },
    });
    if (operations.length === BULK) await flush();
  }
  await flush();
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

/** Gives every person the name keys of the present version. */
export async function rekeyPeople(): Promise<void> {
  await rekeyRecords(Person, Person.find({}).lean().cursor({ batchSize: 200 }), (person) => ({
    keys: searchFieldsOf({
      givenName: person.givenName,
      familyName: person.familyName,
      organization: person.organization ?? undefined,
    }).nameKeys,
    guard: { searchText: person.searchText },
  }));
}

/** Records that every stored record now carries pair keys. */
export async function markNamePairsKeyed(): Promise<void> {
  await insertUnlessTaken(Migration, { _id: NAME_PAIRS, doneAt: new Date() });
  keyed = true;
}

/** Whether a collection holds `limit` records or fewer (a read of at most one more, any engine). */
export async function atMost(
  model: { find(filter: object, projection: object): { limit(n: number): { lean(): Promise<unknown[]> } } },
  limit: number,
): Promise<boolean> {
  return (
    (
      await model
        .find({}, { _id: 1 })
        .limit(limit + 1)
        .lean()
    ).length <= limit
  );
}
