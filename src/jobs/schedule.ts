import { hostname } from 'node:os';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { ScheduledRun } from './scheduled-run.model.js';
import { insertUnlessTaken } from '../db/duplicate-key.js';

export interface ScheduledTask {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

const processName = `${hostname()}:${process.pid}`;

/**
 * True for the one caller, across every process on the database, that claims `name` for
 * `period` first (an insert against the unique `_id`).
 */
export async function claimPeriod(name: string, period: number, now: Date): Promise<boolean> {
  const claim = { _id: `${name}:${period}`, task: name, period, claimedAt: now, claimedBy: processName };
  if (!(await insertUnlessTaken(ScheduledRun, claim))) return false;
  // The claims of earlier periods are no longer needed (a delete by _id, cheap everywhere).
  await ScheduledRun.deleteOne({ _id: `${name}:${period - 2}` });
  return true;
}

/**
 * Runs each task once per period (`everyMs`, counted from the epoch) across all processes: every
 * process looks a few times per period, and only the one that claims the period runs the task.
 */
export function startSchedule(
  tasks: ScheduledTask[],
  clock: Clock,
  logger: Logger,
): { stop(): Promise<void> } {
  const running = new Set<Promise<unknown>>();
  const timers = tasks.map((task) => {
    let lastPeriod = -1;
    let busy = false;
    const tick = async () => {
      const now = clock.now();
      const period = Math.floor(now.getTime() / task.everyMs);
      if (busy || period === lastPeriod) return;
      busy = true;
      try {
        lastPeriod = period;
        if (await claimPeriod(task.name, period, now)) {
          logger.info({ task: task.name, period }, 'scheduled task ran');
          await task.run();
        }
      } catch (error) {
        logger.error({ err: error, task: task.name }, 'scheduled task failed');
      } finally {
        busy = false;
      }
    };
    const look = () => {
      const done = tick();
      running.add(done);
      void done.finally(() => running.delete(done));
    };
    // A first look right away: a daily task also runs soon after a start, once across processes.
    const first = setTimeout(look, 0);
    const timer = setInterval(look, lookEvery(task.everyMs));
    first.unref();
    timer.unref();
    return [first, timer];
  });
  return {
    async stop() {
      for (const [first, timer] of timers) {
        clearTimeout(first);
        clearInterval(timer);
      }
      await Promise.all(running);
    },
  };
}

/** A few looks per period, at most once a minute and at least every 100 ms. */
function lookEvery(everyMs: number): number {
  return Math.min(60_000, Math.max(100, Math.floor(everyMs / 4)));
}
