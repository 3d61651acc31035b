import mongoose from 'mongoose';
import type { Clock } from '../../../shared/clock.js';
import { newVerificationCode } from '../verification-code.js';
import { BadgeCode } from './badge-code.model.js';

const isDuplicate = (error: unknown) => (error as { code?: number }).code === 11000;

/** Each registration's badge code, created on first print; the same code on every reprint. */
export async function badgeCodesFor(
  eventId: string,
  registrationIds: string[],
  clock: Clock,
): Promise<Map<string, string>> {
  const existing = await BadgeCode.find({
    registrationId: mongoose.trusted({ $in: registrationIds }),
  }).lean();
  const codes = new Map(existing.map((c) => [c.registrationId, String(c._id)]));
  for (const registrationId of registrationIds.filter((id) => !codes.has(id))) {
    try {
      const created = await BadgeCode.create({
        _id: newVerificationCode(),
        eventId,
        registrationId,
        createdAt: clock.now(),
      });
      codes.set(registrationId, String(created._id));
    } catch (error) {
      // Printed at the same moment elsewhere: that code stands.
      if (!isDuplicate(error)) throw error;
      const winner = await BadgeCode.findOne({ registrationId }).lean();
      if (winner) codes.set(registrationId, String(winner._id));
    }
  }
  return codes;
}

/** The registration a badge code belongs to, within one event. */
export async function registrationOfBadge(eventId: string, code: string): Promise<string | undefined> {
  const found = await BadgeCode.findOne({ _id: code, eventId }).lean();
  return found?.registrationId;
}
