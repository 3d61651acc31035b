import type { RegistrationInput } from '../../src/modules/registrations/registration.schemas.js';

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
