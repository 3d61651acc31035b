import { spawn } from 'node:child_process';
import { projectRoot } from '../../src/paths.js';

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface ForoProcess {
  child: ReturnType<typeof spawn>;
  exited: Promise<Exit>;
  /** The address it serves, once it says it listens. */
  listening: Promise<string>;
  output(): string;
  /** SIGTERM, then the exit. */
  stop(): Promise<Exit>;
}

/** Runs `src/main.ts` as its own process, the way `npm start` does (through tsx instead of a build). */
export function runForo(env: Record<string, string | undefined>): ForoProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"Foro is listening"/.exec(stdout);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((exit) => reject(new Error(`Foro exited (${exit.code}): ${exit.stderr}${exit.stdout}`)));
  });
  return {
    child,
    exited,
    listening,
    output: () => stdout,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The database server of the test run, with another database name. */
export function databaseUri(name: string): string {
  const server = (process.env['MONGODB_URI'] ?? '').replace(/^(mongodb:\/\/[^/?]+).*$/, '$1');
  return `${server}/${name}`;
}
