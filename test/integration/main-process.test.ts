import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { projectRoot } from '../../src/paths.js';
import { databaseNameFor } from '../support/foro.js';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `src/main.ts` as its own process, the way `npm start` does (through tsx instead of a build). */
function runForo(env: Record<string, string | undefined>) {
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
  return { child, exited, listening };
}

describe('platform: the Foro process', function () {
  this.timeout(40_000);

  it('starts, serves, and on SIGTERM stops gracefully with exit code 0', async () => {
    const server = (process.env['MONGODB_URI'] ?? '').replace(/^(mongodb:\/\/[^/?]+).*$/, '$1');
    const uri = `${server}/${databaseNameFor(import.meta.url)}`;
    const foro = runForo({ MONGODB_URI: uri });
    const url = await foro.listening;
    expect((await request(url).get('/readyz')).status).to.equal(200);
    expect((await request(url).get('/?lang=en')).text).to.contain('Logistics for intergovernmental forums');
    foro.child.kill('SIGTERM');
    const exit = await foro.exited;
    expect(exit.code).to.equal(0);
    expect(exit.stdout).to.contain('Foro stopped');
  });

  it('refuses to start with a bad setting and names the key', async () => {
    const exit = await runForo({ PORT: 'eighty' }).exited;
    expect(exit.code).to.equal(1);
    expect(exit.stderr).to.contain('PORT');
    expect(exit.stderr).to.contain('.env.example');
  });

  it('refuses to start in production without SESSION_SECRET', async () => {
    const exit = await runForo({ NODE_ENV: 'production', SESSION_SECRET: '' }).exited;
    expect(exit.code).to.equal(1);
    expect(exit.stderr).to.contain('SESSION_SECRET');
  });

  it('explains what to do when the embedded database cannot start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'foro-main-'));
    try {
      const exit = await runForo({
        MONGODB_URI: '',
        DATA_DIR: dataDir,
        MONGOMS_SYSTEM_BINARY: join(dataDir, 'missing-mongod'),
      }).exited;
      expect(exit.code).to.equal(1);
      expect(exit.stderr).to.contain('could not start its embedded MongoDB');
      expect(exit.stderr).to.contain('MONGODB_URI');
      expect(exit.stderr).to.contain('npm run db:ferretdb');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('explains what to do when the database server cannot be reached', async () => {
    const exit = await runForo({ MONGODB_URI: 'mongodb://127.0.0.1:1/foro', DB_TIMEOUT_MS: '500' }).exited;
    expect(exit.code).to.equal(1);
    expect(exit.stderr).to.contain('could not reach the database server');
  });
});
