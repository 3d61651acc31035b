import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import type { Clock } from '../../shared/clock.js';
import type { Logger } from '../../shared/logger.js';
import { describeFailure, isPermanentFailure, nextAttemptAfter } from './delivery.js';
import { Message, MessageClaim } from './message.model.js';
import type { MailTransport } from './transport.js';
import { envelopeOf } from '../../shared/mailbox.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';

export interface WorkerSettings {
  /** The configuration's sender (MAIL_FROM, MAIL_REPLY_TO): what a mail's event did not set. */
  from: string;
  replyTo?: string | undefined;
  /** Minutes to wait before each retry; when they run out, the mail fails. */
  retryMinutes: number[];
  leaseMs: number;
  batchSize?: number;
  concurrency?: number;
}

export interface OutboxWorker {
  /** Sends what is due now; resolves with how many mails it sent and failed. */
  runOnce(): Promise<{ sent: number; failed: number; retried: number }>;
  start(pollMs: number): void;
  stop(): Promise<void>;
}

/**
 * Sends the outbox. Each attempt is claimed by inserting `messageId:attempt`, so two workers
 * never make the same attempt; a mail left in `sending` past its lease (a dead worker) is due
 * again, as the next attempt, with the same Message-ID.
 */
export function createOutboxWorker(deps: {
  transport: MailTransport;
  clock: Clock;
  logger: Logger;
  settings: WorkerSettings;
}): OutboxWorker {
  const { transport, clock, logger, settings } = deps;
  const workerId = randomUUID();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;

  async function due() {
    const now = clock.now();
    return Message.find({
      $or: [
        { status: 'queued', nextAttemptAt: mongoose.trusted({ $lte: now }) },
        { status: 'sending', leaseUntil: mongoose.trusted({ $lte: now }) },
      ],
    })
      .sort({ nextAttemptAt: 1, _id: 1 })
      .limit(settings.batchSize ?? 200)
      .lean();
  }

  /**
   * Takes attempt N by inserting its claim. A claim older than the lease belongs to a worker
   * that died before it could mark the mail: whoever deletes it (by `_id`, once) may try again.
   */
  async function claim(id: string, retry = true): Promise<boolean> {
    try {
      await MessageClaim.create({ _id: id, worker: workerId, claimedAt: clock.now() });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const existing = await MessageClaim.findById(id).lean();
    if (!retry || !existing || existing.claimedAt.getTime() + settings.leaseMs > clock.now().getTime())
      return false;
    const { deletedCount } = await MessageClaim.deleteOne({ _id: id, claimedAt: existing.claimedAt });
    return deletedCount === 1 && claim(id, false);
  }

  async function deliver(
    message: Awaited<ReturnType<typeof due>>[number],
  ): Promise<'sent' | 'failed' | 'retried' | 'skipped'> {
    const attempt = message.attempts + 1;
    if (!(await claim(`${message._id}:${attempt}`))) return 'skipped';
    const startedAt = clock.now();
    await Message.updateOne(
      { _id: message._id },
      {
        $set: {
          status: 'sending',
          attempts: attempt,
          leaseUntil: new Date(startedAt.getTime() + settings.leaseMs),
        },
      },
    );
    try {
      await transport.send({
        ...envelopeOf(message.sender, settings),
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        attachments: message.attachments,
      });
    } catch (error) {
      const reason = describeFailure(error);
      const retryAt = isPermanentFailure(error)
        ? undefined
        : nextAttemptAfter(clock.now(), attempt, settings.retryMinutes);
      await Message.updateOne(
        { _id: message._id },
        retryAt
          ? {
              $set: { status: 'queued', nextAttemptAt: retryAt, lastError: reason },
              $unset: { leaseUntil: 1 },
            }
          : { $set: { status: 'failed', lastError: reason }, $unset: { leaseUntil: 1 } },
      );
      logger.warn({ messageId: message.messageId, attempt, reason, retryAt }, 'mail not sent');
      return retryAt ? 'retried' : 'failed';
    }
    await Message.updateOne(
      { _id: message._id },
      { $set: { status: 'sent', sentAt: clock.now() }, $unset: { leaseUntil: 1, lastError: 1 } },
    );
    return 'sent';
  }

  async function runOnce() {
    const counts = { sent: 0, failed: 0, retried: 0 };
    const batch = await due();
    const concurrency = settings.concurrency ?? 5;
    for (let i = 0; i < batch.length; i += concurrency) {
      const results = await Promise.all(batch.slice(i, i + concurrency).map(deliver));
      for (const result of results) if (result !== 'skipped') counts[result] += 1;
    }
    return counts;
  }

  return {
    runOnce,
    start(pollMs) {
      const tick = () => {
        running = runOnce()
          .catch((error: unknown) => logger.error({ err: error }, 'outbox worker failed'))
          .finally(() => {
            if (timer) timer = setTimeout(tick, pollMs);
          });
      };
      timer = setTimeout(tick, pollMs);
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      transport.close();
    },
  };
}
