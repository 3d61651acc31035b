/**
 * Lists, dashboards and exports as an event grows: seeds events of 1,000 and 10,000
 * registrations (and 100,000 with BENCH_SCALE_SIZES=1000,10000,100000), then times each page
 * (median and slowest of 3, `BENCH_RUNS`) and each export's peak memory (the process's peak RSS, and
 * its rise above the run's start), with the growth from the smallest
 * event to the largest. The baseline, measured in the same run on the same database, is one
 * block of registrations read directly: what a page costs at the least. BENCH_EXPORTS=off leaves
 * the exports out (at 100,000 the CSV's lookup per person takes minutes).
 *
 *   npm run bench:scale
 *   MONGODB_URI=mongodb://127.0.0.1:27017/bench BENCH_SCALE_SIZES=1000,100000 npm run bench:scale
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { blocksOf } from '../src/db/blocks.js';
import { databaseEngine, planSummary } from '../src/db/engine.js';
import { benchConfig, emptyDatabase, indexLookups } from './support.js';
import { COP_SIZE, scaleNameOf, seedScale } from '../src/modules/demo/index.js';
import { Person, PEOPLE_LIST } from '../src/modules/people/person.model.js';
import { Registration } from '../src/modules/registrations/index.js';
import { registrationList } from '../src/modules/registrations/registration.model.js';
import { createUser } from '../src/modules/auth/index.js';
import { systemClock } from '../src/shared/clock.js';
import { createLogger } from '../src/shared/logger.js';
import { startForo } from '../src/server.js';

const SIZES = (process.env['BENCH_SCALE_SIZES'] ?? '1000,10000').split(',').map(Number);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const PASSWORD = 'bench password of sixteen';

const config = benchConfig({ SCHEDULED_TASKS: 'off' });
const foro = await startForo(config, {
  logger: createLogger('silent'),
  clock: systemClock,
  dbName: 'bench_scale',
});
await emptyDatabase();
const admin = await createUser(
  { email: 'bench@example.org', name: 'Bench', role: 'admin', password: PASSWORD },
  { label: 'bench', via: 'cli' },
  systemClock,
);
const agent = request.agent(foro.url);
const login = await agent.get('/login');
const csrf = /name="_csrf" value="([^"]+)"/.exec(login.text)?.[1] ?? '';
await agent.post('/login').type('form').send({ _csrf: csrf, email: admin.email, password: PASSWORD });

interface Figure {
  median: number;
  slowest: number;
  /** The process's peak resident memory during the runs, and its rise above each run's start. */
  memory?: { peakMb: number; riseMb: number };
}

/** Times `work` RUNS times after a warm-up; with `memory`, also the peak RSS, and its rise above the start. */
async function time(work: () => Promise<unknown>, memory = false): Promise<Figure> {
  await work();
  const times: number[] = [];
  let [peak, rise] = [0, 0];
  for (let i = 0; i < RUNS; i += 1) {
    const base = process.memoryUsage.rss();
    const sample = () => {
      const rss = process.memoryUsage.rss();
      peak = Math.max(peak, rss);
      rise = Math.max(rise, rss - base);
    };
    const sampler = memory ? setInterval(sample, 10) : undefined;
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
    clearInterval(sampler);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(RUNS / 2)]!,
    slowest: times[RUNS - 1]!,
    ...(memory && { memory: { peakMb: peak / 1e6, riseMb: rise / 1e6 } }),
  };
}

async function page(path: string): Promise<void> {
  const answer = await agent.get(path).buffer(true);
  if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
}

/** Reads a download to its end without keeping it (this process's memory is the server's). */
async function download(path: string): Promise<void> {
  const answer = await agent
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      res.on('data', () => {});
      res.on('end', () => done(null, null));
    });
  if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
}

// A name borne at every size: the given and first family name of the 368th person seeded.
const someonesName = ((name) => `${name.givenName} ${name.familyName.split(' ')[0]}`)(scaleNameOf(367));

const results = new Map<string, Map<number, Figure>>();
const note = (name: string, size: number, figure: Figure) => {
  if (!results.has(name)) results.set(name, new Map());
  results.get(name)!.set(size, figure);
  console.log(`  ${name}: ${figure.median.toFixed(0)} ms`);
};

