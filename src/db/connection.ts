import mongoose from 'mongoose';

/**
 * Query hardening for the whole process: filters built from user input cannot smuggle
 * operators (`sanitizeFilter`) and unknown paths in filters are errors, not silent matches.
 */
export function hardenQueries(): void {
  mongoose.set('sanitizeFilter', true);
  mongoose.set('strictQuery', 'throw');
}

/** The database name in a MongoDB URI's path, if any. */
export function databaseNameFromUri(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

export async function connectMongoose(
  uri: string,
  options: { dbName: string | undefined; timeoutMs: number },
): Promise<mongoose.Connection> {
  hardenQueries();
  await mongoose.connect(uri, {
    dbName: options.dbName ?? databaseNameFromUri(uri) ?? 'foro',
    serverSelectionTimeoutMS: options.timeoutMs,
  });
  return mongoose.connection;
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
