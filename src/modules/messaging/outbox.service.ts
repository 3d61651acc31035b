import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import { Message } from './message.model.js';

export interface NewMessage {
  to: { name?: string; email: string }[];
  locale: string;
  template: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
  /** The same key never queues a second mail (a double click, a retried request). */
  dedupeKey: string;
  related?: { type: string; id: string }[];
}

/** Header values may not carry line breaks: a name with CR/LF could otherwise add headers. */
const oneLine = (value: string) => value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

/** Queues a mail; its Message-ID is fixed now and kept for every attempt. */
export async function enqueueMessage(
  input: NewMessage,
  clock: Clock,
  domain: string,
): Promise<{ id: string; messageId: string; created: boolean }> {
  const now = clock.now();
  try {
    const created = await Message.create({
      to: input.to.map((r) => ({ name: oneLine(r.name ?? ''), email: oneLine(r.email) })),
      locale: input.locale,
      template: input.template,
      subject: oneLine(input.subject),
      text: input.text,
      html: input.html,
      attachments: (input.attachments ?? []).map((a) => ({
        filename: oneLine(a.filename),
        contentType: a.contentType,
        content: a.content.toString('base64'),
      })),
      messageId: `<${randomUUID()}@${domain}>`,
      dedupeKey: input.dedupeKey,
      related: input.related ?? [],
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    });
    return { id: created.id, messageId: created.messageId, created: true };
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    const existing = await Message.findOne({ dedupeKey: input.dedupeKey }).lean();
    if (!existing) throw error;
    return { id: String(existing._id), messageId: existing.messageId, created: false };
  }
}
