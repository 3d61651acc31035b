import { createUser, type Role } from '../../src/modules/auth/index.js';
import { settableClock } from '../../src/shared/clock.js';

let sequence = 0;

export const TEST_PASSWORD = 'correct horse battery staple';

/** An active account with a known password. */
export async function createTestUser(
  overrides: { role?: Role; email?: string; name?: string; password?: string } = {},
) {
  sequence += 1;
  const password = overrides.password ?? TEST_PASSWORD;
  const user = await createUser(
    {
      email: overrides.email ?? `person${sequence}@example.org`,
      name: overrides.name ?? `Persona ${sequence}`,
      role: overrides.role ?? 'organizer',
      password,
    },
    { label: 'test', via: 'system' },
    settableClock('2008-01-01T00:00:00Z'),
  );
  return { ...user, password };
}
