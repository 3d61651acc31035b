import mongoose from 'mongoose';
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import { LinkExpiredError, LinkInvalidError, LinkNotFoundError } from '../../shared/errors.js';
import { PrivateLink } from './link.model.js';
import { insertPlain } from '../../db/plain-insert.js';

export interface IssuedLink {
  token: string;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A fresh 256-bit token, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export async function issueLink(
  input: { purpose: string; subject: string; validForMs: number },
  clock: Clock,
): Promise<IssuedLink> {
  const token = newToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + input.validForMs);
  await insertPlain(PrivateLink, {
    tokenHash: hashToken(token),
    purpose: input.purpose,
    subject: input.subject,
    expiresAt,
    createdAt: now,
  });
  return { token, expiresAt };
}

/**
 * The subject of a live link, telling apart a link that never existed for this purpose (404)
 * from one that ran out (410), for pages that must say which.
 */
export async function openLink(
  token: string,
  purpose: string,
  clock: Clock,
): Promise<{ id: string; subject: string }> {
  if (!TOKEN_SHAPE.test(token)) throw new LinkNotFoundError();
  const link = await PrivateLink.findOne({ tokenHash: hashToken(token) }).lean();
  if (!link || link.purpose !== purpose) throw new LinkNotFoundError();
  if (link.expiresAt <= clock.now()) throw new LinkExpiredError();
  return { id: String(link._id), subject: link.subject };
}

/** Withdraws one issued link (one that lost a race to be sent, say). */
export async function revokeToken(token: string): Promise<void> {
  await PrivateLink.deleteOne({ tokenHash: hashToken(token) });
}

/**
 * Uses a one-time link. Deleting by `_id` is exclusive on MongoDB and FerretDB alike,
 * so of two simultaneous uses exactly one succeeds; the others are told it was used (410).
 */
export async function consumeLink(token: string, purpose: string, clock: Clock): Promise<string> {
  const link = await openLink(token, purpose, clock);
  const { deletedCount } = await PrivateLink.deleteOne({ _id: link.id });
  if (deletedCount !== 1) throw new LinkInvalidError();
  return link.subject;
}

export async function revokeLinks(subject: string, purposes: string[]): Promise<void> {
  // sanitizeFilter neutralizes operators in filters unless marked as our own.
  await PrivateLink.deleteMany({ subject, purpose: mongoose.trusted({ $in: purposes }) });
}
