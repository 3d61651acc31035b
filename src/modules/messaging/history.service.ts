import { timeZonesOf } from '../events/index.js';
import { Message } from './message.model.js';
import { relatedKey } from './outbox.service.js';
import { MESSAGE_STATUSES, type MessageStatus } from './message.model.js';

export type BatchProgress = Record<MessageStatus, number> & { total: number; done: boolean };

/**
 * How far a bulk send has come: its mails counted by status. Done when none is queued or
 * being sent (failed ones count as done: they wait for an organizer).
 */
export async function batchProgress(batchId: string): Promise<BatchProgress> {
  const mails = await Message.find(
    { relatedKeys: relatedKey({ type: 'batch', id: batchId }) },
    { status: 1 },
  ).lean();
  const counts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<MessageStatus, number>;
  for (const mail of mails) counts[mail.status as MessageStatus] += 1;
  return { ...counts, total: mails.length, done: counts.queued + counts.sending === 0 };
}

export interface MailSummary {
  id: string;
  subject: string;
  template: string;
  status: string;
  createdAt: Date;
  sentAt: Date | undefined;
  /** The zone its times are shown in: its event's, or UTC for a mail of no event. */
  zone: string;
}

/** Every mail concerning a record (a person, an assignment), newest first. */
export async function mailsAbout(type: string, id: string): Promise<MailSummary[]> {
  const mails = await Message.find(
    { relatedKeys: relatedKey({ type, id }) },
    { subject: 1, template: 1, status: 1, createdAt: 1, sentAt: 1, related: 1 },
  )
    .sort({ createdAt: -1, _id: -1 })
    .limit(500)
    .lean();
  const eventOf = (m: (typeof mails)[number]) => m.related?.find((r) => r.type === 'event' && r.id)?.id;
  const zones = await timeZonesOf(mails.flatMap((m) => eventOf(m) ?? []));
  return mails.map((m) => ({
    id: String(m._id),
    zone: zones.get(eventOf(m) ?? '') ?? 'UTC',
    subject: m.subject,
    template: m.template,
    status: m.status,
    createdAt: m.createdAt,
    sentAt: m.sentAt ?? undefined,
  }));
}
