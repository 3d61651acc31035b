import { listSessions, type SessionView } from '../../agenda/index.js';
import type { Attendance } from '../../published-programme/index.js';
import { Registration } from '../registration.model.js';
import { toRegistrationView, type RegistrationView } from '../registration.views.js';
import { scopes, type SeatAllocator } from './seats.js';

const WITH_PLACES = new Set(['workshop', 'side_event']);

/** The sessions people sign up for at registration: workshops and side events not cancelled. */
export async function workshopsOf(eventId: string): Promise<SessionView[]> {
  return (await listSessions(eventId)).filter((s) => WITH_PLACES.has(s.type) && s.status !== 'cancelled');
}

async function setWorkshops(registration: RegistrationView, workshops: RegistrationView['workshops']) {
  await Registration.updateOne({ _id: registration.id }, { $set: { workshops } });
}

/**
 * Seats a confirmed registration in the workshops it asked for; each workshop has its own
 * capacity (the session's) and its own waiting list, in arrival order.
 */
export async function seatWorkshops(registration: RegistrationView, seats: SeatAllocator): Promise<void> {
  if (registration.workshops.length === 0) return;
  await setWorkshops(registration, await takeWorkshopPlaces(registration, seats));
}

/** Takes a confirmed registration's workshop places; returns each workshop's status, nothing written. */
export async function takeWorkshopPlaces(
  registration: Pick<RegistrationView, 'id' | 'eventId' | 'workshops'>,
  seats: SeatAllocator,
  options: { fresh?: boolean } = {},
): Promise<RegistrationView['workshops']> {
  if (registration.workshops.length === 0) return [];
  const sessions = new Map((await workshopsOf(registration.eventId)).map((s) => [s.id, s]));
  const next: RegistrationView['workshops'] = [];
  for (const w of registration.workshops) {
    const session = sessions.get(w.sessionId);
    if (!session) continue;
    const result = await seats.take(scopes.workshop(w.sessionId), session.capacity, registration.id, options);
    next.push({ sessionId: w.sessionId, status: result === 'full' ? 'waitlisted' : 'confirmed' });
  }
  return next;
}

/** Gives back a registration's workshop places and fills each from its own waiting list. */
export async function unseatWorkshops(registration: RegistrationView, seats: SeatAllocator): Promise<void> {
  const freed = await releaseWorkshopPlaces(registration, seats);
  await setWorkshops(
    registration,
    registration.workshops.map((w) => ({ ...w, status: 'requested' as const })),
  );
  for (const sessionId of freed) await promoteWorkshop(registration.eventId, sessionId, seats);
}

/** Gives back the workshop places a holder may have taken; returns the workshops where one freed. */
export async function releaseWorkshopPlaces(
  holder: { id: string; eventId: string; workshops: { sessionId: string }[] },
  seats: SeatAllocator,
): Promise<string[]> {
  if (holder.workshops.length === 0) return [];
  const freed = [];
  const sessions = new Map((await workshopsOf(holder.eventId)).map((s) => [s.id, s]));
  for (const w of holder.workshops) {
    const capacity = sessions.get(w.sessionId)?.capacity;
    if (await seats.release(scopes.workshop(w.sessionId), capacity, holder.id)) freed.push(w.sessionId);
  }
  return freed;
}

/** The first confirmed registrations waiting for this workshop take the places it has free. */
export async function promoteWorkshop(
  eventId: string,
  sessionId: string,
  seats: SeatAllocator,
): Promise<void> {
  const session = (await workshopsOf(eventId)).find((s) => s.id === sessionId);
  if (!session) return;
  const waiting = await Registration.find({ eventId, status: 'confirmed', 'workshops.sessionId': sessionId })
    .sort({ arrival: 1 })
    .lean();
  for (const doc of waiting) {
    const registration = toRegistrationView(doc);
    const wish = registration.workshops.find((w) => w.sessionId === sessionId);
    if (wish?.status !== 'waitlisted') continue;
    const result = await seats.take(scopes.workshop(sessionId), session.capacity, registration.id);
    if (result === 'full') return;
    await setWorkshops(
      registration,
      registration.workshops.map((w) =>
        w.sessionId === sessionId ? { ...w, status: 'confirmed' as const } : w,
      ),
    );
  }
}

/** What a person's registration says about the sessions they attend (for their calendar and programme). */
export async function attendanceOf(eventId: string, personId: string): Promise<Attendance | undefined> {
  const registration = await Registration.findOne(
    { eventId, personId },
    { status: 1, category: 1, workshops: 1 },
  ).lean();
  // A speaker's or chair's calendar holds the sessions of their roles, not the whole programme.
  if (!registration || registration.category === 'programme_participant') return undefined;
  return {
    confirmed: registration.status === 'confirmed',
    workshopIds: (registration.workshops ?? [])
      .filter((w) => w.status === 'confirmed')
      .map((w) => w.sessionId),
  };
}
