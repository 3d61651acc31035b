import { ConfigError, loadConfig } from './config/index.js';
import { EmbeddedDatabaseError } from './db/index.js';
import { systemClock } from './shared/clock.js';
import { createLogger } from './shared/logger.js';
import { startForo } from './server.js';

/** Composition root: config → database → app → listen; SIGINT/SIGTERM stop it gracefully. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    process.exit(1);
  });

  let foro;
  try {
    foro = await startForo(config, { logger, clock: systemClock, say: (line) => console.log(line) });
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) {
      console.error(error.message);
    } else if (error instanceof Error && error.name === 'MongooseServerSelectionError') {
      console.error(
        `Foro could not reach the database server given in MONGODB_URI within ${config.dbTimeoutMs} ms.\n` +
          `Reason: ${error.message}\nStart the server (for FerretDB: npm run db:ferretdb) or fix MONGODB_URI.`,
      );
    } else {
      logger.fatal({ err: error }, 'Foro could not start');
    }
    process.exit(1);
  }

  const running = foro;
  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

await main();
