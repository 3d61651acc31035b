import mongoose from 'mongoose';
import { RateLimitHit } from './hit.model.js';
import { insertUnlessTaken } from '../../db/duplicate-key.js';

export interface Window {
  windowMs: number;
  limit: number;
  now: Date;
}

export interface Hit {
  /** The slot taken, to release if the request turns out not to count; undefined = over the limit. */
  slot: string | undefined;
  /** When the window ends. */
  resetAt: Date;
}

/** Per process, the next slot number to try per key and window: most takes need one insert. */
const nextSlot = new Map<string, number>();

/**
 * Counts a request against `key`: takes a free slot of the current fixed window, or none when all
 * `limit` slots are taken. Exact across processes: a slot is an insert against a unique `_id`.
 */
export async function takeSlot(key: string, { windowMs, limit, now }: Window): Promise<Hit> {
  const window = Math.floor(now.getTime() / windowMs);
  const base = `${key}|${window}|`;
  const resetAt = new Date((window + 1) * windowMs);
  if (nextSlot.size > 10_000) nextSlot.clear();
  const document = (n: number) => ({ _id: `${base}${n}`, key, window, expiresAt: resetAt });

  // The hint moves on before the insert: simultaneous requests in this process try different slots.
  const hint = nextSlot.get(base) ?? 1;
  nextSlot.set(base, hint + 1);
  if (hint <= limit && (await insertSlot(document(hint)))) return { slot: `${base}${hint}`, resetAt };
  // Someone else took it (another process, or a slot released and reused): read what is free.
  for (let round = 0; round < 3; round += 1) {
    const free = await freeSlots(key, window, base, limit);
    if (free.length === 0) break;
    for (const n of free.slice(0, 5)) {
      if (await insertSlot(document(n))) {
        nextSlot.set(base, n + 1);
        return { slot: `${base}${n}`, resetAt };
      }
    }
  }
  return { slot: undefined, resetAt };
}

/** Gives a slot back (a request that turned out not to count, such as a successful sign-in). */
export async function releaseSlot(slot: string): Promise<void> {
  await RateLimitHit.deleteOne({ _id: slot });
  const base = slot.slice(0, slot.lastIndexOf('|') + 1);
  const n = Number(slot.slice(base.length));
  if (n < (nextSlot.get(base) ?? 1)) nextSlot.set(base, n);
}

/** Removes the hits of windows that have ended (run on a schedule, once across processes). */
export async function purgeEndedWindows(now: Date): Promise<number> {
  const { deletedCount } = await RateLimitHit.deleteMany({ expiresAt: mongoose.trusted({ $lte: now }) });
  return deletedCount;
}

function insertSlot(document: { _id: string; key: string; window: number; expiresAt: Date }) {
  return insertUnlessTaken(RateLimitHit, document);
}

/**
 * Free slot numbers of the window, among the lowest: those up to the number taken plus a few
 * always include some when any is free, so the work follows the slots taken, not the limit (a
 * limit of millions, as benchmarks set, would otherwise build millions of numbers per call).
 */
async function freeSlots(key: string, window: number, base: string, limit: number): Promise<number[]> {
  const taken = await RateLimitHit.find({ key, window }, { _id: 1 }).lean();
  const used = new Set(taken.map((hit) => Number(hit._id.slice(base.length))));
  const free: number[] = [];
  for (let n = 1; n <= Math.min(limit, used.size + 20); n += 1) if (!used.has(n)) free.push(n);
  // In random order, so simultaneous takers (other requests, other processes) rarely collide.
  for (let i = free.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [free[i], free[j]] = [free[j]!, free[i]!];
  }
  return free;
}
