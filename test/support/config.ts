import { type Config, loadConfig } from '../../src/config/index.js';

/** The configuration tests run with: the environment's database, any free port, quiet logs. */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  // The outbox worker and the schedule stay off unless a test turns them on: tests drive them.
  return loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    OUTBOX_WORKER: 'off',
    SCHEDULED_TASKS: 'off',
    ...overrides,
  });
}
