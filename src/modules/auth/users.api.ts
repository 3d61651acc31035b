import { pathParam } from '../../web/params.js';
import { z } from 'zod';
import type { Config } from '../../config/index.js';
import type { Clock } from '../../shared/clock.js';
import { LANGUAGES } from '../../shared/i18n/index.js';
import type { ApiRegistry } from '../../web/api-registry.js';
import { actorOf, requireRole } from './auth.middleware.js';
import { inviteUserInput, updateUserInput } from './auth.schemas.js';
import { ROLES, USER_STATUSES, type UserView } from './user.model.js';
import { getUser, inviteUser, listUsers, updateUser } from './user.service.js';

const userOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  status: z.enum(USER_STATUSES),
  lastLoginAt: z.iso.datetime().optional(),
  language: z.enum(LANGUAGES).optional().describe('The language of the mails Foro sends the account'),
});

const toJson = (user: UserView) => ({ ...user, lastLoginAt: user.lastLoginAt?.toISOString() });

export function registerUsersApi(api: ApiRegistry, config: Config, clock: Clock): void {
  api.describeTag(
    'Users',
    'Accounts of the people who run Foro (admins, organizers, viewers): invite one with a link to set ' +
      'a password, change its role, disable it. Admins only.',
  );
  const admin = { tag: 'Users', access: 'admin' as const, guards: requireRole('admin') };

  api.add({
    ...admin,
    operationId: 'listUsers',
    method: 'get',
    path: '/users',
    summary: 'List user accounts',
    response: z.array(userOutput),
    handler: async () => (await listUsers()).map(toJson),
  });

  api.add({
    ...admin,
    operationId: 'getUser',
    method: 'get',
    path: '/users/:userId',
    summary: 'Read one user account',
    response: userOutput,
    handler: async (req) => toJson(await getUser(pathParam(req, 'userId'))),
  });

  api.add({
    ...admin,
    operationId: 'inviteUser',
    method: 'post',
    path: '/users',
    summary: 'Invite a user: creates the account and a one-time link to set its password',
    body: inviteUserInput,
    status: 201,
    conflicts: { EMAIL_TAKEN: 'an account has this address' },
    response: userOutput.extend({ setupUrl: z.string(), setupUrlExpiresAt: z.iso.datetime() }),
    handler: async (req, body) => {
      const { user, link } = await inviteUser(body, actorOf(req), clock);
      return {
        ...toJson(user),
        setupUrl: `${config.publicUrl}/account/setup/${link.token}`,
        setupUrlExpiresAt: link.expiresAt.toISOString(),
      };
    },
  });

  api.add({
    ...admin,
    operationId: 'updateUser',
    method: 'patch',
    path: '/users/:userId',
    accessNote: 'not their own role or status',
    summary: 'Change the role of an account or the language of its mails, or disable or re-enable it',
    body: updateUserInput,
    response: userOutput,
    handler: async (req, body) =>
      toJson(await updateUser(pathParam(req, 'userId'), body, actorOf(req), clock)),
  });
}
