import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../src/db/embedded.js';

/**
 * Tests talk to a real MongoDB-wire server: MONGODB_URI when set, otherwise the same embedded
 * database `npm start` would run (MongoDB, or FerretDB on SQLite where no mongod can be had),
 * in a folder of its own that is removed at the end.
 */
let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  if (process.env['MONGODB_URI']) return;
  dataDir = await mkdtemp(join(tmpdir(), 'foro-test-db-'));
  const { embedded: settings } = loadConfig({ ...process.env, DATA_DIR: dataDir });
  embedded = await startEmbeddedDatabase({ dataDir, ...settings }, (line) => console.log(line));
  process.env['MONGODB_URI'] = embedded.uri;
}

export async function mochaGlobalTeardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
