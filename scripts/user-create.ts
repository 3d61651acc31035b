/**
 * Creates an account, typically the first admin:
 *
 *   npm run user:create -- --email ana@example.org --name "Ana Pérez" [--role admin]
 *       asks for the password (or reads it from the first line of standard input)
 *   npm run user:create -- --email ana@example.org --name "Ana Pérez" --invite
 *       prints a one-time link instead, for the person to choose their password
 */
import { parseArgs } from 'node:util';
import { createUserWithPassword, inviteUserForCli } from '../src/modules/auth/index.js';
import { readSecret, runScript } from './support.js';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', default: 'admin' },
    invite: { type: 'boolean', default: false },
  },
});

await runScript('user:create', async ({ config, clock, actor }) => {
  const input = { email: values.email, name: values.name, role: values.role };
  if (values.invite) {
    const { user, url, expiresAt } = await inviteUserForCli(input, actor, clock, config.publicUrl);
    console.log(`Invited ${user.name} <${user.email}> as ${user.role}.`);
    console.log(`One-time link (valid until ${expiresAt.toISOString()}):\n${url}`);
    return;
  }
  const password = await readSecret('Password (at least 12 characters): ');
  const user = await createUserWithPassword(input, password, actor, clock);
  console.log(
    `Created ${user.name} <${user.email}> as ${user.role}. They can sign in at ${config.publicUrl}/login`,
  );
});
