import { expect } from 'chai';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { loadConfig } from '../../src/config/index.js';
import { EmbeddedDatabaseError, openDatabase } from '../../src/db/index.js';
import {
  embeddedUriFile,
  failureMessage,
  startEmbeddedDatabase,
  type EmbeddedSettings,
} from '../../src/db/embedded.js';
import { embeddedDataPath, embeddedServerOptions } from '../../src/db/embedded-mongodb.js';
import {
  defaultFerretdbBuild,
  ensureFerretdbBinary,
  ferretdbBinaryPath,
  type FerretdbBuild,
} from '../../src/db/ferretdb-binary.js';
import { createLogger } from '../../src/shared/logger.js';

const { MongoClient } = mongoose.mongo;
type MongoClient = InstanceType<typeof MongoClient>;
const noMongod = () => Promise.reject(new Error('no mongod could be had (getaddrinfo ENOTFOUND)'));

describe('db: embedded database', function () {
  this.timeout(180_000);
  let dataDir: string;
  let builtBinary: string;
  let lines: string[];
  const say = (line: string) => lines.push(line);
  const settings = (extra: Partial<EmbeddedSettings> = {}): EmbeddedSettings => ({
    dataDir,
    prefer: 'auto',
    systemBinary: undefined,
    port: 0,
    goBinary: undefined,
    ...extra,
  });

  before(async () => {
    // The real build (from the Go module proxy on a fresh machine; reused afterwards).
    builtBinary = await ensureFerretdbBinary(defaultFerretdbBuild(undefined, () => {}));
  });
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'foro-embedded-'));
    lines = [];
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps MongoDB files in a fixed folder under DATA_DIR with a durable storage engine', () => {
    const options = embeddedServerOptions({ dataDir, systemBinary: undefined, port: 0 });
    expect(options.instance?.dbPath).to.equal(join(dataDir, 'mongodb'));
    expect(options.instance?.storageEngine).to.equal('wiredTiger');
    expect(options.instance?.ip).to.equal('127.0.0.1');
    expect(options.instance).to.not.have.property('port');
    const fixed = embeddedServerOptions({ dataDir, systemBinary: '/opt/mongo/bin/mongod', port: 27100 });
    expect(fixed.binary?.systemBinary).to.equal('/opt/mongo/bin/mongod');
    expect(fixed.instance?.port).to.equal(27100);
  });

  it('falls back to FerretDB on SQLite when no mongod can be had, saying each step, and keeps data across restarts', async () => {
    const first = await startEmbeddedDatabase(settings(), say, { createMongo: noMongod });
    expect(first.kind).to.equal('ferretdb');
    expect(lines[0]).to.match(/trying MongoDB/);
    expect(lines[1]).to.match(
      /MongoDB is not available \(no mongod could be had .*\); trying FerretDB on SQLite/,
    );
    expect(lines[2]).to.match(/FerretDB on SQLite, files in .*ferretdb/);
    expect((await readFile(embeddedUriFile(dataDir), 'utf8')).trim()).to.equal(first.uri);
    await withClient(first.uri, (client) =>
      client.db('foro').collection('events').insertOne({ slug: 'cuenca' }),
    );
    await first.stop();
    await expectNoFile(embeddedUriFile(dataDir));

    // The second start goes straight to the FerretDB that holds the data (no MongoDB attempt).
    lines = [];
    let mongoTried = false;
    const second = await startEmbeddedDatabase(settings(), say, {
      createMongo: () => ((mongoTried = true), noMongod()),
    });
    try {
      expect(mongoTried).to.equal(false);
      expect(lines[0]).to.match(/holds an embedded FerretDB's data/);
      const found = await withClient(second.uri, (client) =>
        client.db('foro').collection('events').findOne({ slug: 'cuenca' }),
      );
      expect(found?.['slug']).to.equal('cuenca');
    } finally {
      await second.stop();
    }
  });

  it('never stands FerretDB in for a DATA_DIR that holds MongoDB data', async () => {
    await mkdir(embeddedDataPath(dataDir), { recursive: true });
    await writeFile(join(embeddedDataPath(dataDir), 'WiredTiger'), 'WiredTiger\n');
    const error = await startEmbeddedDatabase(settings(), say, { createMongo: noMongod }).catch(
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(EmbeddedDatabaseError);
    expect((error as Error).message).to.contain('MongoDB: no mongod could be had');
    expect((error as Error).message).to.not.contain('FerretDB on SQLite:');
  });

  it('says what to do when neither can start (no mongod, no Go, no binary)', async () => {
    const build = fakeBuild(join(dataDir, 'cache'), join(dataDir, 'no-such-go'));
    const error = await startEmbeddedDatabase(settings(), say, {
      createMongo: noMongod,
      ferretdbBuild: build,
    }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(EmbeddedDatabaseError);
    const message = (error as Error).message;
    expect(message).to.contain('MongoDB: no mongod could be had');
    expect(message).to.contain('FerretDB on SQLite: GO_BINARY=');
    for (const way of ['MONGODB_URI', 'MONGOMS_SYSTEM_BINARY', 'GO_BINARY', 'npm run db:ferretdb']) {
      expect(message).to.contain(way);
    }
    expect(failureMessage({ systemBinary: '/opt/mongod' }, [])).to.contain(
      'MONGOMS_SYSTEM_BINARY points to /opt/mongod',
    );
  });

  it('rebuilds a broken, half-written or foreign binary instead of running it', async () => {
    const cacheDir = join(dataDir, 'cache');
    const goLog = join(dataDir, 'go.log');
    const build = fakeBuild(cacheDir, await fakeGo(dataDir, builtBinary, goLog));
    const binary = ferretdbBinaryPath(build);

    await ensureFerretdbBinary(build); // nothing there: built
    await ensureFerretdbBinary(build); // intact: reused
    await truncate(binary, 1000); // cut short (a full disk, a killed copy)
    await ensureFerretdbBinary(build);
    await rm(`${binary}.sum`); // built by someone else or never finished: no checksum
    await ensureFerretdbBinary(build);
    await writeFile(binary, '#!/bin/sh\necho something-else\n');
    await chmod(binary, 0o755);
    await ensureFerretdbBinary(build);

    const builds = (await readFile(goLog, 'utf8')).trim().split('\n');
    expect(builds).to.have.length(4);
    expect((await stat(binary)).size).to.equal((await stat(builtBinary)).size);
  });

  it('is what openDatabase uses when MONGODB_URI is unset, and a second process reuses it', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, EMBEDDED_DATABASE: 'ferretdb' });
    const logger = createLogger('silent');
    const first = await openDatabase(config, logger, { say });
    try {
      expect(first.kind).to.equal('embedded');
      const uri = (await readFile(embeddedUriFile(dataDir), 'utf8')).trim();
      expect(uri).to.match(/^mongodb:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await first.isReady()).to.equal(true);
    } finally {
      await first.close();
    }
  });
});

function fakeBuild(cacheDir: string, goBinary: string): FerretdbBuild {
  return { ...defaultFerretdbBuild(goBinary, () => {}), cacheDir };
}

/** A stand-in for `go` that "builds" by copying the real binary to -o, and logs each build. */
async function fakeGo(dir: string, realBinary: string, log: string): Promise<string> {
  const path = join(dir, 'go');
  await writeFile(
    path,
    `#!/bin/sh\n[ "$1" = version ] && exit 0\nwhile [ "$1" != "-o" ]; do shift; done\ncp "${realBinary}" "$2"\necho built >> "${log}"\n`,
  );
  await chmod(path, 0o755);
  return path;
}

async function withClient<T>(uri: string, use: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = await MongoClient.connect(uri);
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

async function expectNoFile(path: string): Promise<void> {
  const error = await stat(path).catch((e: unknown) => e);
  expect((error as NodeJS.ErrnoException).code).to.equal('ENOENT');
}
