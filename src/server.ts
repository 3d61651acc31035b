import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Router } from 'express';
import { createApp } from './app.js';
import type { Config } from './config/index.js';
import { type Database, openDatabase } from './db/index.js';
import {
  recountLetters,
  recountPresence,
  workerPdfRenderer,
  type PdfRenderer,
} from './modules/documents/index.js';
import { startSchedule, type ScheduledTask } from './jobs/schedule.js';
import { mailSettingsOf, reminderTask } from './modules/invitations/index.js';
import { purgeEndedWindows } from './modules/limits/index.js';
import {
  completeUnfinishedRegistrations,
  documentSeats,
  keyNamePairs,
  keyNamePairsOfSmallDatabase,
  numberOlderRegistrations,
  copyListings,
  markUnfinishedSubmissions,
  purgeExpiredEvents,
  recountLargeEvents,
} from './modules/registrations/index.js';
import { migrate } from './db/migrations.js';
import { addLookupIndexes } from './db/postgresql-lookups.js';
import { keyOlderPeopleByName, numberOlderPeople } from './modules/people/index.js';
import { numberOlderProposals } from './modules/side-events/index.js';
import { numberOlderBilaterals } from './modules/bilaterals/index.js';
import { numberOlderDocuments } from './modules/official-documents/index.js';
import { settleSilences } from './modules/outcome/index.js';
import { systemActor, type Actor } from './shared/actor.js';
import { sweepExpiredSessions } from './web/security.js';
import { numberOlderMessages, outboxWorkerFor } from './modules/messaging/index.js';
import type { Clock } from './shared/clock.js';
import type { Logger } from './shared/logger.js';

/** What a database is brought up to at every start, in order (each once: `db/migrations.ts`). */
export const STARTUP_MIGRATIONS = [
  numberOlderRegistrations,
  numberOlderMessages,
  copyListings,
  numberOlderPeople,
  keyOlderPeopleByName,
  markUnfinishedSubmissions,
  keyNamePairsOfSmallDatabase,
  numberOlderProposals,
  numberOlderBilaterals,
  numberOlderDocuments,
];

export interface RunningForo {
  url: string;
  server: Server;
  database: Database;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), closes the database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  clock: Clock;
  /** Overrides the database name of the URI (tests give each file its own). */
  dbName?: string;
  /** Where the embedded database's start-up steps are said (default: the log). */
  say?: (line: string) => void;
  extraRouters?: Router[];
}

export async function startForo(config: Config, options: StartOptions): Promise<RunningForo> {
  const { logger, clock } = options;
  const database = await openDatabase(config, logger, { dbName: options.dbName, say: options.say });
  await migrate(STARTUP_MIGRATIONS);
  const renderer = workerPdfRenderer({ ...config.documents, logger });
  let server: Server;
  try {
    const app = createApp({ config, logger, clock, database, renderer }, options.extraRouters);
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(config.port, config.host, (error?: Error) =>
        error ? reject(error) : resolve(listening),
      );
    });
  } catch (error) {
    await renderer.close();
    await database.close();
    throw error;
  }
  // The outbox is sent from this process unless OUTBOX_WORKER=off (another process sends it).
  const worker = config.outbox.worker ? outboxWorkerFor(config, clock, logger) : undefined;
  worker?.start(config.outbox.pollMs);
  const tasks = config.scheduledTasks ? scheduledTasks(config, database, clock, logger, renderer) : [];
  const schedule = startSchedule(tasks, clock, logger);
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ url, publicUrl: config.publicUrl }, 'Foro is listening');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      await closed;
      clearTimeout(force);
      await schedule.stop();
      await worker?.stop();
      await renderer.close();
      await database.close();
      logger.info('Foro stopped');
    })();
    return stopping;
  };
  return { url, server, database, stop };
}

const HOUR = 3_600_000;

/** The work on a timer; each task runs once per period whatever the number of processes. */
function scheduledTasks(
  config: Config,
  database: Database,
  clock: Clock,
  logger: Logger,
  renderer: PdfRenderer,
): ScheduledTask[] {
  const purger: Actor = systemActor('Foro (retention period over)');
  const outcome = {
    clock,
    settings: mailSettingsOf(config),
    renderer,
    maxBytes: config.officialDocuments.maxBytes,
  };
  return [
    // Reminders go with the outbox: a process with OUTBOX_WORKER=off leaves them to the others.
    ...(config.outbox.worker ? [reminderTask(config, clock, logger)] : []),
    { name: 'privacy-purge', everyMs: 24 * HOUR, run: () => purgeExpiredEvents(purger, clock) },
    {
      name: 'registration-repair',
      everyMs: HOUR / 60,
      run: () =>
        completeUnfinishedRegistrations({
          clock,
          settings: mailSettingsOf(config),
          seats: documentSeats(clock),
        }),
    },
    {
      name: 'registration-figures',
      everyMs: HOUR / 60,
      run: () =>
        recountLargeEvents({ seats: documentSeats(clock), clock }, [recountPresence, recountLetters]),
    },
    ...(config.ferretdbPostgresqlUrl
      ? [lookupIndexTask(config.ferretdbPostgresqlUrl, database.connection, logger)]
      : []),
    // A large database's names get their pair keys in the background (`lists/name-pairs.ts`).
    { name: 'name-pair-keys', everyMs: HOUR, run: keyNamePairs },
    // Silences whose deadline passed are adopted (and adopted texts published) within a minute.
    { name: 'outcome-silence', everyMs: HOUR / 60, run: () => settleSilences(outcome) },
    { name: 'rate-limit-cleanup', everyMs: HOUR / 6, run: () => purgeEndedWindows(clock.now()) },
    {
      name: 'session-cleanup',
      everyMs: HOUR / 6,
      run: () => sweepExpiredSessions(database.connection, clock.now()),
    },
  ];
}

/**
 * On FerretDB over PostgreSQL, the indexes its lookups need (`db/postgresql-lookups.ts`), for
 * the collections there are once every model has made its own, and again for any made later.
 */
function lookupIndexTask(url: string, connection: Database['connection'], logger: Logger): ScheduledTask {
  return {
    name: 'lookup-indexes',
    everyMs: HOUR / 6,
    run: async () => {
      await Promise.all(connection.modelNames().map((name) => connection.model(name).init()));
      const added = await addLookupIndexes(url, connection.name);
      if (added.length > 0) logger.info({ added: added.length }, 'lookup indexes added in PostgreSQL');
    },
  };
}
