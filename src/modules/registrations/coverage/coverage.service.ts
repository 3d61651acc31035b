import { lastCount, recount } from '../../../db/counted.js';
import type { Clock } from '../../../shared/clock.js';
import { listAssignments } from '../../agenda/index.js';
import { isLarge } from '../lists/size.js';
import { contactsOfCountries } from '../../contacts/index.js';
import type { EventView } from '../../events/index.js';
import { getPeople, type PersonView } from '../../people/index.js';
import { peopleOf } from '../lists/listing.js';
import { delegationsOf } from '../delegations/delegation.service.js';
import { listRegistrations } from '../registration.service.js';
import type { RegistrationView } from '../registration.views.js';

export interface CountryCoverage {
  country: string;
  focalPoint: boolean;
  invited: boolean;
  nominated: number;
  confirmed: number;
  speakers: number;
}

const tally = <T>(items: T[], key: (item: T) => string | undefined) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item) ?? '';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count);
};

/**
 * Where each participating country stands: a focal point known, a nomination invitation sent,
 * delegates nominated and confirmed, people with a role in the programme; and the registrations
 * counted by category, country, sector and gender (gender only ever as a count). Reads every
 * registration of the event.
 */
async function countCoverage(event: EventView) {
  const [contacts, delegations, registrations, assignments] = await Promise.all([
    contactsOfCountries(event.countries),
    delegationsOf(event.id),
    listRegistrations(event.id),
    listAssignments({ eventId: event.id }),
  ]);
  const live = registrations.filter((r) => r.status !== 'cancelled' && r.status !== 'rejected');
  const active = assignments.filter((a) => a.status === 'invited' || a.status === 'confirmed');
  // Registrations carry their person's listing; only speakers not registered are read.
  const people = await peopleOf(live);
  for (const speaker of await getPeople(active.map((a) => a.personId).filter((id) => !people.has(id))))
    people.set(speaker.id, speaker);
  const countryOf = (personId: string) => people.get(personId)?.country;
  const rows: CountryCoverage[] = event.countries.map((country) => {
    const delegation = delegations.find((d) => d.country === country);
    const delegates = delegation ? live.filter((r) => r.delegationId === delegation.id) : [];
    return {
      country,
      focalPoint: contacts.some((c) => c.country === country && c.type === 'focal_point'),
      invited: Boolean(delegation),
      nominated: delegates.length,
      confirmed: delegates.filter((r) => r.status === 'confirmed').length,
      speakers: new Set(active.filter((a) => countryOf(a.personId) === country).map((a) => a.personId)).size,
    };
  });
  const confirmed = live.filter((r) => r.status === 'confirmed');
  const person = (r: RegistrationView): PersonView | undefined => people.get(r.personId);
  // The country a person represents: their delegation's, or else their own (a speaker from
  // academia registered by the programme represents no government but comes from a country).
  const represented = (r: RegistrationView) => r.countryRepresented ?? person(r)?.country;
  return {
    rows,
    byCategory: tally(confirmed, (r) => r.category),
    byCountry: tally(confirmed, represented),
    bySector: tally(confirmed, (r) => person(r)?.sector),
    byGender: tally(confirmed, (r) => person(r)?.gender ?? 'undisclosed'),
    arrivals: tally(
      confirmed.filter((r) => r.travel.arrivalDate),
      (r) => r.travel.arrivalDate,
    ).sort((a, b) => a.key.localeCompare(b.key)),
    rooming: confirmed
      .filter((r) => r.travel.hotel || r.travel.arrivalDate)
      .map((r) => ({
        name: person(r) ? `${person(r)!.givenName} ${person(r)!.familyName}` : r.personId,
        country: represented(r),
        hotel: r.travel.hotel,
        arrivalDate: r.travel.arrivalDate,
        departureDate: r.travel.departureDate,
        airportTransfer: r.travel.airportTransfer,
      }))
      .sort((a, b) => (a.hotel ?? '').localeCompare(b.hotel ?? '') || a.name.localeCompare(b.name)),
  };
}

export type CoverageCounts = Omit<Awaited<ReturnType<typeof countCoverage>>, 'rooming'>;
type RoomingRow = Awaited<ReturnType<typeof countCoverage>>['rooming'][number];

const coverageKey = (eventId: string) => `coverage:${eventId}`;

/** Counts a large event's coverage and keeps it with the time (the timer). */
export async function recountCoverage(event: EventView, clock: Clock) {
  return recount(coverageKey(event.id), () => countsOf(event), clock);
}

async function countsOf(event: EventView): Promise<CoverageCounts> {
  const { rooming: _rooming, ...counts } = await countCoverage(event);
  return counts;
}

/**
 * The dashboard: counted now for an event of up to 2,048 registrations, with its rooming list;
 * beyond, the last count of the timer with its time, and the rooming list as a download only.
 */
export async function coverageOf(
  event: EventView,
  clock: Clock,
): Promise<CoverageCounts & { rooming: RoomingRow[]; countedAt?: Date }> {
  if (!(await isLarge(event.id))) return countCoverage(event);
  const { figures, countedAt } = await lastCount(coverageKey(event.id), () => countsOf(event), clock);
  return { ...figures, rooming: [], countedAt };
}
