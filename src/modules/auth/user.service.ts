import { DAY_MS } from '../../shared/time.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import type { Language } from '../../shared/i18n/index.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import { consumeLink, issueLink, openLink, revokeLinks, type IssuedLink } from '../links/index.js';
import { AccountDisabledError, InvalidCredentialsError } from './auth.errors.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.js';
import { type Role, toUserView, User, type UserView } from './user.model.js';

export const ACCOUNT_LINKS = {
  setup: { purpose: 'account.setup', validForMs: 7 * DAY_MS },
  reset: { purpose: 'account.reset', validForMs: 2 * DAY_MS },
} as const;
export type AccountLinkKind = keyof typeof ACCOUNT_LINKS;

async function findUser(userId: string) {
  const user = await User.findById(userId).lean();
  if (!user) throw new NotFoundError();
  return user;
}

async function ensureEmailFree(email: string): Promise<void> {
  if (await User.exists({ email })) throw new ConflictError('EMAIL_TAKEN');
}

/** An active account with a password (the first admin, from the command line). */
export async function createUser(
  input: { email: string; name: string; role: Role; password: string },
  actor: Actor,
  clock: Clock,
): Promise<UserView> {
  await ensureEmailFree(input.email);
  const user = await User.create({
    email: input.email,
    name: input.name,
    role: input.role,
    status: 'active',
    passwordHash: await hashPassword(input.password),
  });
  await recordChange(
    {
      action: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      actor,
      changes: [{ field: 'role', from: null, to: input.role }],
    },
    clock,
  );
  return toUserView(user.toObject());
}

/** An account without a password, and a one-time link for its owner to set one. */
export async function inviteUser(
  input: { email: string; name: string; role: Role; language?: Language | null | undefined },
  actor: Actor,
  clock: Clock,
): Promise<{ user: UserView; link: IssuedLink }> {
  await ensureEmailFree(input.email);
  const { language, ...fields } = input;
  const user = await User.create({ ...fields, ...(language && { language }), status: 'invited' });
  const link = await issueLink({ ...ACCOUNT_LINKS.setup, subject: user.id }, clock);
  await recordChange(
    {
      action: 'user.invited',
      subjectType: 'user',
      subjectId: user.id,
      actor,
      changes: [
        { field: 'role', from: null, to: input.role },
        ...(input.language ? [{ field: 'language', from: null, to: input.language }] : []),
      ],
    },
    clock,
  );
  return { user: toUserView(user.toObject()), link };
}

/** A one-time link to set a new password; earlier reset links stay valid until used or expired. */
export async function issuePasswordReset(userId: string, actor: Actor, clock: Clock): Promise<IssuedLink> {
  const user = await findUser(userId);
  if (user.status === 'disabled') throw new ConflictError('ACCOUNT_DISABLED');
  const kind = user.status === 'invited' ? ACCOUNT_LINKS.setup : ACCOUNT_LINKS.reset;
  const link = await issueLink({ ...kind, subject: userId }, clock);
  await recordChange(
    { action: 'user.reset-link-issued', subjectType: 'user', subjectId: userId, actor },
    clock,
  );
  return link;
}

/** Who a setup or reset link belongs to, without using it up. */
export async function accountForLink(token: string, kind: AccountLinkKind, clock: Clock): Promise<UserView> {
  const { subject } = await openLink(token, ACCOUNT_LINKS[kind].purpose, clock);
  return toUserView(await findUser(subject));
}

/** Uses a setup or reset link once: sets the password, activates an invited account, ends other sessions. */
export async function setPasswordWithLink(
  token: string,
  kind: AccountLinkKind,
  password: string,
  clock: Clock,
): Promise<UserView> {
  const userId = await consumeLink(token, ACCOUNT_LINKS[kind].purpose, clock);
  const user = await findUser(userId);
  if (user.status === 'disabled') throw new AccountDisabledError();
  await User.updateOne(
    { _id: userId },
    { $set: { passwordHash: await hashPassword(password), status: 'active' }, $inc: { authVersion: 1 } },
  );
  if (kind === 'setup') await revokeLinks(userId, [ACCOUNT_LINKS.setup.purpose]);
  await recordChange(
    {
      action: kind === 'setup' ? 'user.activated' : 'user.password-reset',
      subjectType: 'user',
      subjectId: userId,
      actor: { userId, label: user.email, via: 'link' },
    },
    clock,
  );
  return toUserView({ ...user, status: 'active' });
}

