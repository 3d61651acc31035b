import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { MongoMemoryServer } from 'mongodb-memory-server';
import type { EmbeddedServer } from './embedded-ferretdb.js';

type MongoMemoryServerOpts = NonNullable<Parameters<typeof MongoMemoryServer.create>[0]>;

export interface EmbeddedMongoSettings {
  dataDir: string;
  systemBinary: string | undefined;
  port: number;
}

/** The embedded MongoDB's data folder. */
export function embeddedDataPath(dataDir: string): string {
  return join(dataDir, 'mongodb');
}

/** Options that make the embedded server durable: a fixed data folder on disk, WiredTiger, loopback only. */
export function embeddedServerOptions(settings: EmbeddedMongoSettings): MongoMemoryServerOpts {
  return {
    instance: {
      dbPath: embeddedDataPath(settings.dataDir),
      storageEngine: 'wiredTiger',
      ip: '127.0.0.1',
      ...(settings.port > 0 && { port: settings.port }),
    },
    ...(settings.systemBinary && { binary: { systemBinary: settings.systemBinary } }),
  };
}

export type ServerFactory = (options: MongoMemoryServerOpts) => Promise<MongoMemoryServer>;

/**
 * Gets mongod first (downloading it once), so "no mongod can be had" is told apart from a server
 * that fails to start, in one line, without the library's own stack trace on the console.
 */
async function createMemoryServer(options: MongoMemoryServerOpts): Promise<MongoMemoryServer> {
  // Loaded only here: a start on MONGODB_URI or on FerretDB's data does not pay for it.
  const { MongoBinary, MongoMemoryServer } = await import('mongodb-memory-server');
  try {
    await MongoBinary.getPath(
      options.binary?.systemBinary ? { systemBinary: options.binary.systemBinary } : {},
    );
  } catch (error) {
    const detail =
      (error as { msg?: string }).msg ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`no mongod could be had (${detail})`, { cause: error });
  }
  return MongoMemoryServer.create(options);
}

export async function startEmbeddedMongo(
  settings: EmbeddedMongoSettings,
  create: ServerFactory = createMemoryServer,
): Promise<EmbeddedServer> {
  await mkdir(embeddedDataPath(settings.dataDir), { recursive: true });
  const server = await create(embeddedServerOptions(settings));
  return {
    uri: server.getUri(),
    // Keep the data folder: the next start must find every record.
    stop: async () => {
      await server.stop({ doCleanup: false });
    },
  };
}

/** True when DATA_DIR already holds an embedded MongoDB's data (then nothing else may stand in for it). */
export async function holdsMongoData(dataDir: string): Promise<boolean> {
  try {
    return (await readdir(embeddedDataPath(dataDir))).some((file) => file.startsWith('WiredTiger'));
  } catch {
    return false;
  }
}
