import { localized, trilingual, type Trilingual } from '../../shared/trilingual.js';
import { isLanguage, type Language } from '../../shared/i18n/index.js';
import type { EventFields, EventStatus } from './event.model.js';

export interface RoomView {
  id: string;
  name: string;
  capacity: number | undefined;
  interpretation: Language[];
}

export interface InvitationSettings {
  /** Last day to answer (`YYYY-MM-DD`, in the event's zone); unset = derived per invitation. */
  deadline: string | undefined;
  /** Days of silence before a reminder. */
  reminderDays: number;
  /** Reminders per invitation, at most. */
  reminderMax: number;
}

/** The event's own mail sender: each part optional, the configuration's where left out. */
export interface EventSender {
  name?: string;
  address?: string;
  replyTo?: string;
}

export interface EventView {
  id: string;
  slug: string;
  title: Trilingual;
  description: Trilingual;
  organizers: Trilingual;
  venue: { name?: string; address?: string; city?: string; country?: string };
  timezone: string;
  startDate: string;
  endDate: string;
  languages: Language[];
  countries: string[];
  rooms: RoomView[];
  invitations: InvitationSettings;
  sender: EventSender;
  status: EventStatus;
  revision: number;
  publishedAt: Date | undefined;
  demo: boolean;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
}

type StoredEvent = EventFields & { _id: unknown; createdAt?: Date; updatedAt?: Date };

/** The parts of a stored sender that are set. */
export function toEventSender(
  sender: { name?: string | null; address?: string | null; replyTo?: string | null } | null | undefined,
): EventSender {
  return {
    ...(sender?.name && { name: sender.name }),
    ...(sender?.address && { address: sender.address }),
    ...(sender?.replyTo && { replyTo: sender.replyTo }),
  };
}

export function toEventView(event: StoredEvent): EventView {
  const venue = event.venue ?? {};
  return {
    id: String(event._id),
    slug: event.slug,
    title: trilingual(event.title),
    description: trilingual(event.description),
    organizers: trilingual(event.organizers),
    venue: {
      ...(venue.name && { name: venue.name }),
      ...(venue.address && { address: venue.address }),
      ...(venue.city && { city: venue.city }),
      ...(venue.country && { country: venue.country }),
    },
    timezone: event.timezone,
    startDate: event.startDate,
    endDate: event.endDate,
    // Copies: a stored event may be shared by simultaneous requests (`readTogether`).
    languages: [...(event.languages ?? [])] as Language[],
    countries: [...(event.countries ?? [])],
    rooms: (event.rooms ?? []).map((room) => ({
      id: String((room as { _id?: unknown })._id),
      name: room.name,
      capacity: room.capacity ?? undefined,
      interpretation: (room.interpretation ?? []) as Language[],
    })),
    invitations: {
      deadline: event.invitations?.deadline ?? undefined,
      reminderDays: event.invitations?.reminderDays ?? 7,
      reminderMax: event.invitations?.reminderMax ?? 2,
    },
    sender: toEventSender(event.sender),
    status: event.status as EventStatus,
    revision: event.revision,
    publishedAt: event.publishedAt ?? undefined,
    demo: event.demo ?? false,
    createdAt: event.createdAt,
    updatedAt: event.updatedAt,
  };
}

export { localized, type Trilingual };

/**
 * A page about an event: its heading, and a window title that names the event by its title in
 * the reader's language, never by its slug ("Inscripción · Foro Iberoamericano sobre…").
 */
export function eventPage(
  event: Pick<EventView, 'title' | 'languages'>,
  language: Language,
  heading: string,
): { heading: string; title: string } {
  return { heading, title: `${heading} · ${localized(event.title, language, event.languages)}` };
}

/** A recipient's language (a person, a focal point, a team account): their own if Foro speaks it, else the event's first. */
export function languageOf(
  recipient: { language?: string | null | undefined },
  event: Pick<EventView, 'languages'>,
): Language {
  if (recipient.language && isLanguage(recipient.language)) return recipient.language;
  return event.languages[0] ?? 'es';
}
