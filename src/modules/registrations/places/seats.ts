import { randomInt } from 'node:crypto';
import type { Clock } from '../../../shared/clock.js';
import { FullScope, Seat } from './seat.model.js';
import { insertUnlessTaken, isDuplicateKey } from '../../../db/duplicate-key.js';
import { insertPlain } from '../../../db/plain-insert.js';
import { readTogether } from '../../../db/grouped.js';

/** Takes and frees places; the registration rules are written against this, tests swap it. */
export interface SeatAllocator {
  /**
   * 'taken' (newly), 'held' (the holder already had one) or 'full'. `fresh`: the holder cannot
   * hold one yet (a registration being written), so that is not looked for.
   */
  take(
    scope: string,
    capacity: number | undefined,
    holder: string,
    options?: { fresh?: boolean },
  ): Promise<'taken' | 'held' | 'full'>;
  /** Gives the holder's seat back; true when a place became free for someone else. */
  release(scope: string, capacity: number | undefined, holder: string): Promise<boolean>;
  /** Seats held in the scope (may exceed a capacity lowered below it). */
  count(scope: string): Promise<number>;
  /** Brings the scope in line with its capacity after an organizer changed it. */
  settle(scope: string, capacity: number | undefined): Promise<void>;
}

type SeatDoc = {
  _id: string;
  scope: string;
  number: number;
  holder: string;
  blocks?: string | null;
  takenAt: Date;
};

/** The blocker that stands, inside the capacity, for a seat left beyond it. */
const blockerOf = (holder: string) => `#over:${holder}`;
/** Present while some seats beyond the capacity have no blocker (more held than places). */
const shortMarker = (scope: string) => `${scope}#short`;

const isBlocker = (doc: SeatDoc) => typeof doc.blocks === 'string';
const beyond = (doc: SeatDoc, capacity: number) => doc.number === 0 || doc.number > capacity;

/**
 * Seats as documents numbered 1..capacity. A taker tries the numbers its process expects free
 * (see `freeNumberHints`), then reads which are free and inserts one of them, reading again on a
 * clash (someone took that number first); the unique `_id` makes overselling impossible however
 * many requests race. A scope found full is marked so (`FullScope`) until a place frees. No
 * capacity means no limit: the seat is still recorded (named after its holder) so counts stay
 * true.
 *
 * When an organizer lowers a capacity below what is taken, or sets one where there was none,
 * nobody loses a seat: `settle` gives every seat left beyond the new capacity (numbered above
 * it, or 0) a blocker, a document holding one free number inside, so takers find the scope as
 * full as it really is. Blockers are named after the seat they stand for, so two settlers never
 * block one seat twice. Where there are more seats than places, the short marker makes each
 * release hand its number to a seat still without a blocker instead of freeing it: promotions
 * start only when a place is really free.
 */
