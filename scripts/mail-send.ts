/**
 * Sends the outbox from the command line.
 *
 *   npm run mail:send              # sends what is due now, with a progress bar, then exits
 *   npm run mail:send -- --watch   # keeps sending until stopped (a worker apart from the web server;
 *                                  # start the server with OUTBOX_WORKER=off)
 */
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { countDueMessages, outboxWorkerFor } from '../src/modules/messaging/index.js';
import { createLogger } from '../src/shared/logger.js';
import { runScript } from './support.js';

const { values } = parseArgs({ options: { watch: { type: 'boolean', default: false } } });

await runScript('mail:send', async ({ config, clock }) => {
  const worker = outboxWorkerFor(config, clock, createLogger('warn'));
  if (values.watch) {
    console.log(`Sending the outbox every ${config.outbox.pollMs / 1000} s; Ctrl-C stops.`);
    worker.start(config.outbox.pollMs);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await worker.stop();
    return;
  }
  const due = await countDueMessages(clock.now());
  const bar = new SingleBar(
    {
      format: 'mail {bar} {value}/{total} sent {sent} failed {failed} retry later {retried}',
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    Presets.shades_classic,
  );
  bar.start(due, 0, { sent: 0, failed: 0, retried: 0 });
  const totals = { sent: 0, failed: 0, retried: 0 };
  for (;;) {
    const round = await worker.runOnce();
    totals.sent += round.sent;
    totals.failed += round.failed;
    totals.retried += round.retried;
    bar.update(Math.min(due, totals.sent + totals.failed + totals.retried), totals);
    if (round.sent + round.failed + round.retried === 0) break;
  }
  bar.stop();
  await worker.stop();
  console.log(`Sent ${totals.sent}, failed ${totals.failed}, to retry later ${totals.retried}.`);
  return totals.failed > 0 ? 1 : 0;
});
