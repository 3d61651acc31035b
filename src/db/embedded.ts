import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultFerretdbBuild, ensureFerretdbBinary, type FerretdbBuild } from './ferretdb-binary.js';
import { ferretdbDataPath, startEmbeddedFerretdb, type EmbeddedServer } from './embedded-ferretdb.js';
import {
  embeddedDataPath,
  holdsMongoData,
  startEmbeddedMongo,
  type ServerFactory,
} from './embedded-mongodb.js';

export type EmbeddedKind = 'mongodb' | 'ferretdb';

export interface EmbeddedSettings {
  dataDir: string;
  /** `auto`: MongoDB where mongod can be had, otherwise FerretDB on SQLite. */
  prefer: 'auto' | EmbeddedKind;
  systemBinary: string | undefined;
  port: number;
  goBinary: string | undefined;
}

export interface EmbeddedDatabase extends EmbeddedServer {
  kind: EmbeddedKind;
}

/** How the embedded servers are had; tests replace them to see each path taken. */
export interface EmbeddedStarters {
  createMongo?: ServerFactory;
  ferretdbBuild?: FerretdbBuild;
}

export class EmbeddedDatabaseError extends Error {
  override name = 'EmbeddedDatabaseError';
}

const LABEL: Record<EmbeddedKind, string> = { mongodb: 'MongoDB', ferretdb: 'FerretDB on SQLite' };

/** Where a running embedded server leaves its address, so scripts can share it with the web server. */
export function embeddedUriFile(dataDir: string): string {
  return join(dataDir, 'embedded-database.uri');
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

/**
 * Starts the embedded database, saying each step in one line: MongoDB through
 * mongodb-memory-server, and where no mongod can be had, FerretDB on SQLite built from the
 * Go module proxy. A DATA_DIR that already holds one of them keeps using that one, so a
 * restart never opens an empty database beside the real one.
 */
export async function startEmbeddedDatabase(
  settings: EmbeddedSettings,
  say: (line: string) => void,
  starters: EmbeddedStarters = {},
): Promise<EmbeddedDatabase> {
  const failures: string[] = [];
  const order = await startingOrder(settings, say);
  for (const [index, kind] of order.entries()) {
    try {
      const server = await startOne(kind, settings, say, starters);
      say(`Embedded database: ${LABEL[kind]}, files in ${dataFolder(kind, settings.dataDir)}`);
      await writeFile(embeddedUriFile(settings.dataDir), `${server.uri}\n`);
      return {
        kind,
        uri: server.uri,
        stop: async () => {
          await rm(embeddedUriFile(settings.dataDir), { force: true });
          await server.stop();
        },
      };
    } catch (error) {
      failures.push(`${LABEL[kind]}: ${reasonOf(error)}`);
      // An existing MongoDB data folder must not be replaced by an empty FerretDB.
      if (kind === 'mongodb' && (await holdsMongoData(settings.dataDir))) break;
      const next = order[index + 1];
      if (next)
        say(`Embedded ${LABEL[kind]} is not available (${reasonOf(error, 120)}); trying ${LABEL[next]}.`);
    }
  }
  throw new EmbeddedDatabaseError(failureMessage(settings, failures));
}

async function startingOrder(
  settings: EmbeddedSettings,
  say: (line: string) => void,
): Promise<EmbeddedKind[]> {
  if (settings.prefer !== 'auto') return [settings.prefer];
  if ((await holdsFerretdbData(settings.dataDir)) && !(await holdsMongoData(settings.dataDir))) {
    say(`${settings.dataDir} holds an embedded FerretDB's data: using it.`);
    return ['ferretdb'];
  }
  say('Embedded database: trying MongoDB (mongodb-memory-server)…');
  return ['mongodb', 'ferretdb'];
}

async function startOne(
  kind: EmbeddedKind,
  settings: EmbeddedSettings,
  say: (line: string) => void,
  starters: EmbeddedStarters,
): Promise<EmbeddedServer> {
  if (kind === 'mongodb') return startEmbeddedMongo(settings, starters.createMongo);
  const binary = await ensureFerretdbBinary(
    starters.ferretdbBuild ?? defaultFerretdbBuild(settings.goBinary, say),
  );
  return startEmbeddedFerretdb({ binary, dataDir: settings.dataDir, port: settings.port });
}

async function holdsFerretdbData(dataDir: string): Promise<boolean> {
  try {
    return (await readdir(ferretdbDataPath(dataDir))).some((file) => file.endsWith('.sqlite'));
  } catch {
    return false;
  }
}

function dataFolder(kind: EmbeddedKind, dataDir: string): string {
  return kind === 'mongodb' ? embeddedDataPath(dataDir) : ferretdbDataPath(dataDir);
}

function reasonOf(error: unknown, length = 300): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, length);
}

/** What the user sees when no embedded database can start, with the ways out. */
export function failureMessage(settings: Pick<EmbeddedSettings, 'systemBinary'>, failures: string[]): string {
  return [
    'Foro could not start an embedded database.',
    ...failures.map((failure) => `  ${failure}`),
    ...(settings.systemBinary
      ? [`MONGOMS_SYSTEM_BINARY points to ${settings.systemBinary}; check that a mongod runs from there.`]
      : []),
    'Any of these works instead:',
    '  - set MONGODB_URI to a MongoDB server, e.g. MONGODB_URI=mongodb://127.0.0.1:27017/foro',
    '  - set MONGOMS_SYSTEM_BINARY to the path of a local mongod',
    '  - install Go (https://go.dev/dl/) or set GO_BINARY, so Foro can build FerretDB on SQLite',
    '  - run `npm run db:ferretdb` in another terminal (FerretDB on PostgreSQL), then',
    '    start Foro with MONGODB_URI=mongodb://127.0.0.1:27017/foro',
  ].join('\n');
}
