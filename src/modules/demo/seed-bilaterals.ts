import type { Actor } from '../../shared/actor.js';
import { acceptBilateral, offerBilateralSlots, requestBilateral } from '../bilaterals/index.js';
import type { EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { delegationsOf, focalActor } from '../registrations/index.js';
import { slotsOf } from '../side-events/index.js';
import { sameDayIn } from './cuenca.js';

export interface BilateralsSeedReport {
  created: boolean;
  slots: number;
  requested: number;
  accepted: number;
}

/** Half-hour slots in the Sala Paute (the smallest room), free of the programme on both days. */
const STRETCHES = [
  { date: '2008-04-10', start: '14:00', end: '16:00' },
  { date: '2008-04-11', start: '09:00', end: '11:00' },
];

/**
 * Bilateral slots on both days of the forum, and two meetings asked through the focal points'
 * use cases: Ecuador asks Brazil, offering two slots, and Brazil accepts the second; Mexico asks
 * Peru, which has not answered yet. Creates nothing twice.
 */
export async function seedCuencaBilaterals(
  event: EventView,
  actor: Actor,
  deps: MailDeps,
): Promise<BilateralsSeedReport> {
  const none = { created: false, slots: 0, requested: 0, accepted: 0 };
  if ((await slotsOf(event.id, 'bilateral')).length > 0) return none;
  const room = event.rooms[3] ?? event.rooms[0]!;
  const slots = [];
  for (const stretch of STRETCHES) {
    const range = { roomId: room.id, ...stretch, date: sameDayIn(event, stretch.date), minutes: 30 };
    slots.push(...(await offerBilateralSlots(event, range, actor, deps.clock)));
  }
  const delegations = new Map((await delegationsOf(event.id)).map((d) => [d.country, d]));
  const [ecuador, brazil, mexico, peru] = ['EC', 'BR', 'MX', 'PE'].map((c) => delegations.get(c));
  if (!ecuador || !brazil || !mexico || !peru) return { ...none, created: true, slots: slots.length };

  const withBrazil = await requestBilateral(
    event,
    ecuador,
    {
      askedId: brazil.id,
      slotIds: [slots[0]!.id, slots[1]!.id],
      subject: 'Seguridad social de los trabajadores migrantes',
      level: 'ministerial',
    },
    deps,
  );
  await acceptBilateral(
    event,
    withBrazil.id,
    slots[1]!.id,
    { delegation: brazil, actor: focalActor(brazil) },
    deps,
  );
  // Four slots a day: the second day's first two.
  const secondDay = slots.slice(4);
  await requestBilateral(
    event,
    mexico,
    {
      askedId: peru.id,
      slotIds: secondDay.slice(0, 2).map((s) => s.id),
      subject: 'Asistencia consular en los países de tránsito',
      level: 'vice_ministerial',
    },
    deps,
  );
  return { created: true, slots: slots.length, requested: 1, accepted: 1 };
}
