import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedMongo, type EmbeddedMongo } from '../../src/db/embedded.js';

/**
 * Tests talk to a real MongoDB-wire server: MONGODB_URI when set (FerretDB here and in CI),
 * otherwise one embedded MongoDB for the whole run in a temporary folder.
 */
let embedded: EmbeddedMongo | undefined;
let dataDir: string | undefined;

export async function mochaGlobalSetup(): Promise<void> {
  if (process.env['MONGODB_URI']) return;
  dataDir = await mkdtemp(join(tmpdir(), 'foro-test-db-'));
  embedded = await startEmbeddedMongo({
    dataDir,
    systemBinary: process.env['MONGOMS_SYSTEM_BINARY'],
    port: 0,
  });
  process.env['MONGODB_URI'] = embedded.uri;
}

export async function mochaGlobalTeardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
