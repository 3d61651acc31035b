import { getPeople, type PersonView } from '../../people/index.js';
import { peopleOf } from './listing.js';
import { Registration, type Category } from '../registration.model.js';
import { registrationsPage } from '../registration.service.js';
import { toRegistrationView, type RegistrationView, type StoredRegistration } from '../registration.views.js';

/** A confirmed registration with its person. */
export interface Participant {
  registration: RegistrationView;
  person: PersonView;
}

/** Who a list shows: the public sees confirmed people who agreed to be listed; organizers see every confirmed one. */
export type ListAudience = 'public' | 'organizers';

/** Registrations with their people (a listing's copy, or the person read); one whose person is gone is left out. */
async function withPeople(registrations: RegistrationView[]): Promise<Participant[]> {
  const people = await peopleOf(registrations);
  return registrations.flatMap((registration) => {
    const person = people.get(registration.personId);
    return person ? [{ registration, person }] : [];
  });
}

export const PARTICIPANTS_PAGE = 100;

/** One page of the participants an audience may see, in order of registration, each with their person. */
export async function participantsPage(
  eventId: string,
  audience: ListAudience,
  at: { after?: string | undefined; before?: string | undefined },
): Promise<{ participants: Participant[]; next?: string; previous?: string }> {
  const { registrations, ...page } = await registrationsPage(
    eventId,
    { status: 'confirmed', ...(audience === 'public' && { consentToList: true }) },
    at,
    PARTICIPANTS_PAGE,
  );
  return {
    participants: await withPeople(registrations),
    ...(page.next && { next: page.next }),
    ...(page.previous && { previous: page.previous }),
  };
}

/** What a participant is placed by in a list or among badges: names, country, sector, category, role. */
export interface Placed {
  registration: Pick<
    RegistrationView,
    'id' | 'personId' | 'category' | 'countryRepresented' | 'delegationRole'
  >;
  person: Pick<PersonView, 'givenName' | 'familyName' | 'country' | 'sector'>;
}

const PLACING_FIELDS = {
  personId: 1,
  category: 1,
  countryRepresented: 1,
  delegationRole: 1,
  'listing.givenName': 1,
  'listing.familyName': 1,
  'listing.country': 1,
  'listing.sector': 1,
} as const;

/** Which confirmed participants a part is cut from: those of one category, or who asked for a visa letter. */
export interface ParticipantsWhere {
  category?: Category;
  visaLetter?: true;
}

/** The confirmed registrations an audience may see (and `where` keeps), by equalities every engine looks up. */
const confirmedQuery = (
  eventId: string,
  audience: ListAudience,
  where: ParticipantsWhere = {},
): Record<string, unknown> => ({
  eventId,
  status: 'confirmed',
  ...(audience === 'public' && { consentToList: true }),
  ...(where.category && { category: where.category }),
  ...(where.visaLetter && { visaLetter: true }),
});

/** Every confirmed participant an audience may see, with only what places them, read a batch at a time. */
async function placedParticipants(
  eventId: string,
  audience: ListAudience,
  where: ParticipantsWhere | undefined,
  only: ((registrationId: string) => boolean) | undefined,
): Promise<Placed[]> {
  const placed: Placed[] = [];
  const unlisted: Placed[] = [];
  const docs = Registration.find(confirmedQuery(eventId, audience, where), PLACING_FIELDS)
    .lean<
      Pick<
        StoredRegistration,
        '_id' | 'personId' | 'category' | 'countryRepresented' | 'delegationRole' | 'listing'
      >
    >()
    .cursor({ batchSize: 500 });
  for await (const doc of docs) {
    if (only && !only(String(doc._id))) continue;
    const registration = {
      id: String(doc._id),
      personId: doc.personId,
      category: doc.category as Category,
      countryRepresented: doc.countryRepresented ?? undefined,
      delegationRole: (doc.delegationRole ?? undefined) as RegistrationView['delegationRole'],
    };
    const listing = doc.listing;
    const person = {
      givenName: listing?.givenName ?? '',
      familyName: listing?.familyName ?? '',
      country: listing?.country ?? undefined,
      sector: (listing?.sector ?? undefined) as PersonView['sector'],
    };
    (listing ? placed : unlisted).push({ registration, person });
  }
  // Registrations from before people were copied onto them: their people are read.
  const people = new Map(
    (await getPeople(unlisted.map((p) => p.registration.personId))).map((p) => [p.id, p]),
  );
  for (const { registration } of unlisted) {
    const person = people.get(registration.personId);
    if (person) placed.push({ registration, person });
  }
  return placed;
}

/**
 * The organizations of an event's confirmed participants in these categories, each name once
 * (a seating plan's places). Read category by category, by equalities every engine looks up,
 * with only the person and the organization: not every participant of a large event in full.
 */
export async function organizationsOf(
  eventId: string,
  categories: readonly Category[],
): Promise<Set<string>> {
  const names = new Set<string>();
  const unlisted: string[] = [];
  for (const category of categories) {
    const docs = Registration.find(confirmedQuery(eventId, 'organizers', { category }), {
      personId: 1,
      'listing.organization': 1,
    })
      .lean<Pick<StoredRegistration, 'personId' | 'listing'>>()
      .cursor({ batchSize: 500 });
    for await (const doc of docs) {
      if (!doc.listing) unlisted.push(doc.personId);
      else if (doc.listing.organization) names.add(doc.listing.organization);
    }
  }
  // Registrations from before people were copied onto them: their people are read.
  for (const person of await getPeople(unlisted)) if (person.organization) names.add(person.organization);
  return names;
}

/**
 * One part of `perPart` of an event's confirmed participants, in the order `order` gives, with
 * how many there are in all; undefined for a part beyond the end. Every participant is read
 * with only the few fields that place them (a small record each, a batch at a time), then read
 * again keeping only the part's registrations in full: a part of 500 among 50,000 holds 500 in
 * memory, not 50,000. Not by id: FerretDB reads the whole collection for an `$in`, and over
 * PostgreSQL even for one `_id` (a quarter of a second each among 100,000 registrations).
 */
export async function participantsPart(
  eventId: string,
  audience: ListAudience,
  options: {
    order: <P extends Placed>(placed: P[]) => P[];
    part: number;
    perPart: number;
    /** Equalities the database looks up. */
    where?: ParticipantsWhere;
    /** A test on the registration's id the database cannot make (checked in, for example). */
    only?: (registrationId: string) => boolean;
  },
): Promise<{ participants: Participant[]; total: number; parts: number } | undefined> {
  const placed = options.order(await placedParticipants(eventId, audience, options.where, options.only));
  const parts = Math.max(1, Math.ceil(placed.length / options.perPart));
  if (options.part > parts) return undefined;
  const ids = placed
    .slice((options.part - 1) * options.perPart, options.part * options.perPart)
    .map((p) => p.registration.id);
  // The part's registrations in full: read again a batch at a time, keeping the part's only.
  const wanted = new Set(ids);
  const found = new Map<string, RegistrationView>();
  const docs = Registration.find(confirmedQuery(eventId, audience, options.where), { nameKeys: 0 })
    .lean()
    .cursor({ batchSize: 500 });
  for await (const doc of docs)
    if (wanted.has(String(doc._id))) found.set(String(doc._id), toRegistrationView(doc));
  return {
    participants: await withPeople(ids.flatMap((id) => found.get(id) ?? [])),
    total: placed.length,
    parts,
  };
}
