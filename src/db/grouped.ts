import mongoose from 'mongoose';
import type { Collection } from 'mongodb';

/** A model's driver collection: all a grouped delete needs. */
export interface DeletableCollection {
  collection: Pick<Collection, 'deleteOne' | 'deleteMany'>;
}

const deleting = new Map<
  DeletableCollection['collection'],
  { id: unknown; done: (error?: unknown) => void }[]
>();

/**
 * Deletes the document with this `_id`, grouped with the deletes asked of the same collection in
 * the same turn of the event loop: one `_id: {$in}` delete. Only for a collection that stays
 * small (FerretDB reads all of it for `$in`, where each of a bulk's deletes by `_id` costs a
 * read and a commit: measured here, grouped by `$in` a form's mark cost a sixth of the time) and
 * for records whose removal decides nothing (a submission's mark once it is done): the caller
 * learns that the delete ran, not whether it removed something. A delete that decides uses
 * `deleteOne` and its `deletedCount`.
 */
export function deleteGrouped(model: DeletableCollection, id: unknown): Promise<void> {
  const collection = model.collection;
  let batch = deleting.get(collection);
  if (!batch) {
    batch = [];
    deleting.set(collection, batch);
    setImmediate(() => void sendDeletes(collection));
  }
  const queue = batch;
  return new Promise((resolve, reject) => {
    queue.push({ id, done: (error) => (error === undefined ? resolve() : reject(error)) });
  });
}

async function sendDeletes(collection: DeletableCollection['collection']): Promise<void> {
  const batch = deleting.get(collection) ?? [];
  deleting.delete(collection);
  const ids = [...new Set(batch.map((d) => d.id))];
  try {
    if (ids.length === 1) await collection.deleteOne({ _id: ids[0] as never });
    else await collection.deleteMany({ _id: { $in: ids as never[] } });
    for (const d of batch) d.done();
  } catch (error) {
    for (const d of batch) d.done(error ?? new Error('delete failed'));
  }
}

const reading = new Map<string, Promise<unknown>>();

/**
 * Reads asked for with the same `key` in the same turn of the event loop share one read, sent
 * after that turn: it starts after every asker arrived, so each gets what a read of its own
 * would have found (no older value, unlike a cache). Under load, simultaneous requests about
 * one event cost one read of it. The value is shared: callers must not change it.
 */
export function readTogether<V>(key: string, load: () => PromiseLike<V>): Promise<V> {
  // Keyed by database too: a process (a test run) may use several.
  const full = `${mongoose.connection.name}/${key}`;
  let read = reading.get(full);
  if (!read) {
    read = new Promise<V>((resolve, reject) => {
      setImmediate(() => {
        // Askers from now on start a read of their own.
        reading.delete(full);
        Promise.resolve(load()).then(resolve, reject);
      });
    });
    reading.set(full, read);
  }
  return read as Promise<V>;
}
