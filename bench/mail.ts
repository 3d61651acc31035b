/**
 * The outbox at scale: queue and deliver 5,000 invitations to a local SMTP server, against plain
 * pooled nodemailer sending the same mails to the same server, in the same run. On FerretDB the
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
import { createOutboxWorker, enqueueMessage, smtpTransport } from '../src/modules/messaging/index.js';
import { systemClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';

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
await mongoose.connection.db!.dropDatabase();

const mail = (i: number) => ({
  to: [{ name: `Persona ${i}`, email: `persona${i}@example.org` }],
  subject: `[Confirmación requerida] Invitación ${i}: Foro Iberoamericano sobre Migración y Desarrollo`,
  text: `Estimada Persona ${i}:\n\nLe invitamos a intervenir como ponente en el panel «Migración y desarrollo», el jueves 10 de abril de 2008, 10:30–12:30 (GMT-5), Salón Plenario.\n\nConfirme o decline en https://foro.example/i/${i}\n`,
  html: `<p>Estimada Persona ${i}:</p><p>Le invitamos a intervenir como <b>ponente</b> en el panel «Migración y desarrollo».</p>`,
});

console.log(`${MAILS} mails, ${CONNECTIONS} SMTP connections, database ${mongoose.connection.name}`);

// Baseline: pooled nodemailer straight to the server, CONNECTIONS mails in flight.
received = 0;
const plain = nodemailer.createTransport(url, { pool: true, maxConnections: CONNECTIONS } as object);
let started = performance.now();
for (let i = 0; i < MAILS; i += CONNECTIONS) {
  await Promise.all(
    Array.from({ length: Math.min(CONNECTIONS, MAILS - i) }, (_, j) => {
      const m = mail(i + j);
      return plain.sendMail({
        from: 'Foro <foro@example.org>',
        to: m.to.map((r) => ({ name: r.name, address: r.email })),
        subject: m.subject,
        text: m.text,
        html: m.html,
      });
    }),
  );
}
const plainSeconds = (performance.now() - started) / 1000;
plain.close();
const plainReceived = received;

// Foro: queue every mail in the outbox, then let the worker deliver them.
received = 0;
started = performance.now();
for (let i = 0; i < MAILS; i += 1) {
  await enqueueMessage(
    { ...mail(i), locale: 'es', template: 'invitation', dedupeKey: `bench:${i}` },
    systemClock,
    'foro.example',
  );
}
const queueSeconds = (performance.now() - started) / 1000;
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
  `Foro: queue in the outbox             ${queueSeconds.toFixed(1).padStart(6)} s  ${rate(MAILS, queueSeconds)}`,
);
console.log(
  `Foro: worker delivers (claim+send+record) ${deliverSeconds.toFixed(1).padStart(6)} s  ${rate(sent, deliverSeconds)}  (${(plainSeconds / deliverSeconds).toFixed(2)}× the baseline's rate)`,
);
console.log(
  `Foro end to end                       ${(queueSeconds + deliverSeconds).toFixed(1).padStart(6)} s  ${rate(sent, queueSeconds + deliverSeconds)}`,
);
console.log(
  `received by the server: baseline ${plainReceived}, Foro ${received} (each once: ${received === MAILS})`,
);

await mongoose.connection.db!.dropDatabase();
await database.close();
server.close();
