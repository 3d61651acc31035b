import { localToInstant, datesBetween } from '../../shared/zoned-time.js';
import type { EventView } from '../events/index.js';
import {
  snapshotEvent,
  type Snapshot,
  type SnapshotPerson,
  type SnapshotSession,
} from '../published-programme/index.js';

/** Names with the accents and letters lists and PDFs must get right (shared with seed:scale). */
export const GIVEN = [
  'María José',
  'João',
  'Iñaki',
  'Conceição',
  'Ramón',
  'Sebastián',
  'Lúcia',
  'Begoña',
  'Héctor',
  'Araceli',
];
export const FAMILY = [
  'Núñez',
  'Gonçalves',
  'Peña',
  'Ibáñez',
  'Araújo',
  'Muñoz',
  'Quispe',
  'Sánchez',
  'Brandão',
  'Çelik',
];
export const ORGANIZATIONS = ['CEPAL', 'OIM', 'SEGIB', 'FLACSO', 'Cancillería del Ecuador', 'Itamaraty'];
const COUNTRIES = ['EC', 'BR', 'ES', 'PT', 'MX', 'AR', 'PE', 'CO'];
const ROLES = ['chair', 'speaker', 'speaker', 'commentator'];
const TYPES = ['plenary', 'panel', 'workshop', 'side_event'];

/**
 * A programme of any size for the event's dates, with accented names and trilingual titles:
 * 24 half-hour slots a day in as many rooms as needed, four people per session from a pool
 * of half as many people as sessions. For benchmarks and load tests, not for the demo.
 */
export function largeProgrammeSnapshot(event: EventView, size: number): Snapshot {
  const days = datesBetween(event.startDate, event.endDate);
  const perDay = Math.ceil(size / days.length);
  const rooms = Math.ceil(perDay / 24);
  const poolSize = Math.max(4, Math.floor(size / 2));
  const person = (n: number, role: string, order: number): SnapshotPerson => ({
    personId: `person-${n % poolSize}`,
    role,
    order,
    honorific: n % 3 === 0 ? 'Dra.' : 'Sr.',
    givenName: GIVEN[n % GIVEN.length]!,
    familyName: `${FAMILY[n % FAMILY.length]!} ${FAMILY[(n * 7 + 3) % FAMILY.length]!}`,
    position: 'Directora de Migración y Asuntos Consulares',
    organization: ORGANIZATIONS[n % ORGANIZATIONS.length]!,
    country: COUNTRIES[n % COUNTRIES.length]!,
  });
  const sessions: SnapshotSession[] = [];
  for (let i = 0; i < size; i++) {
    const day = days[Math.floor(i / perDay)]!;
    const slot = Math.floor((i % perDay) / rooms);
    const minutes = 8 * 60 + slot * 30;
    const time = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    sessions.push({
      id: `session-${i}`,
      type: TYPES[i % TYPES.length]!,
      title: {
        es: `Sesión ${i + 1}: migración, remesas y desarrollo en la región iberoamericana`,
        en: `Session ${i + 1}: migration, remittances and development in the Ibero-American region`,
        pt: `Sessão ${i + 1}: migração, remessas e desenvolvimento na região ibero-americana`,
      },
      description: {},
      roomId: `room-${i % rooms}`,
      roomName: `Sala ${(i % rooms) + 1}`,
      startsAt: localToInstant(day, time(minutes), event.timezone)!.toISOString(),
      endsAt: localToInstant(day, time(minutes + 30), event.timezone)!.toISOString(),
      status: 'scheduled',
      people: ROLES.map((role, order) => person(i * ROLES.length + order, role, order)),
      sequence: 0,
    });
  }
  return { event: snapshotEvent(event), sessions };
}
