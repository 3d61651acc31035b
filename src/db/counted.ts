import mongoose from 'mongoose';
import type { Clock } from '../shared/clock.js';

/**
 * Figures of a large event that cannot be counted on each read (a count reads every row on
 * FerretDB): counted by a timer that runs once a minute across processes, and kept here with the
 * time of the count, which pages show. Keyed by what is counted, e.g. `presence:<eventId>`.
 */
const countedSchema = new mongoose.Schema(
  { _id: String, figures: { type: mongoose.Schema.Types.Mixed, required: true }, countedAt: Date },
  { versionKey: false },
);
const CountedFigures = mongoose.model('CountedFigures', countedSchema, 'counted_figures');

export interface Counted<T> {
  figures: T;
  countedAt: Date;
}

/** Counts now and keeps the figures with the time (the timer's work). */
export async function recount<T>(key: string, count: () => Promise<T>, clock: Clock): Promise<Counted<T>> {
  const counted = { figures: await count(), countedAt: clock.now() };
  await CountedFigures.replaceOne({ _id: key }, counted, { upsert: true });
  return counted;
}

/** The last count kept, or one made now when there is none yet (a first read). */
export async function lastCount<T>(key: string, count: () => Promise<T>, clock: Clock): Promise<Counted<T>> {
  const stored = await CountedFigures.findById(key).lean();
  if (stored?.countedAt) return { figures: stored.figures as T, countedAt: stored.countedAt };
  return recount(key, count, clock);
}
