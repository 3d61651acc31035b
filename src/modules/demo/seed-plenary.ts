import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { instantToLocal } from '../../shared/zoned-time.js';
import { listSessions } from '../agenda/index.js';
import type { EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { Person } from '../people/index.js';
import {
  credentialsOf,
  drawFirstState,
  inscribeForDelegation,
  inscribeFromDirectory,
  listOfSession,
  listSettingsInput,
  planOf,
  publishSpeakersList,
  recordCredentials,
  savePlan,
  saveSpeakersList,
} from '../plenary/index.js';
import { delegationMembers, delegationsOf, focalActor } from '../registrations/index.js';

export interface SpeakersSeedReport {
  created: boolean;
  /** Speakers inscribed on the opening session's list. */
  inscribed: number;
}

/** Who the focal points inscribe (their head of delegation) and at what level; Peru has named nobody yet. */
const STATE_SPEAKERS = [
  ['EC', 'minister'],
  ['BR', 'minister'],
  ['MX', 'ambassador'],
] as const;

/**
 * The opening session's list of speakers, published: open to focal points from today until the
 * eve of the forum; Ecuador's and Brazil's heads at minister level, Mexico's as ambassador, each
 * inscribed by their focal point, and the IOM inscribed by the organizers, so protocol order
 * (states by level, then organizations) shows. Creates nothing twice.
 */
export async function seedCuencaSpeakers(
  event: EventView,
  actor: Actor,
  deps: MailDeps,
): Promise<SpeakersSeedReport> {
  const session = (await listSessions(event.id)).find((s) => s.type === 'opening');
  if (!session || (await listOfSession(event.id, session.id))) return { created: false, inscribed: 0 };
  const today = instantToLocal(deps.clock.now(), event.timezone).date;
  const eve = new Date(`${event.startDate}T12:00:00Z`);
  eve.setUTCDate(eve.getUTCDate() - 1);
  const settings = listSettingsInput.parse({
    opensDate: today,
    opensTime: '00:00',
    closesDate: eve.toISOString().slice(0, 10),
    closesTime: '18:00',
    minutes: '5',
    headMinutes: '8',
    onePerDelegation: 'yes',
    moveNotice: '3',
  });
  const list = await saveSpeakersList(event, session, settings, actor, deps.clock);

  let inscribed = 0;
  const delegations = new Map((await delegationsOf(event.id)).map((d) => [d.country, d]));
  for (const [country, level] of STATE_SPEAKERS) {
    const delegation = delegations.get(country);
    const head =
      delegation && (await delegationMembers(delegation.id)).find((m) => m.delegationRole === 'head');
    if (!delegation || !head) continue;
    const input = { speaker: head.personId, level, language: country === 'BR' ? 'pt' : 'es' } as const;
    await inscribeForDelegation(event, session, list, delegation, input, focalActor(delegation), deps);
    inscribed += 1;
  }
  const iom = await Person.findOne({ emailKey: 'oim@demo.foro.example' }, { _id: 1 }).lean();
  if (iom) {
    const input = { personId: String(iom._id), level: 'other', language: 'es' } as const;
    await inscribeFromDirectory(event, session, list, input, actor, deps);
    inscribed += 1;
  }
  await publishSpeakersList(event, session, list, actor, deps);
  return { created: true, inscribed };
}

/**
 * Ecuador, the host, has handed in its credentials (an original signed by the foreign minister);
 * the other states' are still awaited. Recorded once.
 */
export async function seedCuencaCredentials(event: EventView, actor: Actor, clock: Clock): Promise<number> {
  const ecuador = (await delegationsOf(event.id)).find((d) => d.country === 'EC');
  if (!ecuador || (await credentialsOf(ecuador.id))) return 0;
  const receivedOn = instantToLocal(clock.now(), event.timezone).date;
  await recordCredentials(
    event,
    ecuador,
    { authority: 'foreign_minister', kind: 'original', receivedOn },
    actor,
    clock,
  );
  return 1;
}

/**
 * The plenary hall's seating plan: two seats behind each delegation's, plates in Spanish, and the
 * state that sits first drawn by lot; not frozen, so organizers can draw again and freeze it.
 * Saved once; gives the state drawn, if it drew.
 */
export async function seedCuencaSeating(
  event: EventView,
  actor: Actor,
  clock: Clock,
): Promise<string | undefined> {
  const hall = event.rooms[0];
  if (!hall || (await planOf(event, hall.id))) return undefined;
  await savePlan(event, hall.id, { extraSeats: 2, language: 'es' }, actor, clock);
  return drawFirstState(event, hall.id, actor, clock);
}
