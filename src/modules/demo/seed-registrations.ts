import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { sameDayIn } from './cuenca.js';
import { IBERO_AMERICAN_STATES, countryName } from '../../shared/countries.js';
import { NationalContact } from '../contacts/index.js';
import { checkInRegistration } from '../documents/index.js';
import { getEvent, type EventView } from '../events/index.js';
import type { MailSettings } from '../invitations/index.js';
import { Person } from '../people/index.js';
import {
  Registration,
  delegationsOf,
  documentSeats,
  inviteNomination,
  nominate,
  saveRegistrationRules,
  submitRegistration,
  getDelegation,
} from '../registrations/index.js';

export interface RegistrationSeedReport {
  contacts: number;
  delegations: number;
  registrations: number;
  /** Confirmed public registrants marked present on the first day (so certificates and counts show). */
  checkIns: number;
}

const PORTUGUESE = new Set(['BR', 'PT']);

/** Public registrants of the demo: category, country, language; media fill their 2 places and wait. */
const REGISTRANTS = [
  ['ana.pereira', 'Ana', 'Pereira', 'academia', 'BR', 'pt', 'academia'],
  ['jorge.ramos', 'Jorge', 'Ramos', 'civil_society', 'EC', 'es', 'civil_society'],
  ['lucia.mendez', 'Lucía', 'Méndez', 'academia', 'MX', 'es', 'academia'],
  ['carlos.ibarra', 'Carlos', 'Ibarra', 'civil_society', 'CO', 'es', 'civil_society'],
  ['sofia.costa', 'Sofia', 'Costa', 'international_organization', 'PT', 'pt', 'international_organization'],
  ['mateo.silva', 'Mateo', 'Silva', 'observer', 'UY', 'es', 'civil_society'],
  ['paula.rojas', 'Paula', 'Rojas', 'media', 'CL', 'es', 'media'],
  ['diego.vera', 'Diego', 'Vera', 'media', 'PY', 'es', 'media'],
  ['marta.gil', 'Marta', 'Gil', 'media', 'ES', 'es', 'media'],
  ['joao.lima', 'João', 'Lima', 'media', 'BR', 'pt', 'media'],
  ['elena.torres', 'Elena', 'Torres', 'government_delegation', 'AR', 'es', 'government'],
] as const;

/** Delegations in different stages: nominated and confirmed, partly nominated, invited only. */
/** Delegations in several stages, with the people their focal points nominate (head first). */
const DELEGATIONS: { country: string; quota: number; nominees: [string, string][] }[] = [
  {
    country: 'EC',
    quota: 5,
    nominees: [
      ['Patricio', 'Zambrano Lema'],
      ['Jorge', 'Andrade Vinueza'],
      ['Paola', 'Cárdenas Ortiz'],
    ],
  },
  {
    country: 'BR',
    quota: 4,
    nominees: [
      ['Luiz Fernando', 'Castro Neves'],
      ['Ana Cláudia', 'Monteiro'],
    ],
  },
  { country: 'PE', quota: 4, nominees: [] },
  { country: 'MX', quota: 3, nominees: [['Alejandro', 'Ruiz Tamayo']] },
];

/** The focal point of each member state in the demo, at its ministry of foreign affairs. */
const FOCAL_POINTS: Record<string, string> = {
  AD: 'Meritxell Puig',
  AR: 'Sofía Bianchi',
  BO: 'Wilma Mamani',
  BR: 'Renata Albuquerque',
  CL: 'Ignacio Fuentes',
  CO: 'Catalina Restrepo',
  CR: 'Andrés Solís',
  CU: 'Yanelis Hernández',
  DO: 'Ramón Peralta',
  EC: 'Verónica Salazar',
  SV: 'Claudia Menjívar',
  GT: 'Luis Ajú',
  HN: 'Karla Zelaya',
  MX: 'Mónica Ibarra',
  NI: 'Ernesto Lacayo',
  PA: 'Itzel Batista',
  PY: 'Gustavo Benítez',
  PE: 'Rosa Huamán',
  PT: 'João Carvalho',
  ES: 'Elena Marín',
  UY: 'Martín Olivera',
  VE: 'Daniela Rangel',
};

/**
 * National contacts for every member state, delegations in several stages, registrations across
 * categories and a waiting list (media: two places). Windows use the defaults, so they are open
 * relative to today. Creates nothing twice.
 */
