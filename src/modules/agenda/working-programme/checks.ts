import { instantToLocal } from '../../../shared/zoned-time.js';
import type { Gender, Sector } from '../../people/index.js';
import type { AssignmentView, SessionView } from '../agenda.views.js';
import { ACTIVE_STATUSES, type AssignmentRole } from '../assignments/assignment.model.js';

/**
 * The programme's checks. They warn and never block saving. Pure functions over plain data,
 * so the builder, the session page, publishing and the API all show the same results.
 */
export type WarningCode =
  | 'person_double_booked'
  | 'room_double_booked'
  | 'outside_event_dates'
  | 'ends_before_start'
  | 'over_room_capacity'
  | 'panel_single_gender'
  | 'panel_single_country'
  | 'panel_single_sector';

export interface Warning {
  code: WarningCode;
  sessionIds: string[];
  personId?: string;
  roomId?: string;
  params?: Record<string, string | number>;
}

export interface ProgrammeFigures {
  /** Distinct speakers and commentators whose gender is known, and the women among them. */
  speakersWithKnownGender: number;
  womenSpeakers: number;
  /** Participating countries with nobody in a speaking role. */
  countriesWithoutSpeakers: string[];
  /** People in speaking roles per sector. */
  sectors: Partial<Record<Sector, number>>;
}

export interface CheckInput {
  event: {
    startDate: string;
    endDate: string;
    timezone: string;
    countries: string[];
    rooms: { id: string; capacity?: number | undefined }[];
  };
  sessions: SessionView[];
  assignments: AssignmentView[];
  people: Map<
    string,
    { gender?: Gender | undefined; country?: string | undefined; sector?: Sector | undefined }
  >;
}

const SPEAKING_ROLES: readonly AssignmentRole[] = ['speaker', 'commentator', 'chair', 'moderator'];
const BALANCED_TYPES = new Set(['panel', 'plenary']);

type Timed = SessionView & { startsAt: Date; endsAt: Date };
const isTimed = (s: SessionView): s is Timed => Boolean(s.startsAt && s.endsAt);
const overlaps = (a: Timed, b: Timed) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/** Pairs of overlapping sessions in a list sorted by start. */
function overlappingPairs(sessions: Timed[]): [Timed, Timed][] {
  const pairs: [Timed, Timed][] = [];
  for (let i = 0; i < sessions.length; i += 1) {
    const a = sessions[i]!;
    for (let j = i + 1; j < sessions.length && sessions[j]!.startsAt < a.endsAt; j += 1) {
      if (overlaps(a, sessions[j]!)) pairs.push([a, sessions[j]!]);
    }
  }
  return pairs;
}

const byStart = (a: Timed, b: Timed) => a.startsAt.getTime() - b.startsAt.getTime();

