import { Types } from 'mongoose';
import { Registration } from '../../src/modules/registrations/index.js';
import type { RegistrationInput } from '../../src/modules/registrations/registration.schemas.js';
import { copyOfPerson } from '../../src/modules/registrations/lists/listing.js';
import { createTestPerson } from './people.js';

let sequence = 0;

/** A valid public registration form, as a browser would send it. */
export function registrationForm(overrides: Partial<Record<keyof RegistrationInput, unknown>> = {}) {
  sequence += 1;
  return {
    givenName: 'Persona',
    familyName: `Registrada ${sequence}`,
    email: `registrada${sequence}@example.org`,
    organization: 'Universidad de Cuenca',
    country: 'EC',
    sector: 'academia',
    language: 'es',
    category: 'academia',
    privacyConsent: 'yes',
    ...overrides,
  };
}

/**
 * A person and their registration written directly (confirmed and listed unless told otherwise),
 * for tests about what is done with registrations rather than how they are made.
 */
export async function createTestRegistration(
  eventId: string,
  person: Parameters<typeof createTestPerson>[0],
  registration: {
    category: string;
    countryRepresented?: string;
    delegationRole?: string;
    consentToList?: boolean;
    visaLetter?: boolean;
    status?: string;
  },
) {
  const created = await createTestPerson(person);
  const doc = await Registration.create({
    eventId,
    personId: created.id,
    ...copyOfPerson(created),
    status: 'confirmed',
    statusAt: new Date(),
    statusBy: 'test',
    // Arrival keys as the form makes them: ObjectIds, increasing in creation order.
    arrival: new Types.ObjectId().toHexString(),
    source: 'organizer',
    privacyConsentAt: new Date(),
    consentToList: true,
    ...registration,
  } as Record<string, unknown>);
  return { person: created, id: String(doc._id) };
}

/**
 * `count` confirmed registrations of an event written in one bulk, as fast as the database takes
 * them, for tests about lists of a size the form would take long to fill; `fields(i)` adds to or
 * overrides each (its person, listing, block).
 */
export async function insertBulkRegistrations(
  eventId: string,
  count: number,
  fields: (i: number) => Record<string, unknown> = () => ({}),
): Promise<void> {
  const now = new Date();
  await Registration.insertMany(
    Array.from({ length: count }, (_, i) => ({
      eventId,
      personId: new Types.ObjectId().toHexString(),
      category: 'academia',
      status: 'confirmed',
      statusAt: now,
      statusBy: 'test',
      arrival: new Types.ObjectId().toHexString(),
      source: 'organizer',
      privacyConsentAt: now,
      ...fields(i),
    })),
  );
}