export async function seedCuencaRegistrations(
  eventId: string,
  actor: Actor,
  /** Check-ins are made on the opening day; an edition still to come has none. */
  clocks: { preparing: Clock; openingDay?: Clock | undefined },
  settings: MailSettings,
): Promise<RegistrationSeedReport> {
  const clock = clocks.preparing;
  const event = await getEvent(eventId);
  const deps = { clock, settings, seats: documentSeats(clock) };
  let contacts = 0;
  for (const country of IBERO_AMERICAN_STATES) {
    const email = `focal.${country.toLowerCase()}@demo.foro.example`;
    if (await NationalContact.exists({ email })) continue;
    await NationalContact.create({
      country,
      institution: 'foreign_affairs',
      type: 'focal_point',
      name: FOCAL_POINTS[country] ?? countryName(country, 'es'),
      email,
      language: PORTUGUESE.has(country) ? 'pt' : 'es',
    });
    contacts += 1;
  }
  if (!(await NationalContact.exists({ email: 'relaciones@cuenca.demo.foro.example' }))) {
    await NationalContact.create({
      country: 'EC',
      institution: 'local_authority',
      institutionName: 'Municipalidad de Cuenca',
      type: 'local_authority',
      name: 'Dirección de Relaciones Internacionales',
      email: 'relaciones@cuenca.demo.foro.example',
      language: 'es',
    });
    contacts += 1;
  }

  if ((await delegationsOf(event.id)).length === 0) {
    await saveRegistrationRules(
      event.id,
      { capacity: 400, categories: [{ key: 'media', capacity: 2, approval: false }] },
      clock,
    );
  }
  const existing = new Set((await delegationsOf(event.id)).map((d) => d.country));
  let delegations = 0;
  for (const plan of DELEGATIONS) {
    if (existing.has(plan.country)) continue;
    const contact = await NationalContact.findOne({
      email: `focal.${plan.country.toLowerCase()}@demo.foro.example`,
    }).lean();
    if (!contact) continue;
    const created = await inviteNomination(
      event,
      { country: plan.country, contactId: String(contact._id), quota: plan.quota },
      actor,
      deps,
    );
    const delegation = await getDelegation(created.id);
    for (const [index, [givenName, familyName]] of plan.nominees.entries()) {
      const i = index + 1;
      await nominate(
        event,
        delegation,
        {
          givenName,
          familyName,
          email: `delegado${i}.${plan.country.toLowerCase()}@demo.foro.example`,
          role: i === 1 ? 'head' : i === 2 ? 'alternate' : 'member',
          ...(i === 2 && { visaLetter: 'yes' as const }),
        },
        deps,
      );
    }
    delegations += 1;
  }

  let registrations = 0;
  for (const [key, givenName, familyName, category, country, language, sector] of REGISTRANTS) {
    const email = `${key}@demo.foro.example`;
    const person = await Person.findOne({ emailKey: email }, { _id: 1 }).lean();
    if (person && (await Registration.exists({ eventId: event.id, personId: String(person._id) }))) continue;
    await submitRegistration(
      event,
      {
        givenName,
        familyName,
        email,
        country,
        sector,
        language,
        category,
        organization: category === 'media' ? 'Prensa' : undefined,
        interpretation: language === 'pt' ? ['es'] : [],
        workshops: [],
        consentToList: 'yes',
        privacyConsent: 'yes',
        arrivalDate: sameDayIn(event, '2008-04-09'),
        departureDate: sameDayIn(event, '2008-04-12'),
        hotel: 'Hotel Oro Verde',
      },
      deps,
    );
    registrations += 1;
  }
  const checkIns = clocks.openingDay ? await checkInFirstFive(event, actor, clocks.openingDay) : 0;
  return { contacts, delegations, registrations, checkIns };
}

/** The first five confirmed public registrants, present on the first day (certificates and counts show). */
async function checkInFirstFive(event: EventView, actor: Actor, clock: Clock): Promise<number> {
  const confirmed = await Registration.find(
    { eventId: event.id, status: 'confirmed', source: 'public' },
    { _id: 1 },
  )
    .sort({ arrival: 1 })
    .limit(5)
    .lean();
  let checkIns = 0;
  for (const registration of confirmed) {
    const outcome = await checkInRegistration(event, String(registration._id), event.startDate, actor, clock);
    if (outcome.result === 'present') checkIns += 1;
  }
  return checkIns;
}
