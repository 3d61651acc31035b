import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import pg from 'pg';
import { defaultFerretdbBuild, ferretdbBinaryPath } from '../../src/db/ferretdb-binary.js';
import { startFerretdbOnPostgresql, type EmbeddedServer } from '../../src/db/embedded-ferretdb.js';
import { addLookupIndexes, lookupIndexName } from '../../src/db/postgresql-lookups.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { insertBulkRegistrations } from '../factories/registrations.js';
import { databaseNameFor, useTestForo } from '../support/foro.js';

const POSTGRES = process.env['TEST_POSTGRESQL_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const pgDatabase = `foro_lookups_${process.pid}`;
const pgUrl = `${POSTGRES}/${pgDatabase}`;
const schema = databaseNameFor(import.meta.url);

async function onPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Foro's lookup indexes on the table of `collection`, with whether each is usable and its scans. */
async function lookupIndexesOf(collection: string) {
  return onPostgres(pgUrl, async (client) => {
    const { rows } = await client.query<{ name: string; valid: boolean; scans: string; definition: string }>(
      `SELECT s.indexrelname AS name, i.indisvalid AS valid, s.idx_scan AS scans,
              pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
        WHERE s.schemaname = $1 AND s.indexrelname LIKE '%\\_lookup'
          AND s.relname = (SELECT _jsonb->>'table' FROM ${client.escapeIdentifier(schema)}._ferretdb_database_metadata
                            WHERE _jsonb->>'_id' = $2)`,
      [schema, collection],
    );
    return rows.map((row) => ({ ...row, scans: Number(row.scans) }));
  });
}

/**
 * ANALYZE, again if it deadlocks with an index the timer is building meanwhile (PostgreSQL then
 * cancels one of the two).
 */
async function analyzeBesideIndexBuilds(): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await onPostgres(pgUrl, (client) => client.query('ANALYZE'));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
      await sleep(200);
    }
  }
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await sleep(200);
  }
}

describe('lookup indexes that Foro adds under FerretDB over PostgreSQL', function () {
  this.timeout(60_000);
  const env: Record<string, string> = {};
  let ferretdb: EmbeddedServer | undefined;
  let logDir: string | undefined;

  before(async function () {
    const binary = ferretdbBinaryPath(defaultFerretdbBuild(undefined, () => {}));
    const reachable = await onPostgres(`${POSTGRES}/postgres`, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(pgDatabase)}`);
      await client.query(
        `CREATE DATABASE ${client.escapeIdentifier(pgDatabase)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`,
      );
      return true;
    }).catch(() => false);
    // Needs a PostgreSQL server and the FerretDB binary (`npm start` and CI build it).
    if (!reachable || !existsSync(binary)) this.skip();
    logDir = await mkdtemp(join(tmpdir(), 'foro-lookups-'));
    ferretdb = await startFerretdbOnPostgresql({
      binary,
      postgresqlUrl: pgUrl,
      log: join(logDir, 'ferretdb.log'),
    });
    Object.assign(env, {
      MONGODB_URI: ferretdb.uri,
      FERRETDB_POSTGRESQL_URL: pgUrl,
      SCHEDULED_TASKS: 'on',
    });
  });

  after(async () => {
    await ferretdb?.stop();
    if (logDir) await rm(logDir, { recursive: true, force: true });
    await onPostgres(`${POSTGRES}/postgres`, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(pgDatabase)}`),
    ).catch(() => undefined);
  });

  describe('a Foro started with FERRETDB_POSTGRESQL_URL', () => {
    useTestForo(import.meta.url, { env });

    it("indexes every collection's _id and looked-up fields soon after it starts, and FerretDB's reads use them", async () => {
      // The timer adds a collection's indexes one after another: wait for those this test reads.
      const fieldsOf = (found: { definition: string }[]) =>
        found.map((index) => /->\s*'(\w+)'/.exec(index.definition)?.[1]);
      const wanted = ['_id', 'eventId', 'block', 'personId'];
      const indexes = await until(
        () => lookupIndexesOf('registrations'),
        (found) => wanted.every((field) => fieldsOf(found).includes(field)),
      );
      const byField = new Map(indexes.map((index) => [fieldsOf([index])[0], index]));
      expect([...byField.keys()]).to.include.members(wanted);
      for (const index of indexes) {
        expect(index.valid, index.name).to.equal(true);
        expect(index.definition).to.match(/USING gin .* jsonb_path_ops/);
      }

      const eventId = new Types.ObjectId().toHexString();
      await insertBulkRegistrations(eventId, 3000, (i) => ({ block: Math.floor(i / 256) }));
      await analyzeBesideIndexBuilds();
      const before = (await lookupIndexesOf('registrations')).find(
        (index) => index.name === byField.get('block')!.name,
      );
      const block = await Registration.find({ eventId, block: 1 }).lean();
      expect(block).to.have.length(256);
      const one = await Registration.findById(block[0]!._id).lean();
      expect(String(one?._id)).to.equal(String(block[0]!._id));
      // Each PostgreSQL connection reports its scans when idle, within a second or so.
      const after = await until(
        () => lookupIndexesOf('registrations'),
        (found) =>
          found.find((index) => index.name === before!.name)!.scans > before!.scans &&
          found.find((index) => index.name === byField.get('_id')!.name)!.scans > byField.get('_id')!.scans,
      );
      expect(after.find((index) => index.name === before!.name)!.scans).to.be.above(before!.scans);
      expect(after.find((index) => index.name === byField.get('_id')!.name)!.scans).to.be.above(
        byField.get('_id')!.scans,
      );
    });

    it('adds nothing twice, also when several processes look at once, and indexes a collection made later', async () => {
      await until(
        () => lookupIndexesOf('registrations'),
        (found) => found.length >= 3,
      );
      const passes = await Promise.all([1, 2, 3].map(() => addLookupIndexes(pgUrl, schema)));
      expect(passes.flat().filter((index) => index.table.startsWith('registrations'))).to.deep.equal([]);

      await mongoose.connection.db!.collection('later_things').createIndex({ code: 1 });
      const added = await addLookupIndexes(pgUrl, schema);
      expect(
        added.filter((index) => index.table.startsWith('later_things')).map((index) => index.field),
      ).to.have.members(['_id', 'code']);
      expect(await addLookupIndexes(pgUrl, schema)).to.deep.equal([]);
    });
  });
});

describe('lookup index names', () => {
  it('stay within PostgreSQL’s 63 bytes, distinct for each field of a long table name', () => {
    const table = `${'x'.repeat(54)}_0123abcd`;
    const names = ['_id', 'eventId', 'event_id', 'nameKeys', 'a'.repeat(80)].map((field) =>
      lookupIndexName(table, field),
    );
    for (const name of names) expect(Buffer.byteLength(name)).to.be.at.most(63);
    expect(new Set(names).size).to.equal(names.length);
    expect(lookupIndexName('registrations_1a2b3c4d', 'block')).to.match(
      /^registrations_1a2b3c4d_block_[0-9a-f]{8}_lookup$/,
    );
  });
});
