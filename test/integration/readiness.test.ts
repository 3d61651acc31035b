import { expect } from 'chai';
import request from 'supertest';
import { createLogger } from '../../src/shared/logger.js';
import { systemClock } from '../../src/shared/clock.js';
import { startForo, type RunningForo } from '../../src/server.js';
import { testConfig } from '../support/config.js';
import { databaseNameFor } from '../support/foro.js';
import { hostOf, startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { createPublishedEvent } from '../factories/events.js';
import { signedInAs } from '../support/http.js';

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
  let organizer: Awaited<ReturnType<typeof signedInAs>>;

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
    organizer = await signedInAs(foro.url, 'organizer');
    await createPublishedEvent({ slug: 'cuenca-readiness' }, organizer.actor);
  });

  it('answers 503 while the database is unreachable, and /healthz stays 200', async () => {
    proxy.cut();
    expect(await eventually(async () => (await readiness()) === 503, 15_000)).to.equal(true);
    const body = (await request(foro.url).get('/readyz')).body;
    expect(body).to.deep.equal({ status: 'unavailable', database: 'down' });
    expect((await request(foro.url).get('/healthz')).status).to.equal(200);
  });

  it('answers pages and the API with 503 and Retry-After within 2 s, in the user’s language', async () => {
    const started = Date.now();
    const page = await request(foro.url).get('/?lang=en');
    expect(page.status).to.equal(503);
    expect(page.headers['retry-after']).to.equal('5');
    expect(page.text).to.contain('Service unavailable');
    const api = await request(foro.url)
      .get('/api/v1/events')
      .set('Accept-Language', 'pt')
      .set('Authorization', 'Bearer foro_unknown');
    expect(api.status).to.equal(503);
    expect(api.type).to.equal('application/problem+json');
    expect(api.body.title).to.equal('Serviço indisponível');
    expect(Date.now() - started, 'both answered within about 2 s each').to.be.below(5000);
  });

  it('never answers a failed read with an empty page or a signed-out one', async () => {
    for (const path of [
      '/events/cuenca-readiness/participants?lang=en',
      '/events/cuenca-readiness/programme.json',
      '/events/cuenca-readiness?lang=en',
    ]) {
      const page = await request(foro.url).get(path);
      expect(page.status, path).to.equal(503);
    }
    const dashboard = await organizer.agent.get('/admin/events?lang=en');
    expect(dashboard.status, 'a session that cannot be read is not a sign-out').to.equal(503);
    expect(dashboard.headers['location']).to.equal(undefined);
  });

  it('answers 200 again when the database returns, without a restart', async () => {
    proxy.restore();
    expect(await eventually(async () => (await readiness()) === 200, 30_000)).to.equal(true);
    expect(
      await eventually(async () => (await request(foro.url).get('/?lang=en')).status === 200, 10_000),
    ).to.equal(true);
    const dashboard = await organizer.agent.get('/admin/events?lang=en');
    expect(dashboard.status, 'still signed in').to.equal(200);
  });
});
