import mongoose from 'mongoose';
import type { Clock } from '../../../shared/clock.js';
import { Registration } from '../registration.model.js';
import { isLarge } from './size.js';
import { recountCoverage } from '../coverage/coverage.service.js';
import { scopes, type SeatAllocator } from '../places/seats.js';
import { registrationRules } from '../places/settings.service.js';
import { Event, getEvent, type EventView } from '../../events/index.js';

/** An event's registration figures: by status and category, and seats held per scope. */
export interface RegistrationFigures {
  counts: { status: string; category: string; count: number }[];
  /** Seats held: the event's, then each category's. */
  seated: Record<string, number>;
  /** Confirmed people who agreed to appear in the public list. */
  listed: number;
  /** When they were counted, for a large event (counted on a timer); absent when exact now. */
  countedAt?: Date;
}

const figuresSchema = new mongoose.Schema(
  {
    _id: String,
    counts: [{ _id: false, status: String, category: String, count: Number }],
    seated: { type: Map, of: Number },
    listed: Number,
    countedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
const StoredFigures = mongoose.model('RegistrationFigures', figuresSchema, 'registration_figures');

/** Counts them now (reads every registration and seat of the event). */
async function countFigures(eventId: string, categories: string[], seats: SeatAllocator) {
  const rows = await Registration.aggregate<{ _id: { status: string; category: string }; n: number }>([
    { $match: { eventId } },
    { $group: { _id: { status: '$status', category: '$category' }, n: { $sum: 1 } } },
  ]);
  const scopeNames = [scopes.event(eventId), ...categories.map((c) => scopes.category(eventId, c))];
  const held = await Promise.all(scopeNames.map((scope) => seats.count(scope)));
  const listed = await Registration.countDocuments({ eventId, status: 'confirmed', consentToList: true });
  return {
    counts: rows.map((r) => ({ status: r._id.status, category: r._id.category, count: r.n })),
    seated: Object.fromEntries(scopeNames.map((scope, i) => [scope, held[i]!])),
    listed,
  };
}

/** Counts and keeps them with the time (the timer, or a first read of a large event). */
export async function recountFigures(
  eventId: string,
  categories: string[],
  deps: { seats: SeatAllocator; clock: Clock },
): Promise<RegistrationFigures> {
  const figures = { ...(await countFigures(eventId, categories, deps.seats)), countedAt: deps.clock.now() };
  await StoredFigures.replaceOne({ _id: eventId }, figures, { upsert: true });
  return figures;
}

/** The figures a page shows: exact for an event of up to 2,048 registrations, else the last count. */
export async function registrationFigures(
  eventId: string,
  categories: string[],
  deps: { seats: SeatAllocator; clock: Clock },
): Promise<RegistrationFigures> {
  if (!(await isLarge(eventId))) return countFigures(eventId, categories, deps.seats);
  const stored = await StoredFigures.findById(eventId).lean();
  if (!stored) return recountFigures(eventId, categories, deps);
  return {
    counts: stored.counts.map((c) => ({ status: c.status!, category: c.category!, count: c.count ?? 0 })),
    seated: Object.fromEntries(Object.entries(stored.seated ?? {})),
    listed: stored.listed ?? 0,
    countedAt: stored.countedAt,
  };
}

/** How many registrations the figures count that match a status and category (either may be absent). */
export function countOf(
  figures: RegistrationFigures,
  filter: { status?: string; category?: string },
): number {
  return figures.counts
    .filter(
      (c) =>
        (!filter.status || c.status === filter.status) &&
        (!filter.category || c.category === filter.category),
    )
    .reduce((sum, c) => sum + c.count, 0);
}

/**
 * The timer's work: counts again the figures of every large event (once a minute, one process),
 * and what other modules count for them (`alsoCount`).
 */
export async function recountLargeEvents(
  deps: { seats: SeatAllocator; clock: Clock },
  alsoCount: ((event: EventView, clock: Clock) => Promise<void>)[] = [],
): Promise<void> {
  for (const { _id } of await Event.find({}, { _id: 1 }).lean()) {
    const eventId = String(_id);
    if (!(await isLarge(eventId))) continue;
    const event = await getEvent(eventId);
    const rules = await registrationRules(event);
    await recountFigures(
      eventId,
      rules.categories.map((c) => c.key),
      deps,
    );
    await recountCoverage(event, deps.clock);
    for (const count of alsoCount) await count(event, deps.clock);
  }
}