export function checkProgramme(input: CheckInput): { warnings: Warning[]; figures: ProgrammeFigures } {
  const live = input.sessions.filter((s) => s.status !== 'cancelled');
  const liveIds = new Set(live.map((s) => s.id));
  const sessionsById = new Map(live.map((s) => [s.id, s]));
  const active = input.assignments.filter(
    (a) => ACTIVE_STATUSES.includes(a.status) && liveIds.has(a.sessionId),
  );
  const warnings: Warning[] = [];

  // A person in two overlapping sessions, in any role, across rooms.
  const sessionsOfPerson = new Map<string, Set<string>>();
  for (const a of active) {
    if (!sessionsOfPerson.has(a.personId)) sessionsOfPerson.set(a.personId, new Set());
    sessionsOfPerson.get(a.personId)!.add(a.sessionId);
  }
  for (const [personId, ids] of sessionsOfPerson) {
    const timed = [...ids]
      .map((id) => sessionsById.get(id)!)
      .filter(isTimed)
      .sort(byStart);
    for (const [a, b] of overlappingPairs(timed)) {
      warnings.push({ code: 'person_double_booked', personId, sessionIds: [a.id, b.id] });
    }
  }

  // Two sessions in one room at once.
  const byRoom = new Map<string, Timed[]>();
  for (const s of live.filter(isTimed)) {
    if (!s.roomId) continue;
    if (!byRoom.has(s.roomId)) byRoom.set(s.roomId, []);
    byRoom.get(s.roomId)!.push(s);
  }
  for (const [roomId, sessions] of byRoom) {
    for (const [a, b] of overlappingPairs(sessions.sort(byStart))) {
      warnings.push({ code: 'room_double_booked', roomId, sessionIds: [a.id, b.id] });
    }
  }

  const rooms = new Map(input.event.rooms.map((r) => [r.id, r]));
  for (const s of live) {
    if (s.startsAt && s.endsAt) {
      if (s.endsAt <= s.startsAt) warnings.push({ code: 'ends_before_start', sessionIds: [s.id] });
      const day = instantToLocal(s.startsAt, input.event.timezone).date;
      const lastDay = instantToLocal(s.endsAt, input.event.timezone).date;
      if (day < input.event.startDate || lastDay > input.event.endDate) {
        warnings.push({ code: 'outside_event_dates', sessionIds: [s.id], params: { date: day } });
      }
    }
    const capacity = s.roomId ? rooms.get(s.roomId)?.capacity : undefined;
    const wanted = Math.max(s.expectedAttendance ?? 0, s.capacity ?? 0);
    if (capacity !== undefined && wanted > capacity) {
      warnings.push({
        code: 'over_room_capacity',
        sessionIds: [s.id],
        ...(s.roomId && { roomId: s.roomId }),
        params: { wanted, capacity },
      });
    }
  }

  // Balance per panel, over the people in speaking roles.
  const speakersBySession = new Map<string, Set<string>>();
  for (const a of active) {
    if (!SPEAKING_ROLES.includes(a.role)) continue;
    if (!speakersBySession.has(a.sessionId)) speakersBySession.set(a.sessionId, new Set());
    speakersBySession.get(a.sessionId)!.add(a.personId);
  }
  for (const [sessionId, personIds] of speakersBySession) {
    if (!BALANCED_TYPES.has(sessionsById.get(sessionId)!.type) || personIds.size < 2) continue;
    const people = [...personIds].map((id) => input.people.get(id) ?? {});
    const single = (values: (string | undefined)[]) => {
      const known = values.filter((v): v is string => Boolean(v));
      return known.length === values.length && new Set(known).size === 1 ? known[0] : undefined;
    };
    const gender = single(people.map((p) => (p.gender === 'undisclosed' ? undefined : p.gender)));
    if (gender) warnings.push({ code: 'panel_single_gender', sessionIds: [sessionId], params: { gender } });
    const country = single(people.map((p) => p.country));
    if (country)
      warnings.push({ code: 'panel_single_country', sessionIds: [sessionId], params: { country } });
    const sector = single(people.map((p) => p.sector));
    if (sector) warnings.push({ code: 'panel_single_sector', sessionIds: [sessionId], params: { sector } });
  }

  return { warnings, figures: programmeFigures(input, active) };
}

function programmeFigures(input: CheckInput, active: AssignmentView[]): ProgrammeFigures {
  const speakers = new Set(
    active.filter((a) => a.role === 'speaker' || a.role === 'commentator').map((a) => a.personId),
  );
  let known = 0;
  let women = 0;
  for (const id of speakers) {
    const gender = input.people.get(id)?.gender;
    if (gender && gender !== 'undisclosed') known += 1;
    if (gender === 'female') women += 1;
  }
  const speaking = new Set(active.filter((a) => SPEAKING_ROLES.includes(a.role)).map((a) => a.personId));
  const countriesHeard = new Set<string>();
  const sectors: Partial<Record<Sector, number>> = {};
  for (const id of speaking) {
    const person = input.people.get(id);
    if (person?.country) countriesHeard.add(person.country);
    if (person?.sector) sectors[person.sector] = (sectors[person.sector] ?? 0) + 1;
  }
  return {
    speakersWithKnownGender: known,
    womenSpeakers: women,
    countriesWithoutSpeakers: input.event.countries.filter((c) => !countriesHeard.has(c)),
    sectors,
  };
}
