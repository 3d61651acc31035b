import { DateTime } from 'luxon';
import type { Version } from './publish.service.js';

const inZone = (iso: string, timeZone: string) =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toISO({ suppressMilliseconds: true });

/** The published programme for machines: times in ISO 8601 with the event's offset. */
export function programmeJson(
  version: Version,
  documents: ReadonlyMap<string, readonly string[]> = new Map(),
  speakersLists: ReadonlySet<string> = new Set(),
) {
  const { event, sessions } = version.snapshot;
  return {
    event: {
      slug: event.slug,
      title: event.title,
      timezone: event.timezone,
      startDate: event.startDate,
      endDate: event.endDate,
      venue: event.venue,
    },
    version: version.number,
    publishedAt: version.publishedAt.toISOString(),
    sessions: sessions.map((s) => ({
      id: s.id,
      type: s.type,
      status: s.status,
      title: s.title,
      description: s.description,
      startsAt: inZone(s.startsAt, event.timezone),
      endsAt: inZone(s.endsAt, event.timezone),
      room: s.roomName ?? null,
      theme: s.theme ?? null,
      people: s.people.map(({ personId: _personId, order: _order, ...person }) => person),
      documents: [...(documents.get(s.id) ?? [])],
      speakersList: speakersLists.has(s.id) ? `/events/${event.slug}/sessions/${s.id}/speakers` : null,
    })),
  };
}
