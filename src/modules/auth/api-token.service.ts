import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import { hashToken, newToken } from '../links/index.js';
import { ApiToken } from './api-token.model.js';
import { activeUser } from './user.service.js';
import type { UserView } from './user.model.js';

const PREFIX = 'foro_';
const TOKEN_SHAPE = /^foro_[A-Za-z0-9_-]{43}$/;
/** How often lastUsedAt is written: a busy integration should not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenView {
  id: string;
  name: string;
  user: { id: string; name: string; email: string } | undefined;
  createdAt: Date;
  revokedAt: Date | undefined;
  lastUsedAt: Date | undefined;
}

/** Creates a token for a user; the returned secret is never shown again. */
export async function createApiToken(
  input: { name: string; userId: string },
  actor: Actor,
  clock: Clock,
): Promise<{ id: string; secret: string }> {
  if (!(await activeUser(input.userId))) {
    throw new ValidationError([{ field: 'userId', code: 'unknown_reference' }]);
  }
  const secret = `${PREFIX}${newToken()}`;
  const token = await ApiToken.create({
    name: input.name,
    tokenHash: hashToken(secret),
    userId: input.userId,
    createdAt: clock.now(),
    createdBy: actor.userId ?? actor.label,
  });
  await recordChange(
    {
      action: 'api-token.created',
      subjectType: 'user',
      subjectId: input.userId,
      actor,
      changes: [{ field: 'token', from: null, to: input.name }],
    },
    clock,
  );
  return { id: token.id, secret };
}

export async function revokeApiToken(tokenId: string, actor: Actor, clock: Clock): Promise<void> {
  const token = await ApiToken.findById(tokenId).lean();
  if (!token) throw new NotFoundError();
  if (token.revokedAt) return;
  await ApiToken.updateOne({ _id: tokenId }, { $set: { revokedAt: clock.now() } });
  await recordChange(
    {
      action: 'api-token.revoked',
      subjectType: 'user',
      subjectId: token.userId,
      actor,
      changes: [{ field: 'token', from: token.name, to: null }],
    },
    clock,
  );
}

export async function listApiTokens(users: UserView[]): Promise<ApiTokenView[]> {
  const byId = new Map(users.map((user) => [user.id, user]));
  const tokens = await ApiToken.find().sort({ createdAt: -1 }).lean();
  return tokens.map((token) => {
    const user = byId.get(token.userId);
    return {
      id: String(token._id),
      name: token.name,
      user: user && { id: user.id, name: user.name, email: user.email },
      createdAt: token.createdAt,
      revokedAt: token.revokedAt ?? undefined,
      lastUsedAt: token.lastUsedAt ?? undefined,
    };
  });
}

/** The active user behind a live token, with the token's name for the audit trail. */
export async function userForApiToken(
  secret: string,
  clock: Clock,
): Promise<{ user: UserView; tokenName: string } | undefined> {
  if (!TOKEN_SHAPE.test(secret)) return undefined;
  const token = await ApiToken.findOne({ tokenHash: hashToken(secret) }).lean();
  if (!token || token.revokedAt) return undefined;
  const user = await activeUser(token.userId);
  if (!user) return undefined;
  const now = clock.now();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await ApiToken.updateOne({ _id: token._id }, { $set: { lastUsedAt: now } });
  }
  return { user, tokenName: token.name };
}
