import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, open } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface EmbeddedServer {
  uri: string;
  stop(): Promise<void>;
}

/** FerretDB's SQLite folder: one `<database>.sqlite` file per database. */
export function ferretdbDataPath(dataDir: string): string {
  return join(dataDir, 'ferretdb');
}

/**
 * Runs FerretDB on SQLite under DATA_DIR/ferretdb as a child process that stops with Foro
 * (SIGTERM on stop; the launcher also exits by itself if Foro dies without stopping it).
 */
export async function startEmbeddedFerretdb(settings: {
  binary: string;
  dataDir: string;
  port: number;
  startTimeoutMs?: number;
}): Promise<EmbeddedServer> {
  const folder = resolve(ferretdbDataPath(settings.dataDir));
  await mkdir(folder, { recursive: true });
  return startFerretdb({
    ...settings,
    log: join(settings.dataDir, 'ferretdb.log'),
    handler: [
      '-handler=sqlite',
      // Write transactions take SQLite's write lock when they begin, and wait up to a minute for
      // it: with the defaults (deferred, 10 s) bursts of simultaneous writes failed with
      // SQLITE_BUSY ("database is locked").
      `-sqlite-url=file:${folder}/?_txlock=immediate&_pragma=busy_timeout(60000)`,
    ],
  });
}

/** FerretDB over a PostgreSQL database, as a child process (tests and benchmarks of that setup). */
export function startFerretdbOnPostgresql(settings: {
  binary: string;
  postgresqlUrl: string;
  log: string;
  port?: number;
}): Promise<EmbeddedServer> {
  return startFerretdb({
    ...settings,
    port: settings.port ?? 0,
    handler: ['-handler=postgresql', `-postgresql-url=${settings.postgresqlUrl}`],
  });
}

async function startFerretdb(settings: {
  binary: string;
  port: number;
  log: string;
  handler: string[];
  startTimeoutMs?: number;
}): Promise<EmbeddedServer> {
  const port = settings.port > 0 ? settings.port : await freePort();
  const log = await open(settings.log, 'a');
  const child = spawn(
    settings.binary,
    [...settings.handler, `-listen=127.0.0.1:${port}`, '-log-level=error', '-exit-with-parent'],
    { stdio: ['ignore', log.fd, log.fd] },
  );
  await log.close();
  try {
    await listening(child, port, settings.startTimeoutMs ?? 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

async function listening(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  let failure: Error | undefined;
  child.once('error', (error) => (failure = error));
  child.once(
    'exit',
    (code, signal) => (failure ??= new Error(`FerretDB exited at start (${signal ?? code})`)),
  );
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (failure) throw failure;
    if (await accepts(port)) return;
    await sleep(100);
  }
  throw new Error(`FerretDB did not listen on port ${port} within ${timeoutMs} ms`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}
