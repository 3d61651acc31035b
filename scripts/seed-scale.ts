/**
 * One published event of a COP's size, for benchmarks and trials (never in production):
 * 100,000 registrations and people across every country and category, 2,000 sessions in 30 rooms
 * over 10 days, 10,000 people in roles, 150 delegations and 50,000 sent mails, by default.
 *
 *   npm run seed:scale                                   # the defaults, event "scale-100000"
 *   npm run seed:scale -- --registrations 10000 --messages 5000 --slug trial
 */
import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { COP_SIZE, seedScale, type ScaleSize } from '../src/modules/demo/index.js';
import { runScript } from './support.js';

const options = Object.fromEntries(
  Object.keys(COP_SIZE).map((key) => [key, { type: 'string' as const }]),
) as Record<keyof ScaleSize, { type: 'string' }>;
const { values } = parseArgs({ options: { ...options, slug: { type: 'string' } } });

await runScript('seed:scale', async ({ config, clock, actor }) => {
  if (config.env === 'production') throw new Error('seed:scale writes trial data: not in production');
  const size = { ...COP_SIZE };
  for (const key of Object.keys(COP_SIZE) as (keyof ScaleSize)[]) {
    const given = values[key];
    if (given === undefined) continue;
    const n = Number(given);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
      throw new Error(`--${key} must be a whole number from 1 to 1,000,000`);
    size[key] = n;
  }
  const slug = values.slug ?? `scale-${size.registrations}`;
  const bar = new SingleBar(
    { format: '{step} [{bar}] {value}/{total}', hideCursor: true },
    Presets.shades_classic,
  );
  let current = '';
  const started = Date.now();
  const result = await seedScale(slug, size, {
    actor,
    clock,
    progress: (step, done, total) => {
      // Not at a terminal (a log, a test): one line per finished step instead of a bar.
      if (!process.stderr.isTTY) {
        if (done === total) console.error(`${step.padEnd(13)} ${done}/${total}`);
        return;
      }
      if (step !== current) {
        if (current) bar.stop();
        current = step;
        bar.start(total, 0, { step: step.padEnd(13) });
      }
      bar.update(done, { step: step.padEnd(13) });
    },
  });
  bar.stop();
  console.log(`Event ${result.slug} written in ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`  ${config.publicUrl}/admin/events/${result.eventId}/registrations`);
});
