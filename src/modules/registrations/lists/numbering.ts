import mongoose from 'mongoose';
import { numberIntoBlocks } from '../../../db/blocks.js';
import type { DataMigration } from '../../../db/migrations.js';
import { Registration, registrationList } from '../registration.model.js';

/** Registrations written before lists had blocks get theirs, event by event, in arrival order. */
export const numberOlderRegistrations: DataMigration = {
  name: 'registration-blocks',
  async run() {
    const older = await Registration.find(
      { block: mongoose.trusted({ $exists: false }) },
      { eventId: 1, arrival: 1 },
    ).lean();
    const byEvent = new Map<string, typeof older>();
    for (const doc of older) byEvent.set(doc.eventId, [...(byEvent.get(doc.eventId) ?? []), doc]);
    for (const [eventId, docs] of byEvent) {
      docs.sort((a, b) => (a.arrival < b.arrival ? -1 : 1));
      await numberIntoBlocks(
        Registration,
        registrationList(eventId),
        docs.map((doc) => doc._id),
      );
    }
  },
};
