import { loadConfig } from '../src/config/index.js';
import { performance } from 'node:perf_hooks';

/** Runs `work` a few times after a warm-up and returns the median and best time in milliseconds. */
export async function measure(work: () => unknown, runs = 7): Promise<{ median: number; best: number }> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, best: times[0]! };
}

export function report(rows: { name: string; median: number; best: number; baseline?: string }[]): void {
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'measure'.padEnd(width)}  median ms   best ms   vs baseline`);
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(width)}  ${row.median.toFixed(1).padStart(9)}  ${row.best.toFixed(1).padStart(8)}   ${row.baseline ?? ''}`,
    );
  }
}

/**
 * Foro's configuration for a benchmark run from the environment: on a port of its own, silent,
 * with no outbox worker and limits high enough not to count; `overrides` adds to it.
 */
export function benchConfig(overrides: Record<string, string> = {}) {
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    LOG_LEVEL: 'silent',
    OUTBOX_WORKER: 'off',
    RATE_LIMIT_MAX: '10000000',
    ...overrides,
  });
}