/** Sets a password directly (command-line tools); other sessions of the account end. */
export async function setUserPassword(
  userId: string,
  password: string,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  await findUser(userId);
  await User.updateOne(
    { _id: userId },
    { $set: { passwordHash: await hashPassword(password), status: 'active' }, $inc: { authVersion: 1 } },
  );
  await recordChange({ action: 'user.password-reset', subjectType: 'user', subjectId: userId, actor }, clock);
}

export async function findUserByEmail(email: string): Promise<UserView | undefined> {
  const user = await User.findOne({ email: email.toLowerCase() }).lean();
  return user ? toUserView(user) : undefined;
}

/** Checks a sign-in. Unknown email and wrong password get the same error after the same work. */
export async function authenticate(
  email: string,
  password: string,
  clock: Clock,
): Promise<UserView & { authVersion: number }> {
  const user = await User.findOne({ email }).lean();
  if (!user?.passwordHash) {
    await verifyAgainstDummy(password);
    throw new InvalidCredentialsError();
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw new InvalidCredentialsError();
  if (user.status !== 'active') throw new AccountDisabledError();
  await User.updateOne({ _id: user._id }, { $set: { lastLoginAt: clock.now() } });
  return { ...toUserView(user), authVersion: user.authVersion };
}

export async function changeOwnPassword(
  userId: string,
  input: { current: string; password: string },
  clock: Clock,
): Promise<number> {
  const user = await findUser(userId);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.current))) {
    throw new InvalidCredentialsError();
  }
  const authVersion = user.authVersion + 1;
  await User.updateOne(
    { _id: userId },
    { $set: { passwordHash: await hashPassword(input.password), authVersion } },
  );
  await recordChange(
    {
      action: 'user.password-changed',
      subjectType: 'user',
      subjectId: userId,
      actor: { userId, label: user.email, via: 'ui' },
    },
    clock,
  );
  return authVersion;
}

/**
 * Changes role, status or the language of the account's mails. Disabling ends the user's
 * sessions; nobody can lock themselves out.
 */
export async function updateUser(
  userId: string,
  input: {
    role?: Role | undefined;
    status?: 'active' | 'disabled' | undefined;
    /** null: each event's first language. */
    language?: Language | null | undefined;
  },
  actor: Actor,
  clock: Clock,
): Promise<UserView> {
  const user = await findUser(userId);
  if (actor.userId === userId && (input.status === 'disabled' || (input.role && input.role !== 'admin'))) {
    throw new ForbiddenError('An admin cannot disable or demote their own account');
  }
  const changes = [];
  if (input.role && input.role !== user.role)
    changes.push({ field: 'role', from: user.role, to: input.role });
  const nextStatus = input.status === 'active' && !user.passwordHash ? 'invited' : input.status;
  if (nextStatus && nextStatus !== user.status)
    changes.push({ field: 'status', from: user.status, to: nextStatus });
  if (input.language !== undefined && input.language !== (user.language ?? null))
    changes.push({ field: 'language', from: user.language ?? null, to: input.language });
  if (changes.length === 0) return toUserView(user);
  const set = {
    ...(input.role && { role: input.role }),
    ...(nextStatus && { status: nextStatus }),
    ...(input.language && { language: input.language }),
  };
  await User.updateOne(
    { _id: userId },
    {
      ...(Object.keys(set).length > 0 && { $set: set }),
      ...(input.language === null && { $unset: { language: 1 } }),
      ...(nextStatus === 'disabled' && { $inc: { authVersion: 1 } }),
    },
  );
  await recordChange(
    { action: 'user.updated', subjectType: 'user', subjectId: userId, actor, changes },
    clock,
  );
  return toUserView(await findUser(userId));
}

export async function listUsers(): Promise<UserView[]> {
  // A team's accounts, a few dozen: sorted here, in Spanish order (the database sorts bytes).
  const names = new Intl.Collator('es', { sensitivity: 'base' });
  return (await User.find().lean()).map(toUserView).sort((a, b) => names.compare(a.name, b.name));
}

export async function getUser(userId: string): Promise<UserView> {
  return toUserView(await findUser(userId));
}

/** The signed-in user behind a session, if the session is still valid for that account. */
export async function userForSession(userId: string, authVersion: number): Promise<UserView | undefined> {
  const user = await User.findById(userId).lean();
  if (!user || user.status !== 'active' || user.authVersion !== authVersion) return undefined;
  return toUserView(user);
}

/** The user if the account is active (API tokens act only for active accounts). */
export async function activeUser(userId: string): Promise<UserView | undefined> {
  const user = await User.findById(userId).lean();
  return user?.status === 'active' ? toUserView(user) : undefined;
}
