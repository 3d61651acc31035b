/**
 * Registration under load: 50 concurrent clients send registrations (JSON, limits raised) to an
 * event of 400 places, so a waiting list forms too; against an endpoint in the same app that only
 * inserts one document, on the same database, in the same run. Prints throughput and latency.
 *
 * `BENCH_BESIDE=100000` first seeds another event of that many registrations (and as many people
 * and seats, half as many mails) in the same database, to see whether registering slows as the
 * collections grow.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017/bench npm run bench:registration
 */
import { performance } from 'node:perf_hooks';
import { Router } from 'express';
import mongoose from 'mongoose';
import type { CommandFailedEvent, CommandStartedEvent, CommandSucceededEvent } from 'mongodb';
import { benchConfig, emptyDatabase, indexLookups } from './support.js';
import { COP_SIZE, seedScale } from '../src/modules/demo/index.js';
import { addRoom, createEvent, setEventStatus } from '../src/modules/events/index.js';
import { saveRegistrationRules, Registration } from '../src/modules/registrations/index.js';
import { systemClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
import { startForo } from '../src/server.js';

// `BENCH_COMMANDS=on` counts the database commands each form costs (the driver's command
// monitoring), by command and collection.
const COMMANDS = process.env['BENCH_COMMANDS'] === 'on';
if (COMMANDS && process.env['MONGODB_URI'])
  process.env['MONGODB_URI'] += `${process.env['MONGODB_URI'].includes('?') ? '&' : '?'}monitorCommands=true`;
const TOTAL = Number(process.env['BENCH_REGISTRATIONS'] ?? 500);
const BESIDE = Number(process.env['BENCH_BESIDE'] ?? 0);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 50);
// Fewer places than registrations: the last fifth of them join the waiting list.
const CAPACITY = 400;

// The baseline: one insert of a small document per request, nothing else.
const baseline = Router().post('/bench/insert', async (req, res) => {
  await mongoose.connection
    .db!.collection('bench_inserts')
    .insertOne({ ...(req.body as object), at: new Date() });
  res.status(201).json({ ok: true });
});

// No timers: a large event's recount (once a minute in production) would compete with the forms.
const config = benchConfig({ REGISTRATION_RATE_LIMIT_PER_ADDRESS: '10000000', SCHEDULED_TASKS: 'off' });
const foro = await startForo(config, {
  logger: createLogger('silent'),
  clock: systemClock,
  dbName: 'bench_registration',
  extraRouters: [baseline],
});
await emptyDatabase();

const actor = { label: 'bench', via: 'cli' as const };
if (BESIDE > 0) {
  const started = performance.now();
  await seedScale(
    'bench-beside',
    { ...COP_SIZE, registrations: BESIDE, messages: Math.ceil(BESIDE / 2), sessions: 200, assignments: 1000 },
    { actor, clock: systemClock, progress: () => undefined },
  );
  console.log(
    `seeded an event of ${BESIDE} registrations beside, in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
await indexLookups(config.ferretdbPostgresqlUrl);
// Registration closes when an event ends: the forum is held two months from now.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
let event = await createEvent(
  {
    slug: 'bench-registration',
    title: { es: 'Foro Iberoamericano sobre Migración y Desarrollo' },
    timezone: 'America/Guayaquil',
    startDate: day(60),
    endDate: day(61),
    languages: ['es', 'pt', 'en'],
    countries: [],
  },
  actor,
  systemClock,
);
event = await addRoom(
  event.id,
  { name: 'Salón Plenario', capacity: CAPACITY, interpretation: [] },
  actor,
  systemClock,
);
await setEventStatus(event.id, 'published', actor, systemClock);
await saveRegistrationRules(event.id, { capacity: CAPACITY, categories: [] }, systemClock);

const form = (i: number) => ({
  givenName: 'Persona',
  familyName: `Bench ${i}`,
  email: `bench${i}@example.org`,
  organization: 'Universidad de Cuenca',
  country: 'EC',
  sector: 'academia',
  language: (['es', 'pt', 'en'] as const)[i % 3],
  category: 'academia',
  privacyConsent: 'yes',
});

async function run(path: string, expected: number): Promise<{ seconds: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = next++; i < TOTAL; i = next++) {
        const t = performance.now();
        const res = await fetch(`${foro.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(form(i)),
          redirect: 'manual',
        });
        await res.arrayBuffer();
        if (res.status !== expected) throw new Error(`${path} answered ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const line = (name: string, r: { seconds: number; latencies: number[] }) =>
  `${name.padEnd(34)} ${(TOTAL / r.seconds).toFixed(0).padStart(6)} req/s   p50 ${percentile(r.latencies, 0.5).toFixed(0).padStart(5)} ms   p99 ${percentile(r.latencies, 0.99).toFixed(0).padStart(5)} ms`;

console.log(
  `${TOTAL} requests from ${CLIENTS} concurrent clients, ${CAPACITY} places, database ${mongoose.connection.name}`,
);
const insert = await run('/bench/insert', 201);
console.log(line('baseline: insert one document', insert));
// Per command and collection: how many were sent, and the milliseconds they took (overlapping).
const commands = new Map<string, { sent: number; ms: number }>();
const started = new Map<number, string>();
const count = (e: CommandStartedEvent) => {
  const collection = e.command[e.commandName];
  const key = `${e.commandName} ${typeof collection === 'string' ? collection : ''}`;
  started.set(e.requestId, key);
  const seen = commands.get(key) ?? { sent: 0, ms: 0 };
  commands.set(key, { ...seen, sent: seen.sent + 1 });
};
const ended = (e: CommandSucceededEvent | CommandFailedEvent) => {
  const seen = commands.get(started.get(e.requestId) ?? '');
  if (seen) seen.ms += e.duration;
  started.delete(e.requestId);
};
const client = mongoose.connection.getClient();
if (COMMANDS) client.on('commandStarted', count).on('commandSucceeded', ended).on('commandFailed', ended);
const registration = await run(`/events/${event.slug}/register`, 303);
client.off('commandStarted', count).off('commandSucceeded', ended).off('commandFailed', ended);
if (COMMANDS) {
  const all = [...commands.values()].reduce((sum, n) => sum + n.sent, 0);
  console.log(`commands per form: ${(all / TOTAL).toFixed(2)} (each: how many per form, ms per form)`);
  for (const [key, n] of [...commands].sort((a, b) => b[1].ms - a[1].ms))
    console.log(
      `  ${key.padEnd(40)} ${(n.sent / TOTAL).toFixed(2)} ${(n.ms / TOTAL).toFixed(1).padStart(6)}`,
    );
}
console.log(line('Foro: register (person, seats, mail)', registration));
console.log(`ratio: ${(insert.seconds / registration.seconds).toFixed(2)}× the baseline's throughput`);
const confirmed = await Registration.countDocuments({ eventId: event.id, status: 'confirmed' });
const waiting = await Registration.countDocuments({ eventId: event.id, status: 'waitlisted' });
console.log(
  `confirmed ${confirmed} (capacity ${CAPACITY}), waiting ${waiting}, total ${confirmed + waiting}`,
);

await mongoose.connection.db!.dropDatabase();
await foro.stop();
