import { trilingual, type Trilingual } from '../../shared/trilingual.js';
import type { Language } from '../../shared/i18n/index.js';
import type { AssignmentFields, AssignmentRole, AssignmentStatus } from './assignments/assignment.model.js';
import type { SessionFields, SessionStatus, SessionType } from './sessions/session.model.js';

export interface SessionView {
  id: string;
  eventId: string;
  type: SessionType;
  title: Trilingual;
  description: Trilingual;
  roomId: string | undefined;
  startsAt: Date | undefined;
  endsAt: Date | undefined;
  theme: string | undefined;
  language: Language | undefined;
  interpretation: Language[];
  expectedAttendance: number | undefined;
  capacity: number | undefined;
  status: SessionStatus;
  revision: number;
}

export interface AssignmentView {
  id: string;
  eventId: string;
  sessionId: string;
  personId: string;
  role: AssignmentRole;
  order: number;
  status: AssignmentStatus;
  respondedAt: Date | undefined;
  message: string | undefined;
}

export function toSessionView(session: SessionFields & { _id: unknown }): SessionView {
  return {
    id: String(session._id),
    eventId: session.eventId,
    type: session.type as SessionType,
    title: trilingual(session.title),
    description: trilingual(session.description),
    roomId: session.roomId ?? undefined,
    startsAt: session.startsAt ?? undefined,
    endsAt: session.endsAt ?? undefined,
    theme: session.theme ?? undefined,
    language: (session.language ?? undefined) as Language | undefined,
    interpretation: (session.interpretation ?? []) as Language[],
    expectedAttendance: session.expectedAttendance ?? undefined,
    capacity: session.capacity ?? undefined,
    status: session.status as SessionStatus,
    revision: session.revision,
  };
}

export function toAssignmentView(assignment: AssignmentFields & { _id: unknown }): AssignmentView {
  return {
    id: String(assignment._id),
    eventId: assignment.eventId,
    sessionId: assignment.sessionId,
    personId: assignment.personId,
    role: assignment.role as AssignmentRole,
    order: assignment.order,
    status: assignment.status as AssignmentStatus,
    respondedAt: assignment.respondedAt ?? undefined,
    message: assignment.message ?? undefined,
  };
}

/** Sessions by start time, then room; unscheduled ones last. */
export function byTime(a: SessionView, b: SessionView): number {
  const ta = a.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  const tb = b.startsAt?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return ta - tb || (a.roomId ?? '').localeCompare(b.roomId ?? '') || a.id.localeCompare(b.id);
}
