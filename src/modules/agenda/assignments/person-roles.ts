import type { Language } from '../../../shared/i18n/index.js';
import { getEvent, localized } from '../../events/index.js';
import { whenOf } from '../agenda.presenters.js';
import { listAssignments } from './assignment.service.js';
import { Session } from '../sessions/session.model.js';
import { toSessionView } from '../agenda.views.js';
import mongoose from 'mongoose';

export interface PersonRole {
  eventId: string;
  eventSlug: string;
  eventPublic: boolean;
  eventTitle: string;
  sessionId: string;
  sessionTitle: string;
  when: string;
  role: string;
  status: string;
}

/** Every role a person holds, across events, for their page. */
export async function rolesOfPerson(personId: string, language: Language): Promise<PersonRole[]> {
  const assignments = await listAssignments({ personId });
  if (assignments.length === 0) return [];
  const sessions = await Session.find({
    _id: mongoose.trusted({ $in: assignments.map((a) => a.sessionId) }),
  }).lean();
  const byId = new Map(sessions.map((s) => [String(s._id), toSessionView(s)]));
  const events = new Map(
    await Promise.all(
      [...new Set(assignments.map((a) => a.eventId))].map(async (id) => [id, await getEvent(id)] as const),
    ),
  );
  return assignments.flatMap((a) => {
    const session = byId.get(a.sessionId);
    const event = events.get(a.eventId);
    if (!session || !event) return [];
    return [
      {
        eventId: event.id,
        eventSlug: event.slug,
        eventPublic: event.status !== 'draft',
        eventTitle: localized(event.title, language, event.languages),
        sessionId: session.id,
        sessionTitle: localized(session.title, language, event.languages),
        when: whenOf(session, event),
        role: a.role,
        status: a.status,
      },
    ];
  });
}