export function documentSeats(clock: Clock): SeatAllocator {
  const hints = freeNumberHints();
  const insertBlocker = (scope: string, number: number, holder: string) =>
    insertUnlessTaken(Seat, {
      _id: `${scope}:${number}`,
      scope,
      number,
      holder: blockerOf(holder),
      blocks: holder,
      takenAt: clock.now(),
    });

  /** Seats beyond the capacity without a blocker, oldest first. */
  async function unblocked(scope: string, capacity: number): Promise<SeatDoc[]> {
    const docs = (await Seat.find({ scope }).lean()) as SeatDoc[];
    const blocked = new Set(docs.filter(isBlocker).map((d) => d.blocks));
    return docs
      .filter((d) => !isBlocker(d) && beyond(d, capacity) && !blocked.has(d.holder))
      .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
  }

  async function markShort(scope: string, short: boolean) {
    if (short)
      await insertUnlessTaken(Seat, {
        _id: shortMarker(scope),
        scope: shortMarker(scope),
        number: 0,
        holder: '#short',
        takenAt: clock.now(),
      });
    else await Seat.deleteOne({ _id: shortMarker(scope) });
  }

  /**
   * A number inside the capacity leaves its holder (a seat or a blocker). While seats wait
   * beyond the capacity, the number becomes the blocker of the oldest of them; otherwise it
   * frees. True when it freed.
   */
  async function vacate(doc: SeatDoc, capacity: number | undefined): Promise<boolean> {
    if (capacity !== undefined && (await Seat.exists({ _id: shortMarker(doc.scope) }))) {
      for (const waiting of await unblocked(doc.scope, capacity)) {
        try {
          const handed = { ...doc, holder: blockerOf(waiting.holder), blocks: waiting.holder };
          const { matchedCount } = await Seat.updateOne(
            { _id: doc._id, holder: doc.holder },
            { $set: { holder: handed.holder, blocks: handed.blocks, takenAt: clock.now() } },
          );
          if (matchedCount === 0) return false;
          // The waiting seat may have left at this very moment (its release looked for a
          // blocker before this one existed): then this number is free again, not held.
          if (!(await Seat.exists({ scope: doc.scope, holder: waiting.holder })))
            return vacate(handed, capacity);
          return false;
        } catch (error) {
          // That seat got a blocker meanwhile (unique scope + holder): the next one.
          if (!isDuplicateKey(error)) throw error;
        }
      }
      await markShort(doc.scope, false);
    }
    const { deletedCount } = await Seat.deleteOne({ _id: doc._id, holder: doc.holder });
    if (deletedCount !== 1) return false;
    await FullScope.deleteOne({ _id: doc.scope });
    return true;
  }

  /** The numbers inside the capacity that no seat or blocker holds. */
  async function freeNumbers(scope: string, capacity: number): Promise<number[]> {
    const taken = await Seat.find({ scope }, { number: 1 }).lean();
    const used = new Set(taken.map((s) => s.number));
    const free = [];
    for (let n = 1; n <= capacity; n += 1) if (!used.has(n)) free.push(n);
    return free;
  }

  /**
   * Reads in flight: simultaneous takers of one process that need to look share one read, whose
   * free numbers become the process's hints.
   */
  const reading = new Map<string, Promise<number[]>>();
  function freeNumbersOnce(scope: string, capacity: number): Promise<number[]> {
    const key = `${scope} ${capacity}`;
    let read = reading.get(key);
    if (!read) {
      read = freeNumbers(scope, capacity)
        .then((free) => {
          if (free.length > 0) hints.learn(scope, free);
          return free;
        })
        .finally(() => reading.delete(key));
      reading.set(key, read);
    }
    return read;
  }

  /**
   * Marks the scope full, then looks again: a release that ran meanwhile (it removes the mark
   * after freeing its number) may have come before the mark, and then the mark goes. True when
   * the scope is still full.
   */
  async function markFull(scope: string, capacity: number): Promise<boolean> {
    await insertUnlessTaken(FullScope, { _id: scope, markedAt: clock.now() });
    // The takers that find the scope full together (a waiting list forming) look once: a read
    // that starts after each of them marked it.
    const free = await readTogether(`free-seats:${scope}:${capacity}`, () => freeNumbers(scope, capacity));
    if (free.length > 0) {
      await FullScope.deleteOne({ _id: scope });
      return false;
    }
    return true;
  }

  return {
    async take(scope, capacity, holder, options = {}) {
      // No read first: the unique (scope, holder) index refuses a second seat for a holder, so
      // the common case (a new holder) costs one insert and only a refused insert asks why.
      if (capacity === undefined) {
        // No limit to enforce: the seat is named after its holder, so takers never contend.
        try {
          await insertPlain(Seat, {
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
      // The numbers this process expects free (the gaps its last read found, then the numbers
      // after the highest taken, in turn) cost one insert each; only after a run of refusals
      // does the taker read which numbers are free.
      for (let tries = 0; tries < BLIND_TRIES; tries += 1) {
        const n = hints.next(scope, capacity);
        if (n === undefined) break;
        if (await insert(n)) return 'taken';
      }
      for (let attempt = 0; attempt < 1000; attempt += 1) {
        // A fresh holder is taken at its word once; a refused insert makes it look all the same.
        if ((!options.fresh || attempt > 0) && (await Seat.exists({ scope, holder }))) return 'held';
        // A full scope (a waiting list forming) answers from its mark, not by reading every seat.
        // Takers that ask together share the look (a fresh read, started after they all asked).
        if (await readTogether(`full-mark:${scope}`, () => FullScope.exists({ _id: scope }))) return 'full';
        const free = await freeNumbersOnce(scope, capacity);
        if (free.length === 0) {
          if (await markFull(scope, capacity)) return 'full';
          continue;
        }
        const n = hints.next(scope, capacity);
        if (n !== undefined && (await insert(n))) return 'taken';
      }
      throw new Error(`could not settle a seat in ${scope}`);
    },

    async release(scope, capacity, holder) {
      const seat = (await Seat.findOne({ scope, holder }).lean()) as SeatDoc | null;
      if (!seat) return false;
      // A seat inside the capacity has no blocker (each capacity change settles them away).
      if (!(capacity !== undefined && beyond(seat, capacity))) return vacate(seat, capacity);
      // A seat beyond the capacity: its place inside, if it has one, is its blocker's number,
      // looked for after the delete (a leaving seat may hand it one until then).
      const { deletedCount } = await Seat.deleteOne({ _id: seat._id, holder });
      if (deletedCount !== 1) return false;
      const blocker = (await Seat.findOne({ scope, holder: blockerOf(holder) }).lean()) as SeatDoc | null;
      return blocker ? vacate(blocker, capacity) : false;
    },

    // Blockers have `blocks`; `null` matches the documents without it, the seats themselves.
    count: (scope) => Seat.countDocuments({ scope, blocks: null }),

    async settle(scope, capacity) {
      // A new capacity: the next taker finds out afresh whether the scope is full.
      await FullScope.deleteOne({ _id: scope });
      const docs = (await Seat.find({ scope }).lean()) as SeatDoc[];
      if (capacity === undefined) {
        // No limit: nothing to stand for.
        for (const b of docs.filter(isBlocker)) await Seat.deleteOne({ _id: b._id, holder: b.holder });
        await markShort(scope, false);
        return;
      }
      const over = docs
        .filter((d) => !isBlocker(d) && beyond(d, capacity))
        .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
      const overHolders = new Set(over.map((d) => d.holder));
      const blocked = new Set<string>();
      const used = new Set<number>();
      for (const d of docs) {
        if (!isBlocker(d)) {
          if (!beyond(d, capacity)) used.add(d.number);
        } else if (overHolders.has(d.blocks!) && d.number <= capacity) {
          blocked.add(d.blocks!);
          used.add(d.number);
        } else {
          // Stands for a seat now inside (capacity raised) or gone, or sits beyond the capacity itself.
          await Seat.deleteOne({ _id: d._id, holder: d.holder });
        }
      }
      const free: number[] = [];
      for (let n = 1; n <= capacity; n += 1) if (!used.has(n)) free.push(n);
      let short = false;
      for (const seat of over) {
        if (blocked.has(seat.holder)) continue;
        let placed = false;
        while (!placed && free.length > 0) {
          if (await insertBlocker(scope, free.shift()!, seat.holder)) placed = true;
          // Refused: a taker took that number, or another settler blocked this seat already.
          else if (await Seat.exists({ scope, holder: blockerOf(seat.holder) })) placed = true;
        }
        if (!placed) short = true;
      }
      await markShort(scope, short);
    },
  };
}

/** Numbers a taker tries from its process's hints before reading the seats. */
const BLIND_TRIES = 12;
/** Scopes whose numbers a process keeps hints on, at most. */
const HINTED_SCOPES = 1000;
/** Gaps remembered per scope, at most. */
const GAPS_PER_SCOPE = 64;

/**
 * What a process expects of each scope's free numbers: the gaps below the highest number its
 * last read found taken (left by people who left), in random order so simultaneous takers rarely
 * collide, then every number after it, one taker each. While a scope fills, a taker finds its
 * place with one insert instead of reading the seats (on FerretDB over PostgreSQL, a read of the
 * whole seats collection of every event). Only a guess: the insert decides, and a number someone
 * took meanwhile is refused and passed over.
 */
function freeNumberHints() {
  const byScope = new Map<string, { gaps: number[]; after: number }>();
  return {
    next(scope: string, capacity: number): number | undefined {
      let hint = byScope.get(scope);
      if (!hint) {
        if (byScope.size >= HINTED_SCOPES) byScope.clear();
        hint = { gaps: [], after: 1 };
        byScope.set(scope, hint);
      }
      // A capacity lowered since the read leaves some hints beyond it.
      for (let gap = hint.gaps.pop(); gap !== undefined; gap = hint.gaps.pop())
        if (gap <= capacity) return gap;
      return hint.after <= capacity ? hint.after++ : undefined;
    },
    /** What a read found: the free numbers, in order, at least one. */
    learn(scope: string, free: number[]) {
      const isFree = new Set(free);
      // The run of free numbers that ends the list is walked in turn; those before are gaps.
      let after = free.at(-1) ?? 1;
      while (after > 1 && isFree.has(after - 1)) after -= 1;
      const gaps = free.filter((n) => n < after);
      for (let i = gaps.length - 1; i > 0; i -= 1) {
        const j = randomInt(i + 1);
        [gaps[i], gaps[j]] = [gaps[j]!, gaps[i]!];
      }
      if (byScope.size >= HINTED_SCOPES) byScope.clear();
      byScope.set(scope, { gaps: gaps.slice(0, GAPS_PER_SCOPE), after });
    },
  };
}

export const scopes = {
  event: (eventId: string) => `event:${eventId}`,
  category: (eventId: string, category: string) => `category:${eventId}:${category}`,
  workshop: (sessionId: string) => `workshop:${sessionId}`,
  delegation: (delegationId: string) => `delegation:${delegationId}`,
};
