import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Secret feed URLs that can be shown again: an HMAC of (event, person, revision) with the
 * server's secret. Bumping the person's revision revokes every earlier URL.
 */
export function feedToken(secret: string, eventId: string, personId: string, revision: number): string {
  return createHmac('sha256', secret).update(`${eventId}:${personId}:${revision}`).digest('base64url');
}

export function isFeedToken(
  secret: string,
  eventId: string,
  personId: string,
  revision: number,
  token: string,
): boolean {
  const expected = Buffer.from(feedToken(secret, eventId, personId, revision));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A person's own programme (PDF) at the same secret address as their calendar feed. */
export function personalProgrammePath(
  secret: string,
  event: { id: string; slug: string },
  person: { id: string; feedRevision: number },
): string {
  return personFeedPath(secret, event, person).replace(/calendar\.ics$/, 'programme.pdf');
}

export function personFeedPath(
  secret: string,
  event: { id: string; slug: string },
  person: { id: string; feedRevision: number },
): string {
  return `/events/${event.slug}/people/${person.id}/${feedToken(secret, event.id, person.id, person.feedRevision)}/calendar.ics`;
}