const engine = await databaseEngine();
for (const size of SIZES) {
  const slug = `bench-${size}`;
  const scaled = Math.max(1, Math.round(size / COP_SIZE.registrations));
  const started = performance.now();
  const { eventId } = await seedScale(
    slug,
    {
      ...COP_SIZE,
      registrations: size,
      messages: Math.ceil(size / 2),
      assignments: Math.min(COP_SIZE.assignments, size),
      sessions: Math.min(COP_SIZE.sessions, 20 * scaled + 200),
    },
    { actor: { label: 'bench', via: 'cli' }, clock: systemClock, progress: () => {} },
  );
  console.log(
    `seeded ${size.toLocaleString('en')} registrations in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  await indexLookups(config.ferretdbPostgresqlUrl);
  const blocks = await blocksOf(registrationList(eventId));
  const middle = blocks[Math.floor(blocks.length / 2)]!;
  const deep = await Registration.findOne({ eventId, block: middle }).lean();
  const cursor = `${middle}.${deep!.arrival}`;
  const base = `/admin/events/${eventId}`;

  note(
    'baseline: one block read directly',
    size,
    await time(() => Registration.find({ eventId, block: middle }).lean()),
  );
  if (engine === 'mongodb') {
    const { stages, examined } = planSummary(
      await Registration.find({ eventId, block: middle }).explain('executionStats'),
    );
    console.log(`  plan of a page's block: ${stages.join(' ← ')}, ${examined} documents examined`);
  }
  note('registrations, first page', size, await time(() => page(`${base}/registrations`)));
  note('registrations, a middle page', size, await time(() => page(`${base}/registrations?after=${cursor}`)));
  note(
    'registrations, confirmed only',
    size,
    await time(() => page(`${base}/registrations?status=confirmed`)),
  );
  note('public participants', size, await time(() => page(`/events/${slug}/participants`)));
  const people = await blocksOf(PEOPLE_LIST);
  const someone = await Person.findOne({ block: people[Math.floor(people.length / 2)]! }).lean();
  note('people, first page', size, await time(() => page('/admin/people')));
  note(
    'people, a middle page',
    size,
    await time(() => page(`/admin/people?after=${someone!.block}.${String(someone!._id)}`)),
  );
  note('people, search by a family name (1 in 60)', size, await time(() => page('/admin/people?q=quispe')));
  note(
    'check-in, search by given and family name',
    size,
    await time(() => page(`${base}/check-in?q=${encodeURIComponent(someonesName)}`)),
  );
  note('outbox, first page', size, await time(() => page('/admin/outbox')));
  note('coverage dashboard', size, await time(() => page(`${base}/coverage`)));
  note('letters page (counts)', size, await time(() => page(`${base}/letters`)));
  if (process.env['BENCH_EXPORTS'] !== 'off') {
    note('registrations CSV (export)', size, await time(() => download(`${base}/registrations.csv`), true));
    note('people CSV (export)', size, await time(() => download('/admin/people/export.csv'), true));
    note('rooming CSV (export)', size, await time(() => download(`${base}/coverage/rooming.csv`), true));
    note(
      'participant list PDF, part 1 (export)',
      size,
      await time(() => download(`${base}/participants.pdf`), true),
    );
    note('badges PDF, part 1 (export)', size, await time(() => download(`${base}/badges.pdf`), true));
    note(
      'certificates PDF, part 1 (export)',
      size,
      await time(() => download(`${base}/letters/certificates.pdf`), true),
    );
  }
}

const [smallest, largest] = [SIZES[0]!, SIZES.at(-1)!];
const ms = (n: number | undefined) => (n === undefined ? '—' : n.toFixed(0));
console.log(
  `\nDatabase: ${foro.database.kind === 'embedded' ? 'embedded (see the start line above)' : 'MONGODB_URI'}`,
);
console.log(
  [
    'measure',
    ...SIZES.map((s) => `${s.toLocaleString('en')}: median / slowest ms (peak RSS MB, rise MB)`),
    `growth ${smallest}→${largest}`,
  ].join(' | '),
);
for (const [name, bySize] of results) {
  const cells = SIZES.map((s) => {
    const f = bySize.get(s)!;
    const memory = f.memory && ` (${f.memory.peakMb.toFixed(0)}, +${f.memory.riseMb.toFixed(0)})`;
    return `${ms(f.median)} / ${ms(f.slowest)}${memory ?? ''}`;
  });
  const [small, large] = [bySize.get(smallest)!, bySize.get(largest)!];
  const memoryGrowth =
    small.memory && large.memory && `, peak RSS ×${(large.memory.peakMb / small.memory.peakMb).toFixed(2)}`;
  console.log(
    [name, ...cells, `×${(large.median / small.median).toFixed(1)}${memoryGrowth ?? ''}`].join(' | '),
  );
}
await foro.stop();
