/**
 * The outbox at scale: invite 5,000 people (real invitations: link, template, outbox, state) and
 * deliver them to a local SMTP server, against plain pooled nodemailer sending the same rendered
 * mails to the same server, in the same run. On FerretDB the
 * outbox figures measure FerretDB as much as Foro.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017/bench npm run bench:mail
 */
import { performance } from 'node:perf_hooks';
import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config/index.js';
import { openDatabase } from '../src/db/index.js';
import { assignPerson, createSession } from '../src/modules/agenda/index.js';
import { addRoom, createEvent } from '../src/modules/events/index.js';
import { mailSettingsOf, sendInvitations } from '../src/modules/invitations/index.js';
import { createOutboxWorker, Message, smtpTransport } from '../src/modules/messaging/index.js';
import { createPerson } from '../src/modules/people/index.js';
import { systemClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
import { emptyDatabase } from './support.js';

const MAILS = Number(process.env['BENCH_MAILS'] ?? 5000);
const CONNECTIONS = 5;

let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  // No reverse DNS of the client: this machine's resolver would add seconds per connection.
  disableReverseLookup: true,
  logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;

const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const database = await openDatabase(config, createLogger('silent'), { dbName: 'bench_mail' });
await emptyDatabase();

// Setup (not timed): one event, panels of ten, one person (with email and language) per assignment.
const organizer = { label: 'bench', via: 'cli' as const };
let event = await createEvent(
  {
    slug: 'bench-mail',
    title: {
      es: 'Foro Iberoamericano sobre Migración y Desarrollo',
      en: 'Ibero-American Forum',
      pt: 'Fórum Ibero-Americano',
    },
    timezone: 'America/Guayaquil',
    startDate: '2008-04-10',
    endDate: '2008-04-11',
    languages: ['es', 'pt', 'en'],
    countries: [],
  },
  organizer,
  systemClock,
);
event = await addRoom(
  event.id,
  { name: 'Salón Plenario', capacity: 400, interpretation: [] },
  organizer,
  systemClock,
);
const languages = ['es', 'pt', 'en'] as const;
for (let s = 0; s < MAILS / 10; s += 1) {
  const session = await createSession(
    event,
    {
      type: 'panel',
      title: { es: `Panel ${s}: migración y desarrollo`, pt: `Painel ${s}`, en: `Panel ${s}` },
      roomId: event.rooms[0]!.id,
      date: '2008-04-10',
      start: '09:00',
      end: '10:30',
    },
    organizer,
    systemClock,
  );
  for (let p = 0; p < 10; p += 1) {
    const i = s * 10 + p;
    const person = await createPerson(
      {
        givenName: `Persona`,
        familyName: `${i}`,
        email: `persona${i}@example.org`,
        language: languages[i % 3],
      },
      organizer,
      systemClock,
    );
    await assignPerson(
      session,
      { personId: person.id, role: p === 0 ? 'chair' : 'speaker' },
      organizer,
      systemClock,
    );
  }
}

console.log(`${MAILS} invitations, ${CONNECTIONS} SMTP connections, database ${mongoose.connection.name}`);

// Foro queues the invitations: a private link, the template in each person's language, the outbox
// document, the invitation record and the assignment's new status (with its audit entry).
let started = performance.now();
const invited = await sendInvitations(event, { all: true }, organizer, {
  clock: systemClock,
  settings: mailSettingsOf(config),
});
const queueSeconds = (performance.now() - started) / 1000;

// Baseline: the same rendered mails, sent by pooled nodemailer straight to the server.
const mails = await Message.find({}, { to: 1, subject: 1, text: 1, html: 1 }).lean();
received = 0;
const plain = nodemailer.createTransport(url, { pool: true, maxConnections: CONNECTIONS } as object);
started = performance.now();
for (let i = 0; i < mails.length; i += CONNECTIONS) {
  await Promise.all(
    mails.slice(i, i + CONNECTIONS).map((m) =>
      plain.sendMail({
        from: 'Foro <foro@example.org>',
        to: m.to.map((r) => ({ name: r.name ?? '', address: r.email })),
        subject: m.subject,
        text: m.text,
        html: m.html ?? undefined,
      }),
    ),
  );
}
const plainSeconds = (performance.now() - started) / 1000;
plain.close();
const plainReceived = received;

// Foro's worker delivers the outbox: claim, send, record.
received = 0;
const worker = createOutboxWorker({
  transport: smtpTransport(url, { connections: CONNECTIONS }),
  clock: systemClock,
  logger: createLogger('silent'),
  settings: {
    from: 'Foro <foro@example.org>',
    retryMinutes: [1],
    leaseMs: 600_000,
    concurrency: CONNECTIONS,
    batchSize: 500,
  },
});
started = performance.now();
let sent = 0;
for (;;) {
  const round = await worker.runOnce();
  sent += round.sent;
  if (round.sent + round.failed + round.retried === 0) break;
}
const deliverSeconds = (performance.now() - started) / 1000;
await worker.stop();

const rate = (n: number, s: number) => `${(n / s).toFixed(0).padStart(6)} msg/s`;
console.log(
  `baseline: pooled nodemailer          ${plainSeconds.toFixed(1).padStart(6)} s  ${rate(plainReceived, plainSeconds)}`,
);
console.log(
  `Foro: invite (link+render+queue+record) ${queueSeconds.toFixed(1).padStart(6)} s  ${rate(invited.queued, queueSeconds)}`,
);
console.log(
  `Foro: worker delivers (claim+send+record) ${deliverSeconds.toFixed(1).padStart(6)} s  ${rate(sent, deliverSeconds)}  (${(plainSeconds / deliverSeconds).toFixed(2)}× the baseline's rate)`,
);
console.log(
  `Foro end to end                       ${(queueSeconds + deliverSeconds).toFixed(1).padStart(6)} s  ${rate(sent, queueSeconds + deliverSeconds)}`,
);
console.log(
  `received by the server: baseline ${plainReceived}, Foro ${received} (each once: ${received === invited.queued && received === MAILS})`,
);

await mongoose.connection.db!.dropDatabase();
await database.close();
server.close();
