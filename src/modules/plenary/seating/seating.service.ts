import { randomInt } from 'node:crypto';
import { Types } from 'mongoose';
import { insertUnlessTaken } from '../../../db/duplicate-key.js';
import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.js';
import type { Language } from '../../../shared/i18n/index.js';
import { recordChange } from '../../audit/index.js';
import type { EventView } from '../../events/index.js';
import { organizationsOf, type Category } from '../../registrations/index.js';
import { SeatingDraw, SeatingPlan } from './seating.model.js';
import { seatingOrder, type SeatHolder } from './seating.order.js';

export interface PlanView {
  id: string;
  roomId: string;
  extraSeats: number;
  language: Language;
  frozenAt: Date | undefined;
  frozenBy: string | undefined;
  draw: { country: string; drawnAt: Date; drawnBy: string; n: number } | undefined;
}

const OTHER_CATEGORIES: readonly Category[] = ['academia', 'civil_society', 'observer'];

const change = (
  planId: string,
  action: string,
  actor: Actor,
  clock: Clock,
  changes: { field: string; from: unknown; to: unknown }[] = [],
) => recordChange({ action, subjectType: 'seating', subjectId: planId, actor, changes }, clock);

export async function planOf(event: EventView, roomId: string): Promise<PlanView | undefined> {
  const doc = await SeatingPlan.findOne({ eventId: event.id, roomId }).lean();
  if (!doc) return undefined;
  const draws = await SeatingDraw.find({ planId: String(doc._id) }).lean();
  const last = draws.reduce<(typeof draws)[number] | undefined>(
    (a, d) => (!a || d.n > a.n ? d : a),
    undefined,
  );
  return {
    id: String(doc._id),
    roomId,
    extraSeats: doc.extraSeats,
    language: doc.language as Language,
    frozenAt: doc.frozenAt ?? undefined,
    frozenBy: doc.frozenBy ?? undefined,
    draw: last && { country: last.country, drawnAt: last.drawnAt, drawnBy: last.drawnBy, n: last.n },
  };
}

function roomOf(event: EventView, roomId: string) {
  const room = event.rooms.find((r) => r.id === roomId);
  if (!room) throw new NotFoundError();
  return room;
}

/** Sets the seats per delegation and the plates' language of a room (refused once frozen). */
export async function savePlan(
  event: EventView,
  roomId: string,
  input: { extraSeats: number; language: Language },
  actor: Actor,
  clock: Clock,
): Promise<void> {
  roomOf(event, roomId);
  const before = await planOf(event, roomId);
  if (before?.frozenAt) throw new ConflictError('SEATING_FROZEN');
  if (before) await SeatingPlan.updateOne({ _id: before.id }, { $set: input });
  else
    await SeatingPlan.create({ eventId: event.id, roomId, ...input }).catch(async (error: unknown) => {
      // Two first saves at once: the unique index keeps one; this one saves onto it.
      const again = await planOf(event, roomId);
      if (!again) throw error;
      await SeatingPlan.updateOne({ _id: again.id }, { $set: input });
    });
  const plan = (await planOf(event, roomId))!;
  await change(plan.id, 'seating.saved', actor, clock, [
    { field: 'extraSeats', from: before?.extraSeats ?? null, to: input.extraSeats },
  ]);
}

/**
 * Draws by lot (a cryptographic random number) the state that sits first, and records who drew
 * and when. A plan may be drawn again only until it is frozen.
 */
export async function drawFirstState(
  event: EventView,
  roomId: string,
  actor: Actor,
  clock: Clock,
): Promise<string> {
  const plan = await planOf(event, roomId);
  if (!plan) throw new ValidationError([{ field: 'extraSeats', code: 'required' }]);
  if (plan.frozenAt) throw new ConflictError('SEATING_FROZEN');
  if (event.countries.length === 0) throw new ValidationError([{ field: 'countries', code: 'required' }]);
  const country = event.countries[randomInt(event.countries.length)]!;
  const won = await insertUnlessTaken(SeatingDraw, {
    _id: new Types.ObjectId(),
    planId: plan.id,
    n: (plan.draw?.n ?? 0) + 1,
    country,
    drawnAt: clock.now(),
    drawnBy: actor.label,
  });
  if (!won) throw new ConflictError('SEATING_DRAWN_MEANWHILE');
  // A draw made again before the plan is frozen says so, with the state it replaces.
  await change(plan.id, plan.draw ? 'seating.redrawn' : 'seating.drawn', actor, clock, [
    { field: 'first', from: plan.draw?.country ?? null, to: country },
  ]);
  return country;
}

/** Freezes the plan: the draw and the seats stand from now on. */
export async function freezePlan(
  event: EventView,
  roomId: string,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const plan = await planOf(event, roomId);
  if (!plan?.draw) throw new ConflictError('SEATING_NOT_DRAWN');
  if (plan.frozenAt) return;
  await SeatingPlan.updateOne({ _id: plan.id }, { $set: { frozenAt: clock.now(), frozenBy: actor.label } });
  await change(plan.id, 'seating.frozen', actor, clock, [
    { field: 'first', from: null, to: plan.draw.country },
  ]);
}

/** The room's places in protocol order: the event's states from the drawn one, then organizations, then others. */
export async function placesOf(event: EventView, plan: PlanView | undefined): Promise<SeatHolder[]> {
  const [organizations, others] = await Promise.all([
    organizationsOf(event.id, ['international_organization']),
    organizationsOf(event.id, OTHER_CATEGORIES),
  ]);
  return seatingOrder(event.countries, plan?.draw?.country, [...organizations], [...others]);
}
