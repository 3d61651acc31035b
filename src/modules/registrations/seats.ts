import { randomInt } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import { Seat } from './seat.model.js';

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/** Takes and frees places; the registration rules are written against this, tests swap it. */
export interface SeatAllocator {
  /** True when the holder has a seat in the scope afterwards (newly taken or already held). */
  take(scope: string, capacity: number | undefined, holder: string): Promise<'taken' | 'held' | 'full'>;
  release(scope: string, holder: string): Promise<boolean>;
  count(scope: string): Promise<number>;
}

/**
 * Seats as documents numbered 1..capacity. A taker reads which numbers are free, inserts one at
 * random, and on a clash (someone took that number first) reads again; the unique `_id` makes
 * overselling impossible however many requests race. No capacity means no limit: the seat is
 * still recorded so counts stay true.
 */
export function documentSeats(clock: Clock): SeatAllocator {
  return {
    async take(scope, capacity, holder) {
      for (let attempt = 0; attempt < 1000; attempt += 1) {
        if (await Seat.exists({ scope, holder })) return 'held';
        const taken = await Seat.find({ scope }, { number: 1 }).lean();
        const used = new Set(taken.map((s) => s.number));
        let number: number;
        if (capacity === undefined) {
          number = Math.max(0, ...used) + 1;
        } else {
          const free = [];
          for (let n = 1; n <= capacity; n += 1) if (!used.has(n)) free.push(n);
          if (free.length === 0) return 'full';
          number = free[randomInt(free.length)]!;
        }
        try {
          await Seat.create({ _id: `${scope}:${number}`, scope, number, holder, takenAt: clock.now() });
          return 'taken';
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
        }
      }
      throw new Error(`could not settle a seat in ${scope}`);
    },
    async release(scope, holder) {
      const seat = await Seat.findOne({ scope, holder }, { _id: 1 }).lean();
      if (!seat) return false;
      const { deletedCount } = await Seat.deleteOne({ _id: seat._id });
      return deletedCount === 1;
    },
    count: (scope) => Seat.countDocuments({ scope }),
  };
}

export const scopes = {
  event: (eventId: string) => `event:${eventId}`,
  category: (eventId: string, category: string) => `category:${eventId}:${category}`,
  workshop: (sessionId: string) => `workshop:${sessionId}`,
};
