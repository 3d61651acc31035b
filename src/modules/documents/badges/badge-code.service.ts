import mongoose from 'mongoose';
import type { Clock } from '../../../shared/clock.js';
import { issueCodes } from '../verification-code.js';
import { BadgeCode } from './badge-code.model.js';

/** Each registration's badge code, created on first print; the same code on every reprint. */
export function badgeCodesFor(
  eventId: string,
  registrationIds: string[],
  clock: Clock,
): Promise<Map<string, string>> {
  return issueCodes(registrationIds, {
    known: async (ids) =>
      new Map(
        (await BadgeCode.find({ registrationId: mongoose.trusted({ $in: ids }) }).lean()).map((c) => [
          c.registrationId,
          String(c._id),
        ]),
      ),
    insert: async (registrationId, code) => {
      await BadgeCode.create({ _id: code, eventId, registrationId, createdAt: clock.now() });
    },
    winner: async (registrationId) => {
      const found = await BadgeCode.findOne({ registrationId }).lean();
      return found ? String(found._id) : undefined;
    },
  });
}

/** The registration a badge code belongs to, within one event. */
export async function registrationOfBadge(eventId: string, code: string): Promise<string | undefined> {
  const found = await BadgeCode.findOne({ _id: code, eventId }).lean();
  return found?.registrationId;
}
