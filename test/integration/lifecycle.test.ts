import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { createLogger } from '../../src/shared/logger.js';
import { systemClock } from '../../src/shared/clock.js';
import { startForo, type RunningForo } from '../../src/server.js';
import { testConfig } from '../support/config.js';
import { databaseNameFor } from '../support/foro.js';
import { browserAgent, csrfTokenIn } from '../support/http.js';
import { probeRouter } from '../support/probe.js';

describe('platform: stopping and starting Foro', function () {
  this.timeout(30_000);
  const dbName = databaseNameFor(import.meta.url);
  const start = (overrides: Record<string, string> = {}) =>
    startForo(testConfig(overrides), {
      logger: createLogger('silent'),
      clock: systemClock,
      dbName,
      extraRouters: [probeRouter()],
    });
  let foro: RunningForo | undefined;

  afterEach(async () => {
    await foro?.stop();
    foro = undefined;
  });
  after(async () => {
    const cleanup = await start();
    await mongoose.connection.db?.dropDatabase();
    await cleanup.stop();
  });

  it('keeps a record written before a restart against the same database', async () => {
    foro = await start();
    const created = await request(foro.url)
      .post('/probe/records')
      .set('Content-Type', 'application/json')
      .send({ name: 'Delegación de Ecuador' });
    expect(created.status).to.equal(201);
    await foro.stop();

    foro = await start();
    const read = await request(foro.url)
      .get(`/probe/records/${created.body.id}`)
      .set('Accept', 'application/json');
    expect(read.status).to.equal(200);
    expect(read.body.name).to.equal('Delegación de Ecuador');
  });

  it('keeps sessions across a restart: a form opened before it is accepted after it', async () => {
    foro = await start();
    const agent = browserAgent(foro.url);
    const token = csrfTokenIn((await agent.get('/probe/form')).text);
    await foro.stop();

    foro = await start();
    const res = await browserAgent(foro.url)
      .post('/probe/records')
      .set('Cookie', agentCookie(agent, foro.url))
      .type('form')
      .send({ _csrf: token, name: 'Ana' });
    expect(res.status).to.equal(303);
  });

  it('lets an in-flight request finish, then refuses new connections and closes the database', async () => {
    foro = await start();
    const running = foro;
    const slow = request(running.url).get('/probe/slow?ms=700');
    const inFlight = slow.then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const stopped = running.stop();
    const response = await inFlight;
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ finished: true });
    await stopped;
    const refused = await request(running.url)
      .get('/healthz')
      .then(
        () => 'answered',
        (error: Error) => String(error.message),
      );
    expect(refused).to.contain('ECONNREFUSED');
    expect(mongoose.connection.readyState).to.equal(0);
  });
});

/** The cookies a supertest agent holds for a URL, as a Cookie header (the port changes on restart). */
function agentCookie(agent: ReturnType<typeof browserAgent>, _url: string): string {
  const jar = (agent as unknown as { jar: { getCookies(access: object): { name: string; value: string }[] } })
    .jar;
  return jar
    .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}
