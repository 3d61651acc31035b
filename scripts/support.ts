import { ConfigError, type Config, loadConfig } from '../src/config/index.js';
import { EmbeddedDatabaseError, openDatabase } from '../src/db/index.js';
import type { Actor } from '../src/shared/actor.js';
import { systemClock, type Clock } from '../src/shared/clock.js';
import { AppError, ValidationError } from '../src/shared/errors.js';
import { createTranslator } from '../src/shared/i18n/index.js';
import { createLogger } from '../src/shared/logger.js';

export interface ScriptContext {
  config: Config;
  clock: Clock;
  actor: Actor;
}

const t = createTranslator().forLanguage('en');

/** Explains an error to the person at the terminal, in English, without a stack for their mistakes. */
function describe(error: unknown): string {
  if (error instanceof ValidationError) {
    return error.fieldErrors
      .map((e) => `  ${e.field}: ${t(`validation.${e.code}`, e.params ?? {})}`)
      .join('\n');
  }
  if (error instanceof AppError) return t(`errors.${error.code}.detail`, error.params);
  if (error instanceof ConfigError || error instanceof EmbeddedDatabaseError) return error.message;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Configuration and database for a command-line script; exits with its code (1 on error). */
export async function runScript(
  name: string,
  body: (context: ScriptContext) => Promise<number | void>,
): Promise<never> {
  let code: number;
  try {
    const config = loadConfig();
    const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
    const database = await openDatabase(config, logger, { say: (line) => console.error(line) });
    try {
      code =
        (await body({
          config,
          clock: systemClock,
          actor: { label: `${name} (command line)`, via: 'cli' },
        })) ?? 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    console.error(`${name}: ${describe(error)}`);
    code = 1;
  }
  process.exit(code);
}

/** Reads a password without echoing it when a person types it; otherwise the first line of stdin. */
export async function readSecret(prompt: string): Promise<string> {
  const { createInterface } = await import('node:readline');
  const { Writable } = await import('node:stream');
  const interactive = Boolean(process.stdin.isTTY);
  if (interactive) process.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: interactive });
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (interactive) process.stderr.write('\n');
  return line;
}
