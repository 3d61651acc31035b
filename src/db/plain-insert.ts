import type mongoose from 'mongoose';
import { MongoBulkWriteError, type Collection } from 'mongodb';

/** A model's driver collection: all a plain insert needs. */
export interface PlainCollection {
  collection: Pick<Collection, 'insertOne' | 'insertMany'>;
}

interface Waiting {
  document: object;
  done: (error?: unknown) => void;
}

const waiting = new Map<PlainCollection['collection'], Waiting[]>();

/**
 * Inserts `document` exactly as given, without building a mongoose document (no casting,
 * defaults, hooks or validation): for the small records written on every request (seats,
 * rate-limit slots, claims, audit entries, links, mails), whose fields are plain values already.
 *
 * Inserts into one collection asked for in the same turn of the event loop go out as one
 * unordered insert (a group commit): under load, one round trip and one database commit carry
 * many requests' records. Each caller still learns its own document's fate, a refusal by a
 * unique index included, so seats, slots and claims stay exclusive.
 */
export function insertPlain(model: PlainCollection, document: object): Promise<void> {
  const collection = model.collection;
  let batch = waiting.get(collection);
  if (!batch) {
    batch = [];
    waiting.set(collection, batch);
    setImmediate(() => void send(collection));
  }
  const queue = batch;
  return new Promise((resolve, reject) => {
    queue.push({ document, done: (error) => (error === undefined ? resolve() : reject(error)) });
  });
}

async function send(collection: PlainCollection['collection']): Promise<void> {
  const batch = waiting.get(collection) ?? [];
  waiting.delete(collection);
  if (batch.length === 1) {
    const only = batch[0]!;
    await collection.insertOne(only.document as never).then(
      () => only.done(),
      (error: unknown) => only.done(error ?? new Error('insert failed')),
    );
    return;
  }
  try {
    await collection.insertMany(
      batch.map((w) => w.document as never),
      { ordered: false },
    );
    for (const w of batch) w.done();
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError) || !Array.isArray(error.writeErrors)) {
      for (const w of batch) w.done(error ?? new Error('insert failed'));
      return;
    }
    // Unordered: every document but those listed was written.
    const refused = new Map(error.writeErrors.map((e) => [e.index, e]));
    batch.forEach((w, index) => {
      const writeError = refused.get(index);
      w.done(
        writeError &&
          Object.assign(new Error(writeError.errmsg ?? 'insert refused'), {
            code: writeError.code,
          }),
      );
    });
  }
}

/**
 * A record built and checked by its mongoose model (defaults, hooks, validation, timestamps)
 * and then inserted plain, grouped with others like it: `Model.create` without its round trip of
 * its own. Returns the record as stored.
 */
export async function createGrouped(
  model: PlainCollection & {
    new (fields: object): mongoose.Document;
    schema: mongoose.Schema;
    applyTimestamps(stored: object): unknown;
  },
  fields: object,
): Promise<object> {
  const document = new model(fields);
  await document.validate();
  const stored: object = document.toObject();
  const versionKey = model.schema.get('versionKey');
  if (typeof versionKey === 'string') (stored as Record<string, unknown>)[versionKey] = 0;
  model.applyTimestamps(stored);
  await insertPlain(model, stored);
  return stored;
}
