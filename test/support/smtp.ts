import { createOutboxWorker, smtpTransport } from '../../src/modules/messaging/index.js';
import type { Clock } from '../../src/shared/clock.js';
import { createLogger } from '../../src/shared/logger.js';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  messageId: string | undefined;
  to: string[];
  subject: string | undefined;
  parsed: ParsedMail;
  raw: string;
}

/**
 * A real SMTP server in this process: it accepts mail, parses it back with mailparser, and
 * refuses with 550 any recipient whose address contains "reject".
 */
export interface TestSmtp {
  port: number;
  url: string;
  mails: CapturedMail[];
  stop(): Promise<void>;
}

export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // No reverse DNS of the client: this machine's resolver would add seconds per connection.
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.includes('reject')) {
        const error = new Error('5.1.1 Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            mails.push({
              messageId: parsed.messageId,
              to: session.envelope.rcptTo.map((r) => r.address),
              subject: parsed.subject,
              parsed,
              raw,
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    mails,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A test SMTP server for the tests of one `describe`: started before them, stopped after. */
export function useTestSmtp(): TestSmtp {
  let smtp: TestSmtp | undefined;
  before(async () => {
    smtp = await startTestSmtp();
  });
  after(() => smtp?.stop());
  const started = () => {
    if (!smtp) throw new Error('the test SMTP server starts before the tests');
    return smtp;
  };
  return {
    get port() {
      return started().port;
    },
    get url() {
      return started().url;
    },
    get mails() {
      return started().mails;
    },
    stop: () => started().stop(),
  };
}

/** A TCP port nothing listens on (a mail server that is down). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Sends everything the outbox has due to a test SMTP server, as the worker would, until nothing
 * is left; `sender` stands for the configuration's MAIL_FROM and MAIL_REPLY_TO.
 */
export async function deliverOutbox(
  url: string,
  clock: Clock,
  sender: { from?: string; replyTo?: string } = {},
): Promise<void> {
  const worker = createOutboxWorker({
    transport: smtpTransport(url),
    clock,
    logger: createLogger('silent'),
    settings: { from: 'Foro <foro@cepal.example>', ...sender, retryMinutes: [1], leaseMs: 60_000 },
  });
  while ((await worker.runOnce()).sent > 0);
  await worker.stop();
}
