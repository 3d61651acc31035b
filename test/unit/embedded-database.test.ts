import { expect } from 'chai';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { EmbeddedDatabaseError, openDatabase } from '../../src/db/index.js';
import {
  embeddedDataPath,
  embeddedFailureMessage,
  embeddedServerOptions,
  startEmbeddedMongo,
} from '../../src/db/embedded.js';
import { createLogger } from '../../src/shared/logger.js';

describe('db: embedded MongoDB', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'foro-embedded-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps its files in a fixed folder under DATA_DIR with a durable storage engine', () => {
    const options = embeddedServerOptions({ dataDir, systemBinary: undefined, port: 0 });
    expect(options.instance?.dbPath).to.equal(join(dataDir, 'mongodb'));
    expect(options.instance?.storageEngine).to.equal('wiredTiger');
    expect(options.instance?.ip).to.equal('127.0.0.1');
    expect(options.instance).to.not.have.property('port');
    expect(options).to.not.have.property('binary');
  });

  it('passes a local mongod and a fixed port through', () => {
    const options = embeddedServerOptions({ dataDir, systemBinary: '/opt/mongo/bin/mongod', port: 27100 });
    expect(options.binary?.systemBinary).to.equal('/opt/mongo/bin/mongod');
    expect(options.instance?.port).to.equal(27100);
  });

  it('explains every way out when it cannot start', () => {
    const message = embeddedFailureMessage(
      { dataDir, systemBinary: undefined, port: 0 },
      new Error('Download failed for url "https://fastdl.mongodb.org/x.tgz"\nstack…'),
    );
    expect(message).to.contain('Download failed');
    expect(message).to.contain('stack…');
    expect(message).to.contain('MONGODB_URI');
    expect(message).to.contain('MONGOMS_SYSTEM_BINARY');
    expect(message).to.contain('npm run db:ferretdb');
  });

  it('fails with that message when the real server cannot start, after creating the data folder', async () => {
    const settings = { dataDir, systemBinary: join(dataDir, 'no-such-mongod'), port: 0 };
    const error = await startEmbeddedMongo(settings).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(EmbeddedDatabaseError);
    expect((error as Error).message).to.contain('no-such-mongod');
    expect((error as Error).message).to.contain('npm run db:ferretdb');
    expect((await stat(embeddedDataPath(dataDir))).isDirectory()).to.equal(true);
  });

  it('is what openDatabase uses when MONGODB_URI is unset', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, MONGOMS_SYSTEM_BINARY: join(dataDir, 'absent-mongod') });
    const error = await openDatabase(config, createLogger('silent')).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(EmbeddedDatabaseError);
    expect((error as Error).message).to.contain('absent-mongod');
  });
});
