import mongoose from 'mongoose';
import type { Config } from '../config/index.js';
import type { Logger } from '../shared/logger.js';
import { connectMongoose, pingDatabase } from './connection.js';
import { runningEmbeddedUri, startEmbeddedMongo } from './embedded.js';

export { EmbeddedDatabaseError } from './embedded.js';
export { hardenQueries } from './connection.js';

export interface Database {
  connection: mongoose.Connection;
  /** Where the data is: the configured server, or the embedded one under DATA_DIR. */
  kind: 'server' | 'embedded';
  isReady(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** `MONGODB_URI` when set; otherwise an embedded MongoDB keeping its files under DATA_DIR. */
export async function openDatabase(
  config: Config,
  logger: Logger,
  options: { dbName?: string } = {},
): Promise<Database> {
  if (!config.mongodbUri) {
    const shared = await connectToRunningEmbedded(config, logger, options.dbName);
    if (shared) return shared;
  }
  const embedded = config.mongodbUri
    ? undefined
    : await startEmbeddedMongo({ dataDir: config.dataDir, ...config.embedded });
  try {
    const connection = await connectMongoose(config.mongodbUri ?? embedded!.uri, {
      dbName: options.dbName,
      timeoutMs: config.dbTimeoutMs,
    });
    logger.info({ database: connection.name, kind: embedded ? 'embedded' : 'server' }, 'database connected');
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
  logger: Logger,
  dbName: string | undefined,
): Promise<Database | undefined> {
  const uri = await runningEmbeddedUri(config.dataDir);
  if (!uri) return undefined;
  try {
    const connection = await connectMongoose(uri, { dbName, timeoutMs: 1500 });
    logger.info({ database: connection.name }, 'using the embedded database another Foro process runs');
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
