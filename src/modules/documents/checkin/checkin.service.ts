import { isDuplicateKey } from '../../../db/duplicate-key.js';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { instantToLocal, datesBetween } from '../../../shared/zoned-time.js';
import type { EventView } from '../../events/index.js';
import { displayName, getPerson } from '../../people/index.js';
import { getRegistration, isLarge, registrationsByName } from '../../registrations/index.js';
import { lastCount, recount } from '../../../db/counted.js';
import { registrationOfBadge } from '../badges/badge-code.service.js';
import { normalizeVerificationCode } from '../verification-code.js';
import { CheckIn } from './checkin.model.js';
import { absentIfNotFound } from '../../../shared/errors.js';

export type CheckInOutcome =
  | { result: 'present'; name: string; category: string; at: Date }
  | { result: 'already'; name: string; category: string; at: Date }
  | { result: 'unknown' }
  | { result: 'not_confirmed'; name: string };

/** The day to check in for: today in the event's zone during the event, else its first day. */
export function checkInDay(event: EventView, clock: Clock, asked?: string): string {
  const days = datesBetween(event.startDate, event.endDate);
  if (asked && days.includes(asked)) return asked;
  const today = instantToLocal(clock.now(), event.timezone).date;
  return days.includes(today) ? today : days[0]!;
}

/** Marks a confirmed registrant present for the day; a second scan says when they arrived. */
export async function checkInRegistration(
  event: EventView,
  registrationId: string,
  day: string,
  actor: Actor,
  clock: Clock,
): Promise<CheckInOutcome> {
  const registration = await getRegistration(registrationId).catch(absentIfNotFound);
  if (!registration || registration.eventId !== event.id) return { result: 'unknown' };
  const name = displayName(await getPerson(registration.personId));
  if (registration.status !== 'confirmed') return { result: 'not_confirmed', name };
  const category = registration.category;
  try {
    const at = clock.now();
    await CheckIn.create({
      _id: `${registrationId}:${day}`,
      eventId: event.id,
      registrationId,
      day,
      category,
      at,
      by: actor.label,
    });
    return { result: 'present', name, category, at };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const earlier = await CheckIn.findById(`${registrationId}:${day}`).lean();
    return { result: 'already', name, category, at: earlier?.at ?? clock.now() };
  }
}

/** The same, from the code on a badge (typed or scanned); an unknown or forged code checks in no one. */
export async function checkInBadge(
  event: EventView,
  typed: string,
  day: string,
  actor: Actor,
  clock: Clock,
): Promise<CheckInOutcome> {
  const code = normalizeVerificationCode(typed);
  const registrationId = code && (await registrationOfBadge(event.id, code));
  if (!registrationId) return { result: 'unknown' };
  return checkInRegistration(event, registrationId, day, actor, clock);
}

const presenceKey = (eventId: string) => `presence:${eventId}`;

/**
 * Present people per day and category, with the totals the door shows: counted on each read for
 * an event of up to 2,048 registrations; beyond, the timer's last count, with its time.
 */
export async function presenceCounts(
  event: EventView,
  clock: Clock,
): Promise<Presence & { countedAt?: Date }> {
  if (!(await isLarge(event.id))) return countPresence(event);
  const { figures, countedAt } = await lastCount(presenceKey(event.id), () => countPresence(event), clock);
  return { ...figures, countedAt };
}

/** The timer's work for a large event. */
export async function recountPresence(event: EventView, clock: Clock): Promise<void> {
  await recount(presenceKey(event.id), () => countPresence(event), clock);
}

type Presence = Awaited<ReturnType<typeof countPresence>>;

async function countPresence(event: EventView) {
  const rows = await CheckIn.find({ eventId: event.id }, { day: 1, category: 1 }).lean();
  const days = datesBetween(event.startDate, event.endDate);
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  const count = (day: string, category?: string) =>
    rows.filter((r) => r.day === day && (!category || r.category === category)).length;
  return {
    days,
    categories,
    cells: Object.fromEntries(
      days.map((d) => [d, Object.fromEntries(categories.map((c) => [c, count(d, c)]))]),
    ),
    totals: Object.fromEntries(days.map((d) => [d, count(d)])),
  };
}

/** Matches the door shows at most; with more, it asks for more of the name. */
export const MATCHES_SHOWN = 30;

/**
 * Confirmed registrants whose name matches (the beginnings of words, case and accents ignored),
 * with whether they are present on the day: read through the name key each registration keeps,
 * not by reading the event.
 */
export async function findForCheckIn(event: EventView, query: string, day: string) {
  const { found, more } = await registrationsByName(event.id, query, 'confirmed', MATCHES_SHOWN);
  const matches = await Promise.all(
    found.map(async (r) => ({
      registrationId: r.id,
      name: displayName(r.listing),
      organization: r.listing.organization ?? '',
      category: r.category,
      // By its key: one check-in read per match, not the day's.
      present: Boolean(await CheckIn.exists({ _id: `${r.id}:${day}` })),
    })),
  );
  return { matches, more };
}

/** Whether a registration was present on at least one day. */
export async function hasAttended(registrationId: string): Promise<boolean> {
  return Boolean(await CheckIn.exists({ registrationId }));
}

/** Registrations present on at least one day (for certificates of attendance). */
export async function attendedRegistrationIds(eventId: string): Promise<Set<string>> {
  return new Set(
    (await CheckIn.find({ eventId }, { registrationId: 1 }).lean()).map((c) => c.registrationId),
  );
}
