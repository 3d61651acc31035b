import mongoose from 'mongoose';
import { askForWholeFirstBatches } from './first-batch.js';

/**
 * Query hardening for the whole process: filters built from user input cannot smuggle
 * operators (`sanitizeFilter`), unknown paths in filters are errors, not silent matches, and
 * reads never leave cursors open on the server (`first-batch.ts`).
 */
export function hardenQueries(): void {
  mongoose.set('sanitizeFilter', true);
  mongoose.set('strictQuery', 'throw');
  askForWholeFirstBatches();
}

/** The database name in a MongoDB URI's path, if any. */
export function databaseNameFromUri(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/**
 * How long one operation waits for a database that cannot be reached before it fails (and the
 * user gets a 503 to try again): a page must not hang for the whole start-up wait.
 */
export const OPERATION_WAIT_MS = 2000;

/** Connects, trying again until `timeoutMs` (DB_TIMEOUT_MS) is spent, so a database still starting is waited for. */
export async function connectMongoose(
  uri: string,
  options: { dbName: string | undefined; timeoutMs: number; poolSize: number },
): Promise<mongoose.Connection> {
  hardenQueries();
  // Operations issued while mongoose is disconnected wait this long for it, then fail.
  mongoose.set('bufferTimeoutMS', OPERATION_WAIT_MS);
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const wait = Math.max(100, Math.min(OPERATION_WAIT_MS, deadline - Date.now()));
    try {
      await mongoose.connect(uri, {
        dbName: options.dbName ?? databaseNameFromUri(uri) ?? 'foro',
        serverSelectionTimeoutMS: wait,
        // FerretDB 1.24 over PostgreSQL deadlocks once about 50 updates run at once (each holds a
        // PostgreSQL connection in a transaction and waits for a second one from the same pool of
        // 50): the pool keeps a process's simultaneous operations below that.
        maxPoolSize: options.poolSize,
      });
      return mongoose.connection;
    } catch (error) {
      await mongoose.disconnect();
      if (Date.now() + 100 >= deadline) throw error;
    }
  }
}

/** True when the server answers a ping within the time limit. */
export async function pingDatabase(connection: mongoose.Connection, timeoutMs: number): Promise<boolean> {
  const db = connection.db;
  if (!db) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db
    .command({ ping: 1 })
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
