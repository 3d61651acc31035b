import { lastCount, recount } from '../../../db/counted.js';
import type { Clock } from '../../../shared/clock.js';
import { listAssignments } from '../../agenda/index.js';
import { isLarge } from '../lists/size.js';
import { contactsOfCountries } from '../../contacts/index.js';
import type { EventView } from '../../events/index.js';
import { getPeople } from '../../people/index.js';
import { peopleOf } from '../lists/listing.js';
import { delegationsOf } from '../delegations/delegation.service.js';
import { batchesOf, mapped } from '../../../shared/async-iterables.js';
import { Registration } from '../registration.model.js';
import { onRoomingList, toRegistrationView } from '../registration.views.js';

export interface CountryCoverage {
  country: string;
  focalPoint: boolean;
  invited: boolean;
  nominated: number;
  confirmed: number;
  speakers: number;
}

/** Counts by key, largest first (ties by key); an item without a key counts under ''. */
class Tally {
  private readonly counts = new Map<string, number>();
  add(key: string | undefined): void {
    const k = key ?? '';
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }
  entries(): { key: string; count: number }[] {
    return [...this.counts.entries()]
      .map(([key, count]) => ({ key, count }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
}

/**
 * Where each participating country stands: a focal point known, a nomination invitation sent,
 * delegates nominated and confirmed, people with a role in the programme; and the confirmed
 * registrations counted by category, country, sector, gender (only ever as a count) and day of
 * arrival, with the rooming list when asked. Reads every registration of the event, a batch at a
 * time, keeping counts only: the timer counts an event of 100,000 in the memory of a few.
 */
async function countCoverage(event: EventView, options: { rooming: boolean }) {
  const [contacts, delegations, assignments] = await Promise.all([
    contactsOfCountries(event.countries),
    delegationsOf(event.id),
    listAssignments({ eventId: event.id }),
  ]);
  const active = assignments.filter((a) => a.status === 'invited' || a.status === 'confirmed');
  const speakers = new Set(active.map((a) => a.personId));
  const countryOfSpeaker = new Map<string, string | undefined>();
  const delegates = new Map(delegations.map((d) => [d.id, { nominated: 0, confirmed: 0 }]));
  const [byCategory, byCountry, bySector, byGender, arrivals] = [
    new Tally(),
    new Tally(),
    new Tally(),
    new Tally(),
    new Tally(),
  ];
  const rooming: RoomingRow[] = [];
  const registrations = Registration.find({ eventId: event.id }, { nameKeys: 0 }).lean().cursor({ batchSize: 500 });
  for await (const batch of batchesOf(mapped(registrations, toRegistrationView), 500)) {
    // Registrations carry their person's listing; only those from before listings are read.
    const people = await peopleOf(batch);
    for (const r of batch) {
      if (r.status === 'cancelled' || r.status === 'rejected') continue;
      const person = people.get(r.personId);
      if (speakers.has(r.personId)) countryOfSpeaker.set(r.personId, person?.country);
      const delegation = r.delegationId ? delegates.get(r.delegationId) : undefined;
      if (delegation) delegation.nominated += 1;
      if (r.status !== 'confirmed') continue;
      if (delegation) delegation.confirmed += 1;
      // The country a person represents: their delegation's, or else their own (a speaker from
      // academia registered by the programme represents no government but comes from a country).
      const represented = r.countryRepresented ?? person?.country;
      byCategory.add(r.category);
      byCountry.add(represented);
      bySector.add(person?.sector);
      byGender.add(person?.gender ?? 'undisclosed');
      if (r.travel.arrivalDate) arrivals.add(r.travel.arrivalDate);
      if (options.rooming && onRoomingList(r.travel))
        rooming.push({
          name: person ? `${person.givenName} ${person.familyName}` : r.personId,
          country: represented,
          hotel: r.travel.hotel,
          arrivalDate: r.travel.arrivalDate,
          departureDate: r.travel.departureDate,
          airportTransfer: r.travel.airportTransfer,
        });
    }
  }
  // Speakers not registered are read.
  for (const speaker of await getPeople([...speakers].filter((id) => !countryOfSpeaker.has(id))))
    countryOfSpeaker.set(speaker.id, speaker.country);
  const rows: CountryCoverage[] = event.countries.map((country) => {
    const delegation = delegations.find((d) => d.country === country);
    const counted = delegation && delegates.get(delegation.id);
    return {
      country,
      focalPoint: contacts.some((c) => c.country === country && c.type === 'focal_point'),
      invited: Boolean(delegation),
      nominated: counted?.nominated ?? 0,
      confirmed: counted?.confirmed ?? 0,
      speakers: [...speakers].filter((id) => countryOfSpeaker.get(id) === country).length,
    };
  });
  return {
    rows,
    byCategory: byCategory.entries(),
    byCountry: byCountry.entries(),
    bySector: bySector.entries(),
    byGender: byGender.entries(),
    arrivals: arrivals.entries().sort((a, b) => a.key.localeCompare(b.key)),
    rooming: rooming.sort(
      (a, b) => (a.hotel ?? '').localeCompare(b.hotel ?? '') || a.name.localeCompare(b.name),
    ),
  };
}

/** A line of the rooming list shown on a small event's dashboard. */
interface RoomingRow {
  name: string;
  country: string | undefined;
  hotel: string | undefined;
  arrivalDate: string | undefined;
  departureDate: string | undefined;
  airportTransfer: boolean;
}

export type CoverageCounts = Omit<Awaited<ReturnType<typeof countCoverage>>, 'rooming'>;

const coverageKey = (eventId: string) => `coverage:${eventId}`;

/** Counts a large event's coverage and keeps it with the time (the timer). */
export async function recountCoverage(event: EventView, clock: Clock) {
  return recount(coverageKey(event.id), () => countsOf(event), clock);
}

async function countsOf(event: EventView): Promise<CoverageCounts> {
  const { rooming: _rooming, ...counts } = await countCoverage(event, { rooming: false });
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
  if (!(await isLarge(event.id))) return countCoverage(event, { rooming: true });
  const { figures, countedAt } = await lastCount(coverageKey(event.id), () => countsOf(event), clock);
  return { ...figures, rooming: [], countedAt };
}
