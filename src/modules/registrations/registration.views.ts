import { nameSortKey } from '../../shared/name-order.js';
import type { PersonView } from '../people/index.js';
import type { Language } from '../../shared/i18n/index.js';
import type { Category, DelegationRole, RegistrationStatus } from './registration.model.js';

export interface RegistrationView {
  id: string;
  eventId: string;
  personId: string;
  /** The person as lists show them (no biography), when the registration holds a copy. */
  listing: PersonView | undefined;
  category: Category;
  status: RegistrationStatus;
  reason: string | undefined;
  statusAt: Date;
  statusBy: string;
  arrival: string;
  source: string;
  language: Language | undefined;
  countryRepresented: string | undefined;
  workshops: { sessionId: string; status: 'requested' | 'confirmed' | 'waitlisted' }[];
  needs: { interpretation: Language[]; accessibility: string | undefined; diet: string | undefined };
  travel: {
    arrivalDate: string | undefined;
    departureDate: string | undefined;
    flight: string | undefined;
    hotel: string | undefined;
    airportTransfer: boolean;
  };
  visaLetter: boolean;
  consentToList: boolean;
  delegationId: string | undefined;
  delegationRole: DelegationRole | undefined;
  createdAt: Date | undefined;
}

type Maybe<T> = T | null | undefined;

/** What lists show of a registration's person: a copy kept on it (`lists/listing.ts`). */
export type Listing = Omit<PersonView, 'id' | 'biography' | 'sortKey'>;

/** The person as a listing shows them (no biography: lists never show one). */
export const personOfListing = (personId: string, listing: Listing): PersonView => ({
  id: personId,
  ...listing,
  biography: {},
  sortKey: nameSortKey(listing),
});

/** A registration as stored (lean or toObject), loosely typed: fields may be missing or null. */
export interface StoredRegistration {
  _id: unknown;
  eventId: string;
  personId: string;
  listing?: Maybe<Partial<Record<keyof Listing, Maybe<string>>>>;
  category: string;
  status: string;
  reason?: Maybe<string>;
  statusAt: Date;
  statusBy: string;
  arrival: string;
  source: string;
  language?: Maybe<string>;
  countryRepresented?: Maybe<string>;
  workshops?: Maybe<{ sessionId: string; status: string }[]>;
  needs?: Maybe<{ interpretation?: Maybe<string[]>; accessibility?: Maybe<string>; diet?: Maybe<string> }>;
  travel?: Maybe<{
    arrivalDate?: Maybe<string>;
    departureDate?: Maybe<string>;
    flight?: Maybe<string>;
    hotel?: Maybe<string>;
    airportTransfer?: Maybe<boolean>;
  }>;
  visaLetter?: Maybe<boolean>;
  consentToList?: Maybe<boolean>;
  delegationId?: Maybe<string>;
  delegationRole?: Maybe<string>;
  createdAt?: Maybe<Date>;
}

export function toRegistrationView(r: StoredRegistration): RegistrationView {
  return {
    id: String(r._id),
    eventId: r.eventId,
    personId: r.personId,
    listing: r.listing ? personOfListing(r.personId, listingFromStore(r.listing)) : undefined,
    category: r.category as Category,
    status: r.status as RegistrationStatus,
    reason: r.reason ?? undefined,
    statusAt: r.statusAt,
    statusBy: r.statusBy,
    arrival: r.arrival,
    source: r.source,
    language: (r.language ?? undefined) as Language | undefined,
    countryRepresented: r.countryRepresented ?? undefined,
    workshops: (r.workshops ?? []).map((w) => ({
      sessionId: w.sessionId,
      status: w.status as 'requested' | 'confirmed' | 'waitlisted',
    })),
    needs: {
      interpretation: (r.needs?.interpretation ?? []) as Language[],
      accessibility: r.needs?.accessibility ?? undefined,
      diet: r.needs?.diet ?? undefined,
    },
    travel: {
      arrivalDate: r.travel?.arrivalDate ?? undefined,
      departureDate: r.travel?.departureDate ?? undefined,
      flight: r.travel?.flight ?? undefined,
      hotel: r.travel?.hotel ?? undefined,
      airportTransfer: Boolean(r.travel?.airportTransfer),
    },
    visaLetter: Boolean(r.visaLetter),
    consentToList: Boolean(r.consentToList),
    delegationId: r.delegationId ?? undefined,
    delegationRole: (r.delegationRole ?? undefined) as DelegationRole | undefined,
    createdAt: r.createdAt ?? undefined,
  };
}

/** A stored listing with its empty fields absent, as a person view has them. */
function listingFromStore(stored: Partial<Record<keyof Listing, Maybe<string>>>): Listing {
  const value = (key: keyof Listing) => stored[key] ?? undefined;
  return {
    honorific: value('honorific'),
    givenName: value('givenName') ?? '',
    familyName: value('familyName') ?? '',
    position: value('position'),
    organization: value('organization'),
    sector: value('sector') as Listing['sector'],
    country: value('country'),
    email: value('email'),
    phone: value('phone'),
    language: value('language') as Listing['language'],
    gender: value('gender') as Listing['gender'],
  };
}

/** Who is on the rooming list: a confirmed person with a hotel or an arrival date. */
export const onRoomingList = (
  travel: { hotel?: string | null; arrivalDate?: string | null } | null | undefined,
) => Boolean(travel?.hotel || travel?.arrivalDate);
