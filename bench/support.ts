import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import pg from 'pg';
import { loadConfig } from '../src/config/index.js';
import { migrate } from '../src/db/migrations.js';
import { addLookupIndexes } from '../src/db/postgresql-lookups.js';
import { STARTUP_MIGRATIONS } from '../src/server.js';

/** Runs `work` a few times after a warm-up: its median, best and 95th-percentile time in milliseconds. */
export async function measure(
  work: () => unknown,
  runs = 7,
): Promise<{ median: number; best: number; p95: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)]!,
    best: times[0]!,
    p95: times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]!,
  };
}

export function report(rows: { name: string; median: number; best: number; baseline?: string }[]): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'measure'.padEnd(width)}  median ms   best ms   vs baseline`);
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(width)}  ${row.median.toFixed(1).padStart(9)}  ${row.best.toFixed(1).padStart(8)}   ${row.baseline ?? ''}`,
    );
  }
}

/**
 * Foro's configuration for a benchmark run from the environment: on a port of its own, silent,
 * with no outbox worker and limits high enough not to count; `overrides` adds to it.
 */
export function benchConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    OUTBOX_WORKER: 'off',
    RATE_LIMIT_MAX: '10000000',
    ...overrides,
  });
}

/**
 * Empties the benchmark's database and puts back what a running Foro has: the indexes its models
 * make at start (unique ones among them, which seats and claims rely on) and the migrations it
 * records, which a dropped database loses.
 */
export async function emptyDatabase(): Promise<void> {
  await mongoose.connection.db!.dropDatabase();
  await Promise.all(mongoose.modelNames().map((name) => mongoose.model(name).createIndexes()));
  await migrate(STARTUP_MIGRATIONS);
}

/**
 * On FerretDB over PostgreSQL (FERRETDB_POSTGRESQL_URL), adds the lookup indexes a running Foro's
 * schedule would (`db/postgresql-lookups.ts`) and says how long that took; then vacuums and
 * analyzes the database, as PostgreSQL's autovacuum does on its own some time after a bulk
 * load: measured before it has, one read took 200 ms or 10 ms depending on whether it had yet.
 */
export async function indexLookups(url: string | undefined): Promise<void> {
  if (!url) return;
  const started = performance.now();
  const added = await addLookupIndexes(url, mongoose.connection.name);
  const client = new pg.Client({ connectionString: url, application_name: 'foro-bench' });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await client.end();
  }
  console.log(
    `  ${added.length} lookup indexes added, database vacuumed and analyzed, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}
