import mongoose from 'mongoose';
import type { Config } from '../config/index.js';
import type { Logger } from '../shared/logger.js';
import { connectMongoose, pingDatabase } from './connection.js';
import { runningEmbeddedUri, startEmbeddedDatabase } from './embedded.js';
import { checkRepliesMatchRequests } from './reply-check.js';

export { EmbeddedDatabaseError } from './embedded.js';
export { hardenQueries } from './connection.js';

export interface Database {
  connection: mongoose.Connection;
  /** Where the data is: the configured server, or the embedded one under DATA_DIR. */
  kind: 'server' | 'embedded';
  isReady(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Overrides the database name of the URI. */
  dbName?: string;
  /** Where the embedded database's steps are said, one line each (default: the log). */
  say?: (line: string) => void;
}

/** `MONGODB_URI` when set; otherwise an embedded database keeping its files under DATA_DIR. */
export async function openDatabase(
  config: Config,
  logger: Logger,
  options: OpenOptions = {},
): Promise<Database> {
  const say = options.say ?? ((line: string) => logger.info(line));
  checkRepliesMatchRequests((mismatch) =>
    logger.error(mismatch, 'a database reply did not answer its request: the connection was closed'),
  );
  if (!config.mongodbUri) {
    const shared = await connectToRunningEmbedded(config, say, options.dbName);
    if (shared) return shared;
  }
  const embedded = config.mongodbUri
    ? undefined
    : await startEmbeddedDatabase({ dataDir: config.dataDir, ...config.embedded }, say);
  try {
    const connection = await connectMongoose(config.mongodbUri ?? embedded!.uri, {
      dbName: options.dbName,
      timeoutMs: config.dbTimeoutMs,
      poolSize: config.dbPoolSize,
    });
    logger.info({ database: connection.name, kind: embedded?.kind ?? 'server' }, 'database connected');
    return {
      connection,
      kind: embedded ? 'embedded' : 'server',
      isReady: (timeoutMs = 2000) => pingDatabase(connection, timeoutMs),
      close: async () => {
        await mongoose.disconnect();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/**
 * A script started while Foro runs on the embedded server must use that server: a second
 * mongod cannot open the same data folder. A stale address (Foro was killed) is ignored.
 */
async function connectToRunningEmbedded(
  config: Config,
  say: (line: string) => void,
  dbName: string | undefined,
): Promise<Database | undefined> {
  const uri = await runningEmbeddedUri(config.dataDir);
  if (!uri) return undefined;
  try {
    const connection = await connectMongoose(uri, { dbName, timeoutMs: 1500, poolSize: config.dbPoolSize });
    say(`Using the embedded database another Foro process runs (${uri})`);
    return {
      connection,
      kind: 'embedded',
      isReady: (timeoutMs = 2000) => pingDatabase(connection, timeoutMs),
      close: () => mongoose.disconnect(),
    };
  } catch {
    await mongoose.disconnect();
    return undefined;
  }
}
