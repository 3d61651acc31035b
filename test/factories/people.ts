import { createPerson, type PersonInput } from '../../src/modules/people/index.js';
import { settableClock } from '../../src/shared/clock.js';

let sequence = 0;

export function buildPersonInput(overrides: Partial<PersonInput> = {}): PersonInput {
  sequence += 1;
  return {
    givenName: `Nombre${sequence}`,
    familyName: `Apellido${sequence}`,
    organization: 'CEPAL',
    sector: 'international_organization',
    country: 'CL',
    ...overrides,
  };
}

export async function createTestPerson(overrides: Partial<PersonInput> = {}) {
  return createPerson(
    buildPersonInput(overrides),
    { label: 'test', via: 'system' },
    settableClock('2008-01-01T00:00:00Z'),
  );
}

/** Rosa Quispe of FLACSO, Ecuador: the speaker most programme tests follow. */
export const ROSA = {
  honorific: 'Dra.',
  givenName: 'Rosa',
  familyName: 'Quispe',
  organization: 'FLACSO',
  country: 'EC',
} as const;
