import { expect } from 'chai';
import request from 'supertest';
import { createLogger } from '../../src/shared/logger.js';
import { systemClock } from '../../src/shared/clock.js';
import { startForo, type RunningForo } from '../../src/server.js';
import { testConfig } from '../support/config.js';
import { databaseNameFor } from '../support/foro.js';
import { hostOf, startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

describe('platform: /readyz follows the database', function () {
  this.timeout(60_000);
  let proxy: TcpProxy;
  let foro: RunningForo;

  before(async () => {
    const base = testConfig();
    proxy = await startTcpProxy(hostOf(base.mongodbUri ?? ''));
    const config = testConfig({ MONGODB_URI: `mongodb://127.0.0.1:${proxy.port}/`, DB_TIMEOUT_MS: '3000' });
    foro = await startForo(config, {
      logger: createLogger('silent'),
      clock: systemClock,
      dbName: databaseNameFor(import.meta.url),
    });
  });
  after(async () => {
    proxy.restore();
    await foro?.stop();
    await proxy?.close();
  });

  const readiness = async () => (await request(foro.url).get('/readyz')).status;

  it('answers 200 while the database is reachable', async () => {
    expect(await readiness()).to.equal(200);
  });

  it('answers 503 while the database is unreachable, and /healthz stays 200', async () => {
    proxy.cut();
    expect(await eventually(async () => (await readiness()) === 503, 15_000)).to.equal(true);
    const body = (await request(foro.url).get('/readyz')).body;
    expect(body).to.deep.equal({ status: 'unavailable', database: 'down' });
    expect((await request(foro.url).get('/healthz')).status).to.equal(200);
  });

  it('answers 200 again when the database returns, without a restart', async () => {
    proxy.restore();
    expect(await eventually(async () => (await readiness()) === 200, 30_000)).to.equal(true);
  });
});
