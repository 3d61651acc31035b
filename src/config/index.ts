import { createHmac } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const DEV_SESSION_SECRET = 'foro-development-only-secret-do-not-use-in-production';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

/**
 * Every setting Foro reads from the environment, each described once here and in `.env.example`.
 * Nothing outside this folder reads `process.env`.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1').describe('Interface the web server listens on'),
    PORT: port.default(3000).describe('Port the web server listens on'),
    PUBLIC_URL: z
      .url({ protocol: /^https?$/ })
      .optional()
      .describe('Base URL used in links sent by mail'),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'must start with mongodb:// or mongodb+srv://')
      .optional()
      .describe('MongoDB server to use; unset = an embedded database under DATA_DIR'),
    FERRETDB_POSTGRESQL_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, 'must start with postgres:// or postgresql://')
      .optional()
      .describe('PostgreSQL database under FerretDB, where Foro adds the indexes its lookups need'),
    DATA_DIR: z.string().min(1).default('./data').describe('Folder for the embedded database'),
    MONGOMS_SYSTEM_BINARY: z.string().min(1).optional().describe('Local mongod for the embedded database'),
    EMBEDDED_DATABASE: z
      .enum(['auto', 'mongodb', 'ferretdb'])
      .default('auto')
      .describe('Embedded database: MongoDB, else FerretDB on SQLite (auto), or only one of them'),
    EMBEDDED_DATABASE_PORT: port.default(0).describe('Port of the embedded database; 0 picks a free one'),
    GO_BINARY: z.string().min(1).optional().describe('Go toolchain that builds the embedded FerretDB'),
    DB_TIMEOUT_MS: positiveInt.default(10_000).describe('How long the start waits for the database server'),
    DB_POOL_SIZE: positiveInt
      .max(500)
      .default(20)
      .describe('Connections each Foro process opens to the database, at most'),
    SESSION_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters')
      .optional()
      .describe('Secret that signs session cookies'),
    SESSION_MAX_AGE_HOURS: positiveInt.default(12),
    RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(60),
    RATE_LIMIT_MAX: positiveInt.default(600).describe('Requests per address per window'),
    LOGIN_RATE_LIMIT_WINDOW_SECONDS: positiveInt.default(900),
    LOGIN_RATE_LIMIT_PER_ADDRESS: positiveInt.default(30).describe('Failed sign-ins per address per window'),
    LOGIN_RATE_LIMIT_PER_ACCOUNT: positiveInt.default(10).describe('Failed sign-ins per account per window'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/\S+$/, 'must start with smtp:// or smtps://')
      .optional()
      .describe('Mail server; unset = mails are written as .eml files under DATA_DIR/mail'),
    MAIL_FROM: z
      .string()
      .min(3)
      .default('Foro <foro@localhost>')
      .describe('Sender of every mail whose event sets none of its own; not localhost in production'),
    MAIL_REPLY_TO: z.string().min(3).optional().describe('Reply-To of mails whose event sets none'),
    OUTBOX_WORKER: z.enum(['on', 'off']).default('on').describe('Send the outbox from the web process'),
    SCHEDULED_TASKS: z
      .enum(['on', 'off'])
      .default('on')
      .describe('Take part in the work on a timer (each period runs once across processes)'),
    OUTBOX_POLL_SECONDS: positiveInt.default(5),
    OUTBOX_RETRY_MINUTES: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'must be minutes separated by commas, e.g. 1,5,15,60')
      .default('1,5,15,30,60,120,240,480')
      .describe('Waits between attempts after temporary failures; when they run out the mail fails'),
    OUTBOX_LEASE_SECONDS: positiveInt
      .default(300)
      .describe('After this, a mail left sending by a dead worker is due again'),
    REMINDERS_EVERY_MINUTES: z.coerce
      .number()
      .positive()
      .default(60)
      .describe('How often the outbox worker sends due invitation reminders'),
    LINK_RATE_LIMIT_PER_ADDRESS: positiveInt
      .default(20)
      .describe('Unknown or expired private links one address may try per 15 minutes'),
    REGISTRATION_RATE_LIMIT_PER_ADDRESS: positiveInt
      .default(20)
      .describe('Registration forms one address may send per 15 minutes'),
    PDF_WORKERS: positiveInt.max(16).default(1).describe('Threads that render PDFs beside the web server'),
    PDF_TIME_LIMIT_SECONDS: positiveInt
      .default(60)
      .describe('A PDF that takes longer is abandoned and its request answered 503'),
    OFFICIAL_DOCUMENT_MAX_MB: positiveInt
      .max(1024)
      .default(20)
      .describe('Largest language version of an official document accepted, in megabytes'),
    TRUST_PROXY: z
      .string()
      .default('false')
      .describe('Express trust proxy setting: false, true, a hop count or a list of addresses'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    SHUTDOWN_GRACE_MS: positiveInt.default(10_000).describe('How long in-flight requests may finish'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && !env.SESSION_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SESSION_SECRET'],
        message: 'is required when NODE_ENV=production',
      });
    }
    // Mail from a local address is refused or lost by every real server, and its replies go nowhere.
    for (const key of ['MAIL_FROM', 'MAIL_REPLY_TO'] as const) {
      const value = env[key];
      if (env.NODE_ENV === 'production' && value !== undefined && !deliverableAddress(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `must be a real address (not ${value}) when NODE_ENV=production, e.g. "Foro <foro@example.org>"`,
        });
      }
    }
  });

/**
 * Whether "Name <address>" or a bare address can reach the world: a domain with a dot, and not
 * this machine (`localhost`, `*.localhost`, `localhost.localdomain`, loopback addresses).
 */
