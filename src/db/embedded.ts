import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MongoMemoryServer } from 'mongodb-memory-server';

type MongoMemoryServerOpts = NonNullable<Parameters<typeof MongoMemoryServer.create>[0]>;

export interface EmbeddedSettings {
  dataDir: string;
  systemBinary: string | undefined;
  port: number;
}

export interface EmbeddedMongo {
  uri: string;
  stop(): Promise<void>;
}

export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

export function embeddedDataPath(dataDir: string): string {
  return join(dataDir, 'mongodb');
}

/** Where a running embedded server leaves its address, so scripts can share it with the web server. */
export function embeddedUriFile(dataDir: string): string {
  return join(dataDir, 'embedded-mongodb.uri');
}

/** The address of an embedded server another Foro process started on this DATA_DIR, if any. */
export async function runningEmbeddedUri(dataDir: string): Promise<string | undefined> {
  try {
    const uri = (await readFile(embeddedUriFile(dataDir), 'utf8')).trim();
    return uri.startsWith('mongodb://') ? uri : undefined;
  } catch {
    return undefined;
  }
}

/** Options that make the embedded server durable: a fixed data folder on disk, WiredTiger, loopback only. */
export function embeddedServerOptions(settings: EmbeddedSettings): MongoMemoryServerOpts {
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

/** What the user sees when the embedded server cannot start, with the ways out. */
export function embeddedFailureMessage(settings: EmbeddedSettings, cause: unknown): string {
  const reason = (cause instanceof Error ? cause.message : String(cause))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
  return [
    'Foro could not start its embedded MongoDB.',
    `Reason: ${reason}`,
    settings.systemBinary
      ? `MONGOMS_SYSTEM_BINARY points to ${settings.systemBinary}; check that a mongod runs from there.`
      : 'The embedded server downloads mongod on first start, which needs internet access.',
    'Any of these works instead:',
    '  - set MONGODB_URI to a MongoDB server, e.g. MONGODB_URI=mongodb://127.0.0.1:27017/foro',
    '  - set MONGOMS_SYSTEM_BINARY to the path of a local mongod',
    '  - run `npm run db:ferretdb` in another terminal (FerretDB on PostgreSQL), then',
    '    start Foro with MONGODB_URI=mongodb://127.0.0.1:27017/foro',
  ].join('\n');
}

export type ServerFactory = (options: MongoMemoryServerOpts) => Promise<MongoMemoryServer>;

export async function startEmbeddedMongo(
  settings: EmbeddedSettings,
  create: ServerFactory = (options) => MongoMemoryServer.create(options),
): Promise<EmbeddedMongo> {
  await mkdir(embeddedDataPath(settings.dataDir), { recursive: true });
  let server: MongoMemoryServer;
  try {
    server = await create(embeddedServerOptions(settings));
  } catch (error) {
    throw new EmbeddedDatabaseError(embeddedFailureMessage(settings, error), { cause: error });
  }
  const uri = server.getUri();
  await writeFile(embeddedUriFile(settings.dataDir), `${uri}\n`);
  return {
    uri,
    // Keep the data folder: the next start must find every record.
    stop: async () => {
      await rm(embeddedUriFile(settings.dataDir), { force: true });
      await server.stop({ doCleanup: false });
    },
  };
}
