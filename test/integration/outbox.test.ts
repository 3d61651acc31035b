import { expect } from 'chai';
import { simpleParser } from 'mailparser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createOutboxWorker,
  enqueueMessage,
  fileTransport,
  Message,
  smtpTransport,
  type MailTransport,
} from '../../src/modules/messaging/index.js';
import { createLogger } from '../../src/shared/logger.js';
import { useTestForo } from '../support/foro.js';
import { freePort, startTestSmtp, type TestSmtp } from '../support/smtp.js';

const MINUTE = 60_000;

describe('messaging: an outbox that loses nothing and sends nothing twice', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  let smtp: TestSmtp | undefined;
  afterEach(async () => {
    await smtp?.stop();
    smtp = undefined;
  });

  const settings = {
    from: 'Foro <foro@cepal.example>',
    retryMinutes: [1, 5, 15, 60, 180, 360],
    leaseMs: 5 * MINUTE,
    concurrency: 10,
    batchSize: 500,
  };
  const worker = (transport: MailTransport) =>
    createOutboxWorker({ transport, clock: foro.clock, logger: createLogger('silent'), settings });

  async function queue(count: number, to = (i: number) => `persona${i}@example.org`) {
    for (let i = 0; i < count; i += 1) {
      await enqueueMessage(
        {
          to: [{ name: `Persona ${i}`, email: to(i) }],
          locale: 'es',
          template: 'test',
          subject: `Invitación ${i}`,
          text: `Hola ${i}`,
          dedupeKey: `test:${i}`,
        },
        foro.clock,
        'foro.example',
      );
    }
  }

  const distinctIds = (mails: TestSmtp['mails']) => new Set(mails.map((m) => m.messageId)).size;

  it('keeps 200 mails while the SMTP server is down, and delivers each once when it returns', async () => {
    await queue(200);
    const port = await freePort();
    const down = await worker(smtpTransport(`smtp://127.0.0.1:${port}`, { timeoutMs: 2000 })).runOnce();
    expect(down).to.deep.equal({ sent: 0, failed: 0, retried: 200 });
    expect(await Message.countDocuments({ status: 'queued', attempts: 1 })).to.equal(200);
    expect((await Message.findOne().lean())?.lastError).to.match(/ECONNREFUSED/);

    smtp = await startTestSmtp(port);
    expect((await worker(smtpTransport(smtp.url)).runOnce()).sent, 'not due before the retry time').to.equal(
      0,
    );
    foro.clock.advance(MINUTE);
    const back = await worker(smtpTransport(smtp.url)).runOnce();
    expect(back.sent).to.equal(200);
    expect(smtp.mails).to.have.length(200);
    expect(distinctIds(smtp.mails)).to.equal(200);
    expect(await Message.countDocuments({ status: 'sent' })).to.equal(200);
    expect((await worker(smtpTransport(smtp.url)).runOnce()).sent, 'nothing left to send').to.equal(0);
  });

  it('fails a mail refused with 550 at once, with the reason, and sends the others', async () => {
    smtp = await startTestSmtp();
    await queue(5, (i) => (i === 2 ? 'reject-me@example.org' : `persona${i}@example.org`));
    const result = await worker(smtpTransport(smtp.url)).runOnce();
    expect(result).to.deep.equal({ sent: 4, failed: 1, retried: 0 });
    const failed = await Message.findOne({ status: 'failed' }).lean();
    expect(failed?.to[0]?.email).to.equal('reject-me@example.org');
    expect(failed?.lastError).to.contain('550');
    expect(failed?.lastError).to.contain('Mailbox unavailable');
    expect(smtp.mails).to.have.length(4);
  });

  it('lets two workers share one outbox without sending any mail twice', async () => {
    smtp = await startTestSmtp();
    await queue(100);
    const [a, b] = await Promise.all([
      worker(smtpTransport(smtp.url)).runOnce(),
      worker(smtpTransport(smtp.url)).runOnce(),
    ]);
    expect(a.sent + b.sent).to.equal(100);
    expect(smtp.mails).to.have.length(100);
    expect(distinctIds(smtp.mails)).to.equal(100);
  });

  it('sends later, once, a mail whose worker died before the server accepted it', async () => {
    smtp = await startTestSmtp();
    await queue(1);
    const dying: MailTransport = {
      kind: 'smtp',
      send: () => new Promise(() => undefined),
      close: () => undefined,
    };
    void worker(dying).runOnce();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await Message.countDocuments({ status: 'sending' })).to.equal(1);
    expect((await worker(smtpTransport(smtp.url)).runOnce()).sent, 'still leased').to.equal(0);
    foro.clock.advance(6 * MINUTE);
    expect((await worker(smtpTransport(smtp.url)).runOnce()).sent).to.equal(1);
    expect(smtp.mails).to.have.length(1);
    expect((await Message.findOne().lean())?.attempts).to.equal(2);
  });

  it('repeats at most once, with the same Message-ID, a mail whose worker died after acceptance', async () => {
    smtp = await startTestSmtp();
    await queue(1);
    const real = smtpTransport(smtp.url);
    const diesAfterSending: MailTransport = {
      kind: 'smtp',
      send: async (mail) => {
        await real.send(mail);
        return new Promise(() => undefined);
      },
      close: () => undefined,
    };
    void worker(diesAfterSending).runOnce();
    for (let i = 0; i < 50 && smtp.mails.length === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    foro.clock.advance(6 * MINUTE);
    await worker(smtpTransport(smtp.url)).runOnce();
    foro.clock.advance(6 * MINUTE);
    await worker(smtpTransport(smtp.url)).runOnce();
    expect(smtp.mails).to.have.length(2);
    expect(distinctIds(smtp.mails)).to.equal(1);
    expect(await Message.countDocuments({ status: 'sent' })).to.equal(1);
  });

  it('gives up after the retry schedule, and queues a dedupe key only once', async () => {
    await queue(1);
    await queue(1);
    expect(await Message.countDocuments()).to.equal(1);
    const port = await freePort();
    const down = worker(smtpTransport(`smtp://127.0.0.1:${port}`, { timeoutMs: 1000 }));
    for (let i = 0; i <= settings.retryMinutes.length; i += 1) {
      await down.runOnce();
      foro.clock.advance(400 * MINUTE);
    }
    const message = await Message.findOne().lean();
    expect(message?.status).to.equal('failed');
    expect(message?.attempts).to.equal(settings.retryMinutes.length + 1);
  });

  it('keeps line breaks in names and subjects out of the headers', async () => {
    smtp = await startTestSmtp();
    await enqueueMessage(
      {
        to: [{ name: 'Ana\r\nBcc: spy@evil.example', email: 'ana@example.org' }],
        locale: 'es',
        template: 'test',
        subject: 'Hola\r\nBcc: spy@evil.example',
        text: 'Texto',
        dedupeKey: 'inject',
      },
      foro.clock,
      'foro.example',
    );
    await worker(smtpTransport(smtp.url)).runOnce();
    expect(smtp.mails).to.have.length(1);
    expect(smtp.mails[0]!.to).to.deep.equal(['ana@example.org']);
    expect(smtp.mails[0]!.parsed.headers.has('bcc')).to.equal(false);
    expect(smtp.mails[0]!.raw).to.not.match(/^Bcc:/im);
    expect(smtp.mails[0]!.subject).to.equal('Hola Bcc: spy@evil.example');
  });

  it('writes mails as .eml files when no SMTP server is configured', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'foro-mail-'));
    try {
      await queue(2);
      expect((await worker(fileTransport(folder)).runOnce()).sent).to.equal(2);
      const files = await readdir(folder);
      expect(files).to.have.length(2);
      const parsed = await simpleParser(await readFile(join(folder, files[0]!)));
      expect(parsed.subject).to.match(/^Invitación \d$/);
      expect(parsed.messageId).to.match(/^<[0-9a-f-]+@foro\.example>$/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
