import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import type { Language } from '../../shared/i18n/index.js';
import { languageOf, type EventView } from './event.views.js';
import { ForbiddenError, NotFoundError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import { getUser, type UserView } from '../auth/index.js';
import { absentIfNotFound } from '../../shared/errors.js';
import { TeamMember } from './event.model.js';
import { policy } from './policy.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';

export interface Editor {
  id: string;
  role: 'admin' | 'organizer' | 'viewer';
}

/** Adds a person to an event's team; adding twice is harmless (the unique index decides). */
export async function addTeamMember(
  eventId: string,
  member: { id: string; label: string },
  actor: Actor,
  clock: Clock,
): Promise<void> {
  try {
    await TeamMember.create({ eventId, userId: member.id, notify: true, addedAt: clock.now() });
  } catch (error) {
    if (isDuplicateKey(error)) return;
    throw error;
  }
  await recordChange(
    {
      action: 'event.team-added',
      subjectType: 'event',
      subjectId: eventId,
      actor,
      changes: [{ field: 'team', from: null, to: member.label }],
    },
    clock,
  );
}

export async function removeTeamMember(
  eventId: string,
  member: { id: string; label: string },
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const { deletedCount } = await TeamMember.deleteOne({ eventId, userId: member.id });
  if (deletedCount === 0) throw new NotFoundError();
  await recordChange(
    {
      action: 'event.team-removed',
      subjectType: 'event',
      subjectId: eventId,
      actor,
      changes: [{ field: 'team', from: member.label, to: null }],
    },
    clock,
  );
}

export async function teamOf(eventId: string): Promise<{ userId: string; notify: boolean }[]> {
  const members = await TeamMember.find({ eventId }).sort({ addedAt: 1 }).lean();
  return members.map((member) => ({ userId: member.userId, notify: member.notify }));
}

/**
 * The active accounts of an event's team who asked to be told of what happens in it, each with
 * the language to write to them in: the account's own, or else the event's first.
 */
export async function teamToNotify(
  event: Pick<EventView, 'id' | 'languages'>,
): Promise<{ user: UserView; language: Language }[]> {
  const told: { user: UserView; language: Language }[] = [];
  for (const member of await teamOf(event.id)) {
    if (!member.notify) continue;
    const user = await getUser(member.userId).catch(absentIfNotFound);
    if (user && user.status === 'active') told.push({ user, language: languageOf(user, event) });
  }
  return told;
}

/** Admins edit every event; organizers only those whose team they are in; viewers none (policy.ts). */
export async function canEditEvent(user: Editor | undefined, eventId: string): Promise<boolean> {
  return (await policy.forEvent(user, eventId)).edit;
}

export async function assertCanEditEvent(user: Editor | undefined, eventId: string): Promise<void> {
  if (!(await canEditEvent(user, eventId))) throw new ForbiddenError();
}