export function deliverableAddress(mailbox: string): boolean {
  const address = /<([^>]*)>\s*$/.exec(mailbox)?.[1] ?? mailbox;
  const at = address.lastIndexOf('@');
  if (at < 1) return false;
  const domain = address
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (!domain.includes('.') || /\s/.test(domain)) return false;
  if (domain === 'localhost.localdomain' || domain.endsWith('.localhost')) return false;
  return !/^127\.|^0\.0\.0\.0$|^ipv6:/.test(domain);
}

export type Env = z.output<typeof envSchema>;

/** The names of every setting (the documentation in `.env.example` is checked against it). */
export const CONFIG_KEYS: readonly string[] = Object.keys(envSchema.shape);

export interface Config {
  env: Env['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string;
  mongodbUri: string | undefined;
  /** The PostgreSQL database FerretDB stores in, when Foro runs on FerretDB over PostgreSQL. */
  ferretdbPostgresqlUrl: string | undefined;
  dataDir: string;
  embedded: {
    prefer: 'auto' | 'mongodb' | 'ferretdb';
    systemBinary: string | undefined;
    port: number;
    goBinary: string | undefined;
  };
  dbTimeoutMs: number;
  dbPoolSize: number;
  session: { secret: string; maxAgeMs: number; secureCookie: boolean };
  /** Signs the secret URLs of calendar feeds (derived from SESSION_SECRET). */
  feedSecret: string;
  rateLimit: { windowMs: number; max: number };
  loginRateLimit: { windowMs: number; perAddress: number; perAccount: number };
  mail: {
    smtpUrl: string | undefined;
    from: string;
    replyTo: string | undefined;
    /** Folder of the .eml files written when there is no SMTP server. */
    fileDir: string;
    /** Right-hand side of Message-IDs. */
    domain: string;
  };
  outbox: {
    worker: boolean;
    pollMs: number;
    retryMinutes: number[];
    leaseMs: number;
    remindersEveryMs: number;
  };
  /** Whether this process takes part in the scheduled work (reminders, purges, clean-ups). */
  scheduledTasks: boolean;
  linkRateLimit: { windowMs: number; perAddress: number };
  registrationRateLimit: { perAddress: number };
  documents: { workers: number; timeLimitMs: number };
  officialDocuments: { maxBytes: number };
  trustProxy: boolean | number | string;
  logLevel: NonNullable<Env['LOG_LEVEL']>;
  shutdownGraceMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment once; the message names every bad key. */
export function loadConfig(
  source: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee .env.example for every setting.`);
  }
  const env = result.data;
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl,
    mongodbUri: env.MONGODB_URI,
    ferretdbPostgresqlUrl: env.FERRETDB_POSTGRESQL_URL,
    dataDir: isAbsolute(env.DATA_DIR) ? env.DATA_DIR : resolve(cwd, env.DATA_DIR),
    embedded: {
      prefer: env.EMBEDDED_DATABASE,
      systemBinary: env.MONGOMS_SYSTEM_BINARY,
      port: env.EMBEDDED_DATABASE_PORT,
      goBinary: env.GO_BINARY,
    },
    dbTimeoutMs: env.DB_TIMEOUT_MS,
    dbPoolSize: env.DB_POOL_SIZE,
    session: {
      secret: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
      maxAgeMs: env.SESSION_MAX_AGE_HOURS * 3_600_000,
      secureCookie: publicUrl.startsWith('https:'),
    },
    feedSecret: createHmac('sha256', env.SESSION_SECRET ?? DEV_SESSION_SECRET)
      .update('foro calendar feeds')
      .digest('hex'),
    rateLimit: { windowMs: env.RATE_LIMIT_WINDOW_SECONDS * 1000, max: env.RATE_LIMIT_MAX },
    loginRateLimit: {
      windowMs: env.LOGIN_RATE_LIMIT_WINDOW_SECONDS * 1000,
      perAddress: env.LOGIN_RATE_LIMIT_PER_ADDRESS,
      perAccount: env.LOGIN_RATE_LIMIT_PER_ACCOUNT,
    },
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      replyTo: env.MAIL_REPLY_TO,
      fileDir: resolve(isAbsolute(env.DATA_DIR) ? env.DATA_DIR : resolve(cwd, env.DATA_DIR), 'mail'),
      domain: new URL(publicUrl).hostname,
    },
    outbox: {
      worker: env.OUTBOX_WORKER === 'on',
      pollMs: env.OUTBOX_POLL_SECONDS * 1000,
      retryMinutes: env.OUTBOX_RETRY_MINUTES.split(',').map(Number),
      leaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
      remindersEveryMs: Math.round(env.REMINDERS_EVERY_MINUTES * 60_000),
    },
    scheduledTasks: env.SCHEDULED_TASKS === 'on',
    linkRateLimit: { windowMs: 15 * 60_000, perAddress: env.LINK_RATE_LIMIT_PER_ADDRESS },
    registrationRateLimit: { perAddress: env.REGISTRATION_RATE_LIMIT_PER_ADDRESS },
    documents: { workers: env.PDF_WORKERS, timeLimitMs: env.PDF_TIME_LIMIT_SECONDS * 1000 },
    officialDocuments: { maxBytes: env.OFFICIAL_DOCUMENT_MAX_MB * 1024 * 1024 },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
  };
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
