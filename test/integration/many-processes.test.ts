import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { hardenQueries } from '../../src/db/index.js';
import { CATEGORIES, Registration } from '../../src/modules/registrations/index.js';
import { Seat } from '../../src/modules/registrations/places/seat.model.js';
import { SESSION_COOKIE } from '../../src/web/security.js';
import { registrationForm } from '../factories/registrations.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { databaseNameFor } from '../support/foro.js';
import { csrfTokenIn } from '../support/http.js';
import { startHttpProxy, type HttpProxy } from '../support/http-proxy.js';
import { databaseUri, runForo, type ForoProcess } from '../support/process.js';
import { startTestSmtp, type TestSmtp } from '../support/smtp.js';

/**
 * Production runs several stateless Foro processes on one database: whatever they must agree on
 * (limits, timers, sessions, seats, mail) lives in the database. Each test starts two real
 * processes on the same database.
 */
describe('platform: several Foro processes on one database', function () {
  this.timeout(180_000);
  // Known once the run's database server is (the global setup may start it).
  const uri = () => databaseUri(databaseNameFor(import.meta.url));
  let processes: ForoProcess[] = [];

  const startTwo = async (env: Record<string, string>) => {
    processes = [runForo({ MONGODB_URI: uri(), ...env }), runForo({ MONGODB_URI: uri(), ...env })];
    return Promise.all(processes.map((foro) => foro.listening));
  };

  before(async () => {
    hardenQueries();
    await mongoose.connect(uri());
  });
  afterEach(async () => {
    await Promise.all(processes.map((foro) => foro.stop()));
    processes = [];
    await mongoose.connection.db?.dropDatabase();
  });
  after(async () => {
    await mongoose.disconnect();
  });

  it('counts failed sign-ins and link guesses in the database: split between two processes, 429 at the configured total', async () => {
    const urls = await startTwo({
      LOGIN_RATE_LIMIT_PER_ACCOUNT: '6',
      LOGIN_RATE_LIMIT_PER_ADDRESS: '100',
      LINK_RATE_LIMIT_PER_ADDRESS: '5',
      OUTBOX_WORKER: 'off',
      SCHEDULED_TASKS: 'off',
    });
    const user = await createTestUser({ email: 'guessed@example.org' });
    const agents = urls.map((url) => request.agent(url));
    const attempt = async (i: number, password: string) => {
      const agent = agents[i % 2]!;
      const token = csrfTokenIn((await agent.get('/login')).text);
      return (await agent.post('/login').type('form').send({ _csrf: token, email: user.email, password }))
        .status;
    };
    const statuses = [];
    for (let i = 0; i < 8; i += 1) statuses.push(await attempt(i, `wrong ${i}`));
    expect(statuses).to.deep.equal([401, 401, 401, 401, 401, 401, 429, 429]);
    expect(await attempt(8, TEST_PASSWORD), 'the account stays locked for the window').to.equal(429);

    // One count per address across every family of private links, whichever process answers.
    const families = ['/invitations/', '/registrations/', '/nominations/'];
    const guesses = [];
    for (let i = 0; i < 7; i += 1) {
      const res = await request(urls[i % 2]!).get(`${families[i % 3]}${'x'.repeat(40)}${i}`);
      guesses.push(res.status);
      expect(res.headers['cache-control']).to.equal('no-store');
      expect(res.headers['x-robots-tag']).to.equal('noindex');
    }
    expect(guesses).to.deep.equal([404, 404, 404, 404, 404, 429, 429]);
  });

  it('runs scheduled work once per period whatever the number of processes', async () => {
    await startTwo({ REMINDERS_EVERY_MINUTES: '0.02', OUTBOX_WORKER: 'on', SCHEDULED_TASKS: 'on' });
    await new Promise((resolve) => setTimeout(resolve, 8000));
    await Promise.all(processes.map((foro) => foro.stop()));
    const runs = processes.flatMap((foro, index) =>
      foro
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"scheduled task ran"'))
        .map((line) => ({ ...(JSON.parse(line) as { task: string; period: number }), index })),
    );
    const reminders = runs.filter((run) => run.task === 'invitation-reminders').map((run) => run.period);
    expect(reminders.length, 'a run every 1.2 s for about 8 s').to.be.at.least(4);
    expect(new Set(reminders).size, 'no period ran twice').to.equal(reminders.length);
    // The daily purge and the clean-up look at start in both processes: one of them runs each.
    expect(runs.filter((run) => run.task === 'privacy-purge')).to.have.length(1);
    expect(runs.filter((run) => run.task === 'rate-limit-cleanup')).to.have.length(1);
    expect(runs.filter((run) => run.task === 'session-cleanup')).to.have.length(1);
  });

  describe('behind a reverse proxy', () => {
    let smtp: TestSmtp;
    let proxy: HttpProxy;
    beforeEach(async () => {
      smtp = await startTestSmtp();
    });
    afterEach(async () => {
      await proxy?.close();
      await smtp.stop();
    });

    it('signs in, publishes a programme, takes 100 simultaneous registrations with exact counts and one mail each', async () => {
      const backends = await startTwo({
        TRUST_PROXY: 'loopback',
        SMTP_URL: smtp.url,
        OUTBOX_WORKER: 'on',
        OUTBOX_POLL_SECONDS: '1',
        SCHEDULED_TASKS: 'on',
        REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000',
      });
      proxy = await startHttpProxy(backends);
      const admin = await createTestUser({ role: 'admin', email: 'admin@example.org' });

      const cookie = await signInThrough(proxy.url, admin.email);
      const api = (method: 'post' | 'get', path: string, body?: object) =>
        request(proxy.url)[method](`/api/v1${path}`).set('Cookie', cookie).send(body);
      const event = await api('post', '/events', {
        slug: 'foro-2027',
        title: { es: 'Foro Iberoamericano sobre Migración y Desarrollo' },
        venue: { city: 'Cuenca', country: 'EC' },
        startDate: '2099-04-10',
        endDate: '2099-04-11',
        countries: ['EC', 'PT', 'ES'],
      });
      expect(event.status, event.text).to.equal(201);
      const id = event.body.id as string;
      const room = await api('post', `/events/${id}/rooms`, { name: 'Salón Plenario', capacity: 400 });
      const session = await api('post', `/events/${id}/sessions`, {
        type: 'plenary',
        title: { es: 'Sesión inaugural' },
        roomId: room.body.id,
        date: '2099-04-10',
        start: '09:00',
        end: '10:00',
        status: 'scheduled',
      });
      expect(session.status, session.text).to.equal(201);
      expect((await api('post', `/events/${id}/status`, { status: 'published' })).status).to.equal(200);
      const version = await api('post', `/events/${id}/versions`, {});
      expect(version.status, version.text).to.equal(201);
      const programme = await request(proxy.url).get('/events/foro-2027/programme');
      expect(programme.text).to.contain('Sesión inaugural');

      const settingsPage = `/admin/events/${id}/registrations/settings`;
      const settings = await request(proxy.url).get(settingsPage).set('Cookie', cookie);
      expect(settings.status, settings.text.slice(0, 300)).to.equal(200);
      const saved = await request(proxy.url)
        .post(settingsPage)
        .set('Cookie', cookie)
        .type('form')
        .send({
          _csrf: csrfTokenIn(settings.text),
          capacity: '60',
          ...Object.fromEntries(CATEGORIES.map((key) => [`capacity_${key}`, ''])),
        });
      expect(saved.status, saved.text).to.equal(303);

      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          request(proxy.url)
            .post('/events/foro-2027/register')
            .set('Accept', 'application/json')
            .send(registrationForm({ email: `delegate${i}@example.org` })),
        ),
      );
      expect(answers.map((answer) => answer.status)).to.deep.equal(answers.map(() => 303));
      expect(
        proxy.served.every((count) => count > 50),
        'both processes served',
      ).to.equal(true);
      expect(await Registration.countDocuments({ eventId: id, status: 'confirmed' })).to.equal(60);
      expect(await Registration.countDocuments({ eventId: id, status: 'waitlisted' })).to.equal(40);
      expect(await Seat.countDocuments({ scope: `event:${id}` })).to.equal(60);

      // Both workers send the outbox: each registrant gets exactly one mail.
      await waitFor(() => smtp.mails.length >= 100, 90_000);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const recipients = smtp.mails.flatMap((mail) => mail.to);
      expect(recipients).to.have.length(100);
      expect(new Set(recipients).size).to.equal(100);

      // The session lives in the database: the same cookie works on either process.
      for (const backend of backends) {
        const page = await request(backend).get(`/admin/events/${id}`).set('Cookie', cookie);
        expect(page.status).to.equal(200);
      }
    });
  });
});

/** Signs in through the login form and returns the session cookie. */
async function signInThrough(url: string, email: string): Promise<string> {
  const form = await request(url).get('/login');
  const first = sessionCookie(form.headers['set-cookie']);
  const done = await request(url)
    .post('/login')
    .set('Cookie', first)
    .type('form')
    .send({ _csrf: csrfTokenIn(form.text), email, password: TEST_PASSWORD });
  expect(done.status).to.equal(303);
  return sessionCookie(done.headers['set-cookie']);
}

function sessionCookie(header: string | string[] | undefined): string {
  const cookies = Array.isArray(header) ? header : header ? [header] : [];
  const found = cookies.find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`));
  if (!found) throw new Error('no session cookie');
  return found.split(';')[0]!;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
