import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Router } from 'express';
import mongoose from 'mongoose';
import type { Config } from '../../src/config/index.js';
import { settableClock, type SettableClock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import { startForo, type RunningForo } from '../../src/server.js';
import { forgetFilledBlocks } from '../../src/db/blocks.js';
import { forgetCachedReads } from '../../src/db/short-cache.js';
import { testConfig } from './config.js';

/** Each test file gets its own database, named after the file (FerretDB allows [A-Za-z0-9_-]{1,63}). */
export function databaseNameFor(fileUrl: string): string {
  const name = basename(fileURLToPath(fileUrl)).replace(/\.test\.ts$/, '');
  return `t_${name.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 63);
}

export async function wipeDatabase(): Promise<void> {
  const db = mongoose.connection.db;
  if (!db) return;
  const collections = await db.collections();
  await Promise.all(collections.map((collection) => collection.deleteMany({})));
  forgetFilledBlocks();
  forgetCachedReads();
}

export interface TestForo {
  readonly url: string;
  readonly running: RunningForo;
  readonly config: Config;
  readonly clock: SettableClock;
}

/**
 * Starts a real Foro (HTTP server and database) for a test file: started before its tests,
 * collections wiped after each, the database dropped and Foro stopped at the end.
 */
export function useTestForo(
  fileUrl: string,
  options: { env?: Record<string, string>; extraRouters?: () => Router[] } = {},
): TestForo {
  const dbName = databaseNameFor(fileUrl);
  const state: Partial<{ running: RunningForo; config: Config }> = {};
  const clock = settableClock('2008-04-01T12:00:00Z');

  before(async function () {
    this.timeout(30_000);
    state.config = testConfig(options.env);
    state.running = await startForo(state.config, {
      logger: createLogger(state.config.logLevel),
      clock,
      dbName,
      extraRouters: options.extraRouters?.(),
    });
    await wipeDatabase();
  });
  afterEach(wipeDatabase);
  after(async () => {
    await mongoose.connection.db?.dropDatabase();
    await state.running?.stop();
  });

  return {
    get url() {
      return required(state.running).url;
    },
    get running() {
      return required(state.running);
    },
    get config() {
      return required(state.config);
    },
    clock,
  };
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('Foro has not started: use it inside a test or hook');
  return value;
}
