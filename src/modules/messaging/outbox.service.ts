import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import mongoose from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import { Message, MessageClaim, OUTBOX_LIST } from './message.model.js';
import { TEMPLATE_KEYS } from './catalogue/index.js';
import { nextBlock, readPage } from '../../db/blocks.js';
import { insertPlain } from '../../db/plain-insert.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { MailSender } from '../../shared/mailbox.js';

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
  /** The event's own sender (each part optional); the worker fills the rest from the configuration. */
  sender?: MailSender;
}

/** Header values may not carry line breaks: a name with CR/LF could otherwise add headers. */
const oneLine = (value: string) => value.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

export const relatedKey = (ref: { type: string; id: string }) => `${ref.type}:${ref.id}`;

/** The parts of a sender that are set, or nothing (the configuration's sender). */
function senderParts(sender: MailSender | undefined) {
  const parts = Object.fromEntries(
    (['name', 'address', 'replyTo'] as const)
      .map((part) => [part, sender?.[part] ? oneLine(sender[part]) : undefined])
      .filter(([, value]) => value),
  );
  return Object.keys(parts).length > 0 ? parts : undefined;
}

/** Queues a mail; its Message-ID is fixed now and kept for every attempt. */
export async function enqueueMessage(
  input: NewMessage,
  clock: Clock,
  domain: string,
): Promise<{ id: string; messageId: string; created: boolean }> {
  const now = clock.now();
  try {
    const id = new mongoose.Types.ObjectId();
    const messageId = `<${randomUUID()}@${domain}>`;
    // Written plain (no mongoose document): one mail per registration or answer, on the hot path.
    await insertPlain(Message, {
      _id: id,
      block: await nextBlock(OUTBOX_LIST),
      to: input.to.map((r) => ({ name: oneLine(r.name ?? ''), email: oneLine(r.email) })),
      locale: input.locale,
      template: input.template,
      subject: oneLine(input.subject),
      text: input.text,
      ...(input.html !== undefined && { html: input.html }),
      attachments: (input.attachments ?? []).map((a) => ({
        filename: oneLine(a.filename),
        contentType: a.contentType,
        content: a.content.toString('base64'),
      })),
      messageId,
      ...(senderParts(input.sender) && { sender: senderParts(input.sender) }),
      dedupeKey: input.dedupeKey,
      related: input.related ?? [],
      relatedKeys: (input.related ?? []).map(relatedKey),
      status: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    });
    return { id: id.toHexString(), messageId, created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await Message.findOne({ dedupeKey: input.dedupeKey }).lean();
    if (!existing) throw error;
    return { id: String(existing._id), messageId: existing.messageId, created: false };
  }
}

export interface MessageView {
  id: string;
  to: { name: string; email: string }[];
  locale: string;
  template: string;
  subject: string;
  text: string;
  html: string | undefined;
  attachments: { filename: string; contentType: string }[];
  messageId: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | undefined;
  createdAt: Date;
  sentAt: Date | undefined;
  /** Its event's own sender, if it set one (the configuration's fills the rest). */
  sender: MailSender | undefined;
  /** The events the mail belongs to (its access follows theirs); none for account mails. */
  eventIds: string[];
}

interface StoredMessage {
  _id: unknown;
  to: { name?: string | null; email: string }[];
  locale: string;
  template: string;
  subject: string;
  text: string;
  html?: string | null;
  attachments: { filename?: string | null; contentType?: string | null }[];
  messageId: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string | null;
  createdAt: Date;
  sentAt?: Date | null;
  sender?: MailSender | null;
  related?: { type?: string | null; id?: string | null }[];
}

function toMessageView(m: StoredMessage): MessageView {
  return {
    id: String(m._id),
    to: m.to.map((r) => ({ name: r.name ?? '', email: r.email })),
    locale: m.locale,
    template: m.template,
    subject: m.subject,
    text: m.text,
    html: m.html ?? undefined,
    attachments: m.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType ?? '' })),
    messageId: m.messageId,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt,
    lastError: m.lastError ?? undefined,
    createdAt: m.createdAt,
    sentAt: m.sentAt ?? undefined,
    sender: m.sender ?? undefined,
    eventIds: (m.related ?? []).filter((r) => r.type === 'event' && r.id).map((r) => r.id!),
  };
}

