import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { ConflictError } from '../../../shared/errors.js';
import { recordChange } from '../../audit/index.js';
import { listEvents, type EventView } from '../../events/index.js';
import { PassportData, Registration, RegistrationSettings } from '../registration.model.js';

export const DEFAULT_RETENTION_DAYS = 90;

/** When an event's passport and travel data may be erased: its last day plus the retention period. */
export async function purgeableFrom(event: EventView): Promise<Date> {
  const settings = await RegistrationSettings.findById(event.id, { retentionDays: 1 }).lean();
  const days = settings?.retentionDays ?? DEFAULT_RETENTION_DAYS;
  return DateTime.fromISO(event.endDate, { zone: event.timezone }).endOf('day').plus({ days }).toJSDate();
}

/**
 * Erases an event's passport data and travel details once its retention period is over, and
 * records it in the audit trail. The registrations themselves stay (who attended is history).
 */
export async function purgePersonalData(
  event: EventView,
  actor: Actor,
  clock: Clock,
): Promise<{ passports: number; travel: number }> {
  if (clock.now() < (await purgeableFrom(event))) throw new ConflictError('RETENTION_NOT_OVER');
  const registrations = await Registration.find({ eventId: event.id }, { _id: 1 }).lean();
  const ids = registrations.map((r) => String(r._id));
  const passports = await PassportData.deleteMany({ _id: mongoose.trusted({ $in: ids }) });
  const travel = await Registration.updateMany(
    { eventId: event.id, $or: mongoose.trusted([{ travel: { $exists: true } }, { visaLetter: true }]) },
    { $unset: { travel: 1 }, $set: { visaLetter: false } },
  );
  // Nothing left to erase (a purge already ran): nothing to record.
  if (passports.deletedCount === 0 && travel.modifiedCount === 0) return { passports: 0, travel: 0 };
  await recordChange(
    {
      action: 'privacy.purged',
      subjectType: 'event',
      subjectId: event.id,
      actor,
      changes: [
        { field: 'passports', from: passports.deletedCount, to: 0 },
        { field: 'travel', from: travel.modifiedCount, to: 0 },
      ],
    },
    clock,
  );
  return { passports: passports.deletedCount, travel: travel.modifiedCount };
}

/** Every event whose retention period is over (`npm run privacy:purge`). */
export async function purgeExpiredEvents(actor: Actor, clock: Clock) {
  const done = [];
  for (const event of await listEvents()) {
    if (clock.now() < (await purgeableFrom(event))) continue;
    done.push({ slug: event.slug, ...(await purgePersonalData(event, actor, clock)) });
  }
  return done;
}
