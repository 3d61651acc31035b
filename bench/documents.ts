/**
 * Official documents: storing and serving one 20 MB language version, against writing and reading
 * the same bytes with the plain MongoDB driver's GridFS bucket, on the same database in the same
 * run. Uploads go through the use case (the content check, the pieces, the file's record);
 * downloads are HTTP requests to the stable address, and to a route in the same app that pipes a
 * GridFS download stream. Prints time, throughput and the peak memory each one added.
 *
 *   MONGODB_URI=mongodb://127.0.0.1:27017/bench npm run bench:documents
 *   BENCH_DOCUMENT_MB=5 BENCH_RUNS=5 npm run bench:documents
 *
 * Peak memory is what was allocated while the operation ran (garbage included); the integration
 * test of official documents checks what stays live while a slow reader waits.
 */
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebStream } from 'node:stream/web';
import { Router } from 'express';
import mongoose from 'mongoose';
import { GridFSBucket, ObjectId } from 'mongodb';
import { benchConfig } from './support.js';
import { createEvent, getEvent, setEventStatus } from '../src/modules/events/index.js';
import { addLanguageVersion, registerDocument } from '../src/modules/official-documents/index.js';
import { systemClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
import { startForo } from '../src/server.js';

const MEGABYTES = Number(process.env['BENCH_DOCUMENT_MB'] ?? 20);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const SIZE = MEGABYTES * 1024 * 1024;

const bucket = () => new GridFSBucket(mongoose.connection.db!, { bucketName: 'bench_files' });

// The baseline's download: a GridFS stream piped to the response, nothing else.
const baseline = Router().get('/bench/gridfs/:id', async (req, res) => {
  res.type('application/pdf');
  await pipeline(bucket().openDownloadStream(new ObjectId(String(req.params['id']))), res);
});

const config = benchConfig({ OFFICIAL_DOCUMENT_MAX_MB: String(MEGABYTES + 1), SCHEDULED_TASKS: 'off' });
const foro = await startForo(config, {
  logger: createLogger('silent'),
  clock: systemClock,
  dbName: 'bench_documents',
  extraRouters: [baseline],
});
await mongoose.connection.db!.dropDatabase();

const actor = { label: 'bench', via: 'cli' as const };
const created = await createEvent(
  {
    slug: 'bench-documents',
    title: { es: 'Foro Iberoamericano sobre Migración y Desarrollo' },
    timezone: 'America/Guayaquil',
    startDate: '2008-04-10',
    endDate: '2008-04-11',
    languages: ['es', 'pt', 'en'],
    countries: [],
  },
  actor,
  systemClock,
);
await setEventStatus(created.id, 'published', actor, systemClock);
const event = await getEvent(created.id);
const document = await registerDocument(
  event,
  {
    symbol: 'UN/POP/MIG-6CM/2007/20',
    title: { en: 'ECLAC activities in the area of international migration' },
    kind: 'information',
    date: '2007-12-21',
    distribution: 'general',
    status: 'final',
    sessionIds: [],
  },
  actor,
  systemClock,
);

/** A PDF header and then varied bytes (so nothing compresses them away). */
function fileBytes(): Buffer {
  const bytes = Buffer.alloc(SIZE);
  bytes.write('%PDF-1.4\n');
  for (let i = 16; i + 4 <= SIZE; i += 4) bytes.writeUInt32LE((i * 2654435761) >>> 0, i);
  return bytes;
}

/** Runs `work` while sampling memory; the time taken and the most memory it added. */
async function watched(work: () => Promise<void>) {
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakBuffers = start.arrayBuffers;
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
  }, 5);
  const t = performance.now();
  await work();
  const ms = performance.now() - t;
  clearInterval(timer);
  return { ms, rss: peakRss - start.rss, buffers: peakBuffers - start.arrayBuffers };
}

async function drain(url: string): Promise<number> {
  const res = await fetch(url);
  if (res.status !== 200 || !res.body) throw new Error(`${url} answered ${res.status}`);
  let received = 0;
  for await (const part of Readable.fromWeb(res.body as WebStream)) {
    received += (part as Buffer).length;
  }
  if (received !== SIZE) throw new Error(`${url} gave ${received} of ${SIZE} bytes`);
  return received;
}

type Sample = Awaited<ReturnType<typeof watched>>;
const rows: Record<string, Sample[]> = {};
const add = (name: string, sample: Sample) => (rows[name] ??= []).push(sample);

let gridId: ObjectId | undefined;
for (let run = 0; run < RUNS; run += 1) {
  let bytes: Buffer | undefined = fileBytes();
  add(
    'Foro: upload (check, pieces, record)',
    await watched(async () => {
      await addLanguageVersion(event, document.id, 'en', { bytes: bytes!, fileName: 'paper.pdf' }, actor, {
        clock: systemClock,
        maxBytes: SIZE + 1,
      });
    }),
  );
  add(
    'GridFS: upload stream',
    await watched(async () => {
      const upload = bucket().openUploadStream('paper.pdf');
      await pipeline(Readable.from([bytes!]), upload);
      gridId = upload.id;
    }),
  );
  bytes = undefined;
  add(
    'Foro: download (HTTP, stable address)',
    await watched(async () => {
      await drain(`${foro.url}/events/${event.slug}/documents/UN/POP/MIG-6CM/2007/20/en`);
    }),
  );
  add(
    'GridFS: download (HTTP, piped stream)',
    await watched(async () => {
      await drain(`${foro.url}/bench/gridfs/${String(gridId)}`);
    }),
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
console.log(
  `${MEGABYTES} MB, ${RUNS} runs each (medians), database ${mongoose.connection.name}` +
    `${config.mongodbUri ? '' : ' (embedded)'}`,
);
console.log(
  `${'operation'.padEnd(40)} ${'ms'.padStart(8)} ${'MB/s'.padStart(7)} ${'peak RSS +MB'.padStart(13)} ${'peak buffers +MB'.padStart(17)}`,
);
for (const [name, samples] of Object.entries(rows)) {
  const ms = median(samples.map((s) => s.ms));
  console.log(
    `${name.padEnd(40)} ${ms.toFixed(0).padStart(8)} ${(MEGABYTES / (ms / 1000)).toFixed(1).padStart(7)} ` +
      `${mb(median(samples.map((s) => s.rss))).padStart(13)} ${mb(median(samples.map((s) => s.buffers))).padStart(17)}`,
  );
}
console.log(
  'Note: Foro asks every find for its whole first batch (src/db/first-batch.ts) unless it sets a batch ' +
    'size; GridFS sets none, so its download gets up to 16 MB of pieces in one reply. Foro reads two pieces a batch.',
);

await mongoose.connection.db!.dropDatabase();
await foro.stop();
