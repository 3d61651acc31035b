import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { databaseNameFor } from '../support/foro.js';
import { browserAgent, signIn } from '../support/http.js';
import { runNpm } from '../support/npm.js';
import { runForo } from '../support/process.js';

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

  it('explains what to do when no embedded database can start', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'foro-main-'));
    try {
      const exit = await runForo({
        MONGODB_URI: '',
        DATA_DIR: dataDir,
        MONGOMS_SYSTEM_BINARY: join(dataDir, 'missing-mongod'),
        EMBEDDED_DATABASE: 'mongodb',
      }).exited;
      expect(exit.code).to.equal(1);
      expect(exit.stderr).to.contain('could not start an embedded database');
      expect(exit.stderr).to.contain('missing-mongod');
      expect(exit.stderr).to.contain('MONGODB_URI');
      expect(exit.stderr).to.contain('npm run db:ferretdb');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('starts with no MONGODB_URI on the embedded database, shares it with a script, and keeps the data across a restart', async function () {
    this.timeout(120_000);
    const dataDir = await mkdtemp(join(tmpdir(), 'foro-main-'));
    const env = { MONGODB_URI: '', DATA_DIR: dataDir, OUTBOX_WORKER: 'off' };
    try {
      const first = runForo(env);
      const url = await first.listening;
      expect(first.output()).to.match(/Embedded database: (MongoDB|FerretDB on SQLite), files in /);
      expect((await request(url).get('/?lang=en')).status).to.equal(200);
      // A script started while Foro runs uses Foro's embedded server (a second one could not open the files).
      const created = await runNpm(
        import.meta.url,
        'user:create',
        ['--email', 'keep@example.org', '--name', 'Kept'],
        'a-long-password-1\n',
        env,
      );
      expect(created.stderr).to.contain('Using the embedded database another Foro process runs');
      expect(created.code, created.stderr).to.equal(0);
      first.child.kill('SIGTERM');
      expect((await first.exited).code).to.equal(0);

      const second = runForo(env);
      const again = await second.listening;
      await signIn(browserAgent(again), 'keep@example.org', 'a-long-password-1');
      second.child.kill('SIGTERM');
      expect((await second.exited).code).to.equal(0);
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
