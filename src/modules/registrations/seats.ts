import { randomInt } from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import { Seat } from './seat.model.js';
import { insertUnlessTaken, isDuplicateKey } from '../../db/duplicate-key.js';

/** Takes and frees places; the registration rules are written against this, tests swap it. */
export interface SeatAllocator {
  /** True when the holder has a seat in the scope afterwards (newly taken or already held). */
  take(scope: string, capacity: number | undefined, holder: string): Promise<'taken' | 'held' | 'full'>;
  release(scope: string, holder: string): Promise<boolean>;
  count(scope: string): Promise<number>;
}

/**
 * Seats as documents numbered 1..capacity. A taker tries a few random numbers, then reads which
 * are free and inserts one of them, reading again on a clash (someone took that number first);
 * the unique `_id` makes overselling impossible however many requests race. No capacity means
 * no limit: the seat is still recorded (named after its holder) so counts stay true.
 */
export function documentSeats(clock: Clock): SeatAllocator {
  return {
    async take(scope, capacity, holder) {
      // No read first: the unique (scope, holder) index refuses a second seat for a holder, so
      // the common case (a new holder) costs one insert and only a refused insert asks why.
      if (capacity === undefined) {
        // No limit to enforce: the seat is named after its holder, so takers never contend.
        try {
          await Seat.create({
            _id: `${scope}:holder:${holder}`,
            scope,
            number: 0,
            holder,
            takenAt: clock.now(),
          });
          return 'taken';
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          return 'held';
        }
      }
      const insert = (number: number) =>
        insertUnlessTaken(Seat, { _id: `${scope}:${number}`, scope, number, holder, takenAt: clock.now() });
      // While the scope has room, a few blind tries at random numbers cost one insert each;
      // only then does the taker read which numbers are free.
      if (capacity > 0) {
        for (let probe = 0; probe < 3; probe += 1) {
          if (await insert(randomInt(capacity) + 1)) return 'taken';
        }
      }
      for (let attempt = 0; attempt < 1000; attempt += 1) {
        if (await Seat.exists({ scope, holder })) return 'held';
        const taken = await Seat.find({ scope }, { number: 1 }).lean();
        const used = new Set(taken.map((s) => s.number));
        const free = [];
        for (let n = 1; n <= capacity; n += 1) if (!used.has(n)) free.push(n);
        if (free.length === 0) return 'full';
        if (await insert(free[randomInt(free.length)]!)) return 'taken';
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
