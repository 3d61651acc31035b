import type { Actor } from '../../shared/actor.js';
import { instantToLocal } from '../../shared/zoned-time.js';
import type { EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import {
  acceptProposal,
  callSettingsInput,
  decideProposal,
  getCall,
  offerSideEventSlots,
  proposalInput,
  saveCallSettings,
  submitProposal,
} from '../side-events/index.js';
import { sameDayIn } from './cuenca.js';

export interface SideEventsSeedReport {
  created: boolean;
  slots: number;
  proposals: number;
}

/** The lunch breaks in the Sala Azuay (the second room), one side event each. */
const LUNCH_SLOTS = [
  { date: '2008-04-10', start: '12:30', end: '14:00' },
  { date: '2008-04-11', start: '13:00', end: '14:30' },
];

/** Proposals from organizations: the first is accepted into the first lunch, the second waits on the list. */
const PROPOSALS = [
  {
    title: {
      es: 'Datos censales de la ronda de 2010 para medir la migración internacional',
      pt: 'Dados censitários da rodada de 2010 para medir a migração internacional',
      en: 'Census data of the 2010 round to measure international migration',
    },
    organizers: [
      {
        organization: 'Organización Internacional para las Migraciones',
        sector: 'international_organization',
      },
      { organization: 'CEPAL – CELADE', country: 'CL', sector: 'international_organization' },
    ],
    contact: {
      givenName: 'Diego',
      familyName: 'Beltrand Ruiz',
      email: 'oim@demo.foro.example',
      language: 'es',
    },
    expectedAttendance: 60,
    interpretation: ['es', 'pt'],
  },
  {
    title: {
      es: 'Mujeres migrantes y cadenas globales de cuidado',
      en: 'Migrant women and global care chains',
    },
    organizers: [{ organization: 'Red de Mujeres Migrantes', country: 'PE', sector: 'civil_society' }],
    contact: {
      givenName: 'Patricia',
      familyName: 'Zárate Gómez',
      email: 'redmujeres@demo.foro.example',
      language: 'es',
    },
    expectedAttendance: 40,
    interpretation: [],
  },
  {
    title: {
      pt: 'Acolhida humanitária e direitos das pessoas migrantes nas fronteiras',
      es: 'Acogida humanitaria y derechos de las personas migrantes en las fronteras',
    },
    organizers: [
      { organization: 'Instituto Migrações e Direitos Humanos', country: 'BR', sector: 'civil_society' },
    ],
    contact: {
      givenName: 'Rosita',
      familyName: 'Milesi Castro',
      email: 'scalabrini@demo.foro.example',
      language: 'pt',
    },
    expectedAttendance: 35,
    interpretation: ['es', 'pt'],
  },
];

/**
 * The call for side events, open from today until three weeks before the forum, with a slot in
 * each lunch break and three proposals sent through the public form's use case: one accepted into
 * the first slot (it becomes a session of the programme), one on the waiting list, and one not yet
 * reviewed. Creates nothing twice.
 */
export async function seedCuencaSideEvents(
  event: EventView,
  actor: Actor,
  deps: MailDeps,
): Promise<SideEventsSeedReport> {
  if (await getCall(event)) return { created: false, slots: 0, proposals: 0 };
  const threeWeeksBefore = new Date(`${event.startDate}T12:00:00Z`);
  threeWeeksBefore.setUTCDate(threeWeeksBefore.getUTCDate() - 21);
  const call = callSettingsInput.parse({
    opensOn: instantToLocal(deps.clock.now(), event.timezone).date,
    closesOn: threeWeeksBefore.toISOString().slice(0, 10),
    maxPerOrganization: '2',
  });
  await saveCallSettings(event, call, actor, deps.clock);
  const room = event.rooms[1] ?? event.rooms[0]!;
  const slots = [];
  for (const lunch of LUNCH_SLOTS) {
    const range = { roomId: room.id, date: sameDayIn(event, lunch.date), start: lunch.start, end: lunch.end };
    slots.push(...(await offerSideEventSlots(event, range, actor, deps.clock)));
  }
  const ids: string[] = [];
  for (const [i, plan] of PROPOSALS.entries()) {
    const preferredSlots = i === 2 ? slots.map((s) => s.id).reverse() : slots.map((s) => s.id);
    const input = proposalInput.parse({ ...plan, preferredSlots });
    ids.push((await submitProposal(event, input, deps)).proposal.id);
  }
  await acceptProposal(event, ids[0]!, slots[0]!.id, actor, deps);
  await decideProposal(event, ids[1]!, 'waitlisted', {}, actor, deps);
  return { created: true, slots: slots.length, proposals: ids.length };
}