export const OUTBOX_PAGE = 50;

/** The outbox, newest first, a page at a time, filtered by status, template and recipient (name or email). */
export async function listMessages(filter: {
  status?: string | undefined;
  template?: string | undefined;
  to?: string | undefined;
  batch?: string | undefined;
  /** The mails about one event. */
  event?: string | undefined;
  after?: string | undefined;
  before?: string | undefined;
}) {
  const query: Record<string, unknown> = {};
  const keys = [
    filter.batch && relatedKey({ type: 'batch', id: filter.batch }),
    filter.event && relatedKey({ type: 'event', id: filter.event }),
  ].filter((key): key is string => Boolean(key));
  if (keys.length === 1) query['relatedKeys'] = keys[0];
  if (keys.length > 1) query['relatedKeys'] = mongoose.trusted({ $all: keys });
  if (filter.status) query['status'] = filter.status;
  if (filter.template) query['template'] = filter.template;
  if (filter.to) {
    const pattern = filter.to.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    query['$or'] = [
      { 'to.email': mongoose.trusted({ $regex: pattern }) },
      { 'to.name': mongoose.trusted({ $regex: pattern, $options: 'i' }) },
    ];
  }
  const page = await readPage({
    list: OUTBOX_LIST,
    size: OUTBOX_PAGE,
    newestFirst: true,
    readBlock: (block) => Message.find({ ...query, block }).lean(),
    readAll: () => Message.find(query).lean(),
    placeOf: (m) => ({ block: m.block ?? 0, key: String(m._id) }),
    after: filter.after,
    before: filter.before,
  });
  return {
    messages: page.rows.map(toMessageView),
    next: page.next,
    previous: page.previous,
    templates: [...TEMPLATE_KEYS].sort(),
  };
}

export async function getMessage(id: string): Promise<MessageView> {
  const message = await Message.findById(id).lean();
  if (!message) throw new NotFoundError();
  return toMessageView(message);
}

/** Puts a failed mail back in the queue, due now. */
export async function retryMessage(id: string, actor: Actor, clock: Clock): Promise<void> {
  const message = await getMessage(id);
  if (message.status !== 'failed') throw new ConflictError('MESSAGE_NOT_FAILED');
  await Message.updateOne({ _id: id }, { $set: { status: 'queued', nextAttemptAt: clock.now() } });
  await recordChange({ action: 'message.retried', subjectType: 'message', subjectId: id, actor }, clock);
}

/**
 * Cancels a queued mail. Cancelling takes the claim of the next attempt, like a worker would:
 * if a worker took it first the mail is already on its way and cannot be cancelled (409).
 */
export async function cancelMessage(id: string, actor: Actor, clock: Clock): Promise<void> {
  const message = await getMessage(id);
  if (message.status !== 'queued') throw new ConflictError('MESSAGE_NOT_QUEUED');
  try {
    await MessageClaim.create({
      _id: `${id}:${message.attempts + 1}`,
      worker: `cancelled by ${actor.label}`,
      claimedAt: clock.now(),
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('MESSAGE_NOT_QUEUED');
    throw error;
  }
  await Message.updateOne({ _id: id }, { $set: { status: 'cancelled' } });
  await recordChange({ action: 'message.cancelled', subjectType: 'message', subjectId: id, actor }, clock);
}

/** How many mails are due to be sent now. */
export function countDueMessages(now: Date): Promise<number> {
  return Message.countDocuments({ status: 'queued', nextAttemptAt: mongoose.trusted({ $lte: now }) });
}
