import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { parse } from '../../shared/validate.js';
import { inviteUserInput, newPasswordInput } from './auth.schemas.js';
import type { UserView } from './user.model.js';
import * as users from './user.service.js';

/** Use cases for command-line scripts: the same validation as the web forms. */
export async function createUserWithPassword(
  raw: unknown,
  password: string,
  actor: Actor,
  clock: Clock,
): Promise<UserView> {
  const input = parse(inviteUserInput, raw);
  parse(newPasswordInput, { password, confirm: password });
  return users.createUser({ ...input, password }, actor, clock);
}

export async function inviteUserForCli(raw: unknown, actor: Actor, clock: Clock, publicUrl: string) {
  const { user, link } = await users.inviteUser(parse(inviteUserInput, raw), actor, clock);
  return { user, url: `${publicUrl}/account/setup/${link.token}`, expiresAt: link.expiresAt };
}
