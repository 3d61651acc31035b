import type { CreateEventInput, RoomInput } from '../events/index.js';
import { IBERO_AMERICAN_STATES } from '../../shared/countries.js';
import { DAY_MS } from '../../shared/time.js';

/** The Ibero-American Forum on Migration and Development, Cuenca, 10–11 April 2008. */
export const CUENCA_EVENT: CreateEventInput = {
  slug: 'cuenca-2008',
  title: {
    es: 'Foro Iberoamericano sobre Migración y Desarrollo',
    pt: 'Fórum Ibero-Americano sobre Migração e Desenvolvimento',
    en: 'Ibero-American Forum on Migration and Development',
  },
  description: {
    es:
      'Convocado por las Jefas y los Jefes de Estado y de Gobierno de la Comunidad Iberoamericana conforme al ' +
      'Compromiso de Montevideo sobre Migraciones y Desarrollo, el Foro reúne a gobiernos, organismos ' +
      'internacionales, academia y sociedad civil para intercambiar buenas prácticas y coordinar consensos y ' +
      'acciones conjuntas.\n\nPreparado por la CEPAL (CELADE) con la Secretaría General Iberoamericana.',
    pt:
      'Convocado pelos Chefes de Estado e de Governo da Comunidade Ibero-Americana nos termos do Compromisso ' +
      'de Montevidéu sobre Migrações e Desenvolvimento, o Fórum reúne governos, organismos internacionais, ' +
      'academia e sociedade civil para trocar boas práticas e coordenar consensos e ações conjuntas.\n\n' +
      'Preparado pela CEPAL (CELADE) com a Secretaria-Geral Ibero-Americana.',
    en:
      'Called by the Heads of State and Government of the Ibero-American Community under the Montevideo ' +
      'Commitment on Migration and Development, the Forum brings together governments, international ' +
      'organizations, academia and civil society to exchange good practices and coordinate consensus and ' +
      'joint action.\n\nPrepared by ECLAC (CELADE) with the Ibero-American Secretariat.',
  },
  organizers: {
    es: 'Comisión Económica para América Latina y el Caribe (CEPAL) – CELADE, División de Población · Secretaría General Iberoamericana (SEGIB)',
    pt: 'Comissão Econômica para a América Latina e o Caribe (CEPAL) – CELADE, Divisão de População · Secretaria-Geral Ibero-Americana (SEGIB)',
    en: 'Economic Commission for Latin America and the Caribbean (ECLAC) – CELADE, Population Division · Ibero-American General Secretariat (SEGIB)',
  },
  venue: { name: 'Centro de Convenciones', city: 'Cuenca', country: 'EC' },
  timezone: 'America/Guayaquil',
  startDate: '2008-04-10',
  endDate: '2008-04-11',
  languages: ['es', 'pt', 'en'],
  countries: [...IBERO_AMERICAN_STATES].sort(),
};

export const CUENCA_ROOMS: RoomInput[] = [
  { name: 'Salón Plenario', capacity: 400, interpretation: ['es', 'pt', 'en'] },
  { name: 'Sala Azuay', capacity: 120, interpretation: ['es', 'pt'] },
  { name: 'Sala Cañar', capacity: 60, interpretation: [] },
  { name: 'Sala Paute', capacity: 40, interpretation: [] },
];

export const DEMO_USERS = [
  { key: 'admin', email: 'admin@demo.foro.example', name: 'Administración (demo)', role: 'admin' },
  { key: 'organizer', email: 'organizer@demo.foro.example', name: 'Equipo CELADE (demo)', role: 'organizer' },
] as const;

/** The demo's practice copy of the forum: the same days of the week, some two months ahead. */
export const PRACTICE_SLUG = 'cuenca-demo';

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * A copy of the forum in the coming months, marked as demo data, so that every flow (registering,
 * inviting, nominating, checking in) can be tried on an event that is not over. It opens on the
 * first Thursday at least 60 days after `today`, as the forum opened on a Thursday.
 */
export function practiceEdition(today: Date): CreateEventInput {
  let start = Math.floor(today.getTime() / DAY_MS) + 60;
  while (new Date(start * DAY_MS).getUTCDay() !== 4) start += 1;
  const length = dayNumber(CUENCA_EVENT.endDate) - dayNumber(CUENCA_EVENT.startDate);
  const title = CUENCA_EVENT.title;
  return {
    ...CUENCA_EVENT,
    slug: PRACTICE_SLUG,
    title: {
      es: `${title.es} (demostración)`,
      pt: `${title.pt} (demonstração)`,
      en: `${title.en} (demo)`,
    },
    startDate: dateOf(start),
    endDate: dateOf(start + length),
    demo: true,
  };
}

/** A date of the 2008 programme moved to the same day of another edition of the forum. */
export function sameDayIn(edition: { startDate: string }, date: string): string {
  return dateOf(dayNumber(edition.startDate) + dayNumber(date) - dayNumber(CUENCA_EVENT.startDate));
}
