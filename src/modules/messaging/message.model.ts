import mongoose, { Schema } from 'mongoose';

export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * One outgoing mail, rendered and stored before anything is sent, with the Message-ID it
 * keeps for every attempt. The unique dedupe key makes enqueuing idempotent.
 */
const messageSchema = new Schema({
  to: [{ _id: false, name: String, email: { type: String, required: true } }],
  locale: { type: String, required: true },
  template: { type: String, required: true },
  subject: { type: String, required: true },
  text: { type: String, required: true },
  html: { type: String },
  attachments: [{ _id: false, filename: String, contentType: String, content: String }],
  messageId: { type: String, required: true },
  /** Its event's own sender when the mail was written (sender.ts); absent: the configuration's. */
  sender: { type: { _id: false, name: String, address: String, replyTo: String }, default: undefined },
  dedupeKey: { type: String, required: true, unique: true },
  related: [{ _id: false, type: { type: String }, id: String }],
  /** The same references as `type:id` strings: one indexed equality finds a record's mails. */
  relatedKeys: [{ type: String }],
  status: { type: String, required: true, enum: MESSAGE_STATUSES, default: 'queued' },
  attempts: { type: Number, required: true, default: 0 },
  nextAttemptAt: { type: Date, required: true },
  leaseUntil: { type: Date },
  lastError: { type: String },
  createdAt: { type: Date, required: true },
  sentAt: { type: Date },
  /** Its block in the outbox list (`db/blocks.ts`), set by `enqueueMessage`. */
  block: { type: Number },
});
messageSchema.index({ status: 1, nextAttemptAt: 1 });
messageSchema.index({ relatedKeys: 1 });
messageSchema.index({ block: 1 });

/** The outbox is one list across events, newest first. */
export const OUTBOX_LIST = 'outbox';

export type MessageFields = mongoose.InferSchemaType<typeof messageSchema>;
export const Message = mongoose.model('Message', messageSchema);

/**
 * The exclusive right to make attempt N of a message: `_id` is `messageId:N`. Inserting it is
 * the decision (FerretDB's updates are not atomic); the loser of a race gets a duplicate key.
 */
const claimSchema = new Schema({
  _id: { type: String },
  worker: { type: String, required: true },
  claimedAt: { type: Date, required: true },
});

export const MessageClaim = mongoose.model('MessageClaim', claimSchema);
