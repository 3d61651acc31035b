import mongoose from 'mongoose';
import type { Config } from '../config/index.js';
import type { Logger } from '../shared/logger.js';
import { connectMongoose, pingDatabase } from './connection.js';
import { startEmbeddedMongo } from './embedded.js';

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
