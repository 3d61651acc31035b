import { TeamMember } from './event.model.js';

/** Who asks: a signed-in account, or nobody. */
export interface Reader {
  id: string;
  role: 'admin' | 'organizer' | 'viewer';
}

/** What one account may do with the records of one event (or of no event). */
export interface Permissions {
  /** See the records: registrations, people as they appear, the outbox, history. */
  read: boolean;
  /** Change them: approve, edit, send, retry. */
  edit: boolean;
  /** E-mail addresses, phones and postal details of the people in them. */
  contactDetails: boolean;
  /** What was mailed to them: the mail itself carries their private links. */
  mailContents: boolean;
  /** The accounts in the history by address (others see account names). */
  accountAddresses: boolean;
}

const NOTHING: Permissions = {
  read: false,
  edit: false,
  contactDetails: false,
  mailContents: false,
  accountAddresses: false,
};
const READ_ONLY: Permissions = { ...NOTHING, read: true };
const EVERYTHING: Permissions = {
  read: true,
  edit: true,
  contactDetails: true,
  mailContents: true,
  accountAddresses: true,
};

/**
 * DESIGN.md §6 in one place. Admins may do everything. An organizer edits, and sees the contact
 * details and mails of, the events whose team they are in; another event's records they read as a
 * viewer does, without contact details or mail contents. Records that belong to no event (people
 * and national contacts outside any event) are for admins and organizers. Without an account:
 * nothing.
 */
/**
 * The team answer for one reader object and event, kept as long as that object lives: a
 * request's user is read afresh for each request, so the route guard, the route and its page
 * ask the database once between them.
 */
const teamAnswers = new WeakMap<Reader, Map<string, Promise<boolean>>>();

function inTeam(reader: Reader, eventId: string): Promise<boolean> {
  const answers = teamAnswers.get(reader) ?? new Map<string, Promise<boolean>>();
  teamAnswers.set(reader, answers);
  let answer = answers.get(eventId);
  if (!answer) {
    answer = TeamMember.exists({ eventId, userId: reader.id }).then(Boolean);
    answers.set(eventId, answer);
  }
  return answer;
}

export const policy = {
  /** For the records of one event. */
  async forEvent(reader: Reader | undefined, eventId: string): Promise<Permissions> {
    if (!reader) return NOTHING;
    if (reader.role === 'admin') return EVERYTHING;
    if (reader.role === 'organizer' && (await inTeam(reader, eventId))) return EVERYTHING;
    return READ_ONLY;
  },

  /**
   * For records that may belong to several events (a person registered in two): the widest
   * rights any of them gives; a record of no event falls under `forNoEvent`.
   */
  async forEvents(
    reader: Reader | undefined,
    eventIds: readonly string[],
    /** The reader's teams, when already read for a list. */
    teams?: Set<string>,
  ): Promise<Permissions> {
    if (eventIds.length === 0) return policy.forNoEvent(reader);
    if (!reader) return NOTHING;
    if (reader.role === 'admin') return EVERYTHING;
    if (reader.role !== 'organizer') return READ_ONLY;
    const theirs = teams ?? (await policy.teamOf(reader));
    return eventIds.some((id) => theirs.has(id)) ? EVERYTHING : READ_ONLY;
  },

  /** Whether a reader's permissions on records depend on their events: only an organizer's do. */
  dependsOnEvents(reader: Reader | undefined): boolean {
    return reader?.role === 'organizer';
  },

  /** People and contacts outside any event: organizers keep them (they prepare the next event). */
  forNoEvent(reader: Reader | undefined): Permissions {
    if (!reader) return NOTHING;
    if (reader.role === 'viewer') return READ_ONLY;
    return EVERYTHING;
  },

  /** The events whose team the reader is in (admins: every event, but this is not asked of them). */
  async teamOf(reader: Reader): Promise<Set<string>> {
    const rows = await TeamMember.find({ userId: reader.id }, { eventId: 1 }).lean();
    return new Set(rows.map((r) => r.eventId));
  },
};

/**
 * Who may open each route, before the route's own code looks at the record:
 * - `public`: anyone; `link`: anyone holding a private link (guarded by path, see rate-limit.ts);
 * - `signed-in`: any account, which then sees what `policy` above lets it (viewers and
 *   organizers of other events without addresses or mail contents);
 * - `organizer`: admins and organizers (records of no event: people, national contacts, new events);
 * - `team`: admins and the organizers of the event's team (the event in the path; for a record
 *   found by its own id, the route checks that record's event);
 * - `admin`: admins only (accounts, teams, API tokens, passport data, purge).
 * Every route Foro serves is here: a test walks them all as each role, so a new route without a
 * decision fails it.
 */
export type RouteRule = 'public' | 'link' | 'signed-in' | 'organizer' | 'team' | 'admin';

export const ROUTES: Record<string, RouteRule> = {
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /login': 'public',
  'POST /login': 'public',
  'POST /logout': 'public',
  'GET /account/setup/:token': 'link',
  'POST /account/setup/:token': 'link',
  'GET /account/reset/:token': 'link',
  'POST /account/reset/:token': 'link',
  'GET /account/password': 'signed-in',
  'POST /account/password': 'signed-in',
  'POST /account/language': 'signed-in',
  'GET /admin/users': 'admin',
  'POST /admin/users': 'admin',
  'GET /admin/users/:id': 'admin',
  'POST /admin/users/:id': 'admin',
  'POST /admin/users/:id/reset-link': 'admin',
  'GET /admin/tokens': 'admin',
  'POST /admin/tokens': 'admin',
  'POST /admin/tokens/:id/revoke': 'admin',
  'GET /admin': 'signed-in',
  'GET /admin/events': 'signed-in',
  'GET /admin/events/new': 'organizer',
  'POST /admin/events': 'organizer',
  'GET /admin/events/:eventId': 'signed-in',
  'GET /admin/events/:eventId/settings': 'signed-in',
  'GET /admin/events/:eventId/edit': 'team',
  'POST /admin/events/:eventId': 'team',
  'POST /admin/events/:eventId/status': 'team',
  'POST /admin/events/:eventId/rooms': 'team',
  'POST /admin/events/:eventId/rooms/:roomId': 'team',
  'POST /admin/events/:eventId/rooms/:roomId/delete': 'team',
  'POST /admin/events/:eventId/team': 'admin',
  'POST /admin/events/:eventId/team/:userId/delete': 'admin',
  'GET /admin/people': 'signed-in',
  'GET /admin/people/export.csv': 'signed-in',
  'GET /admin/people/new': 'organizer',
  'POST /admin/people': 'organizer',
  'GET /admin/people/import': 'organizer',
  'POST /admin/people/import': 'organizer',
  'GET /admin/people/import/:importId': 'organizer',
  'POST /admin/people/import/:importId/confirm': 'organizer',
  'GET /admin/people/:id': 'signed-in',
  'POST /admin/people/:id/calendar-reset': 'team',
  'GET /admin/people/:id/edit': 'team',
  'POST /admin/people/:id': 'team',
  'POST /admin/events/:eventId/agenda/move': 'team',
  'GET /admin/events/:eventId/agenda': 'signed-in',
  'GET /admin/events/:eventId/sessions/new': 'team',
  'POST /admin/events/:eventId/sessions': 'team',
  'GET /admin/events/:eventId/sessions/:sessionId': 'signed-in',
  'POST /admin/events/:eventId/sessions/:sessionId': 'team',
  'POST /admin/events/:eventId/sessions/:sessionId/status': 'team',
  'POST /admin/events/:eventId/sessions/:sessionId/assignments': 'team',
  'POST /admin/events/:eventId/sessions/:sessionId/assignments/:assignmentId': 'team',
  'POST /admin/events/:eventId/sessions/:sessionId/assignments/:assignmentId/delete': 'team',
  'GET /admin/events/:eventId/sessions/:sessionId/people/new': 'team',
  'POST /admin/events/:eventId/sessions/:sessionId/people': 'team',
  'GET /admin/events/:eventId/programme': 'signed-in',
  'GET /admin/events/:eventId/programme/preview': 'team',
  'POST /admin/events/:eventId/programme/publish': 'team',
  'GET /events/:slug/programme': 'public',
  'GET /events/:slug/programme.json': 'public',
  'GET /events/:slug/programme/versions/:number': 'public',
  'GET /events/:slug/calendar.ics': 'public',
  'GET /events/:slug/sessions/:sessionId/calendar.ics': 'public',
  'GET /events/:slug/people/:personId/:token/calendar.ics': 'link',
  'GET /events/:slug/programme.pdf': 'public',
  'GET /events/:slug/people/:personId/:token/programme.pdf': 'link',
  'GET /events/:slug/participants.pdf': 'public',
  'GET /admin/events/:eventId/participants.pdf': 'team',
  'GET /admin/events/:eventId/badges.pdf': 'team',
  'GET /admin/events/:eventId/check-in': 'team',
  'GET /admin/events/:eventId/downloads': 'signed-in',
  'POST /admin/events/:eventId/check-in': 'team',
  'GET /admin/events/:eventId/letters': 'team',
  'POST /admin/events/:eventId/letters': 'team',
  'POST /admin/events/:eventId/letters/signature': 'team',
  'GET /admin/events/:eventId/letters/signature/image': 'team',
  'GET /admin/events/:eventId/letters/visa.pdf': 'admin',
  'GET /admin/events/:eventId/letters/certificates.pdf': 'team',
  'GET /registrations/:token/certificate.pdf': 'link',
  'GET /letters/verify': 'public',
  'GET /admin/outbox': 'signed-in',
  'GET /admin/outbox/batches/:batchId': 'signed-in',
  'GET /admin/outbox/:id': 'team',
  'GET /admin/outbox/:id/html': 'team',
  'GET /admin/outbox/:id/eml': 'team',
  'POST /admin/outbox/:id/retry': 'team',
  'POST /admin/outbox/:id/cancel': 'team',
  'GET /admin/contacts': 'signed-in',
  'GET /admin/contacts.csv': 'organizer',
  'GET /admin/contacts/import': 'organizer',
  'POST /admin/contacts/import': 'organizer',
  'GET /admin/contacts/import/:importId': 'organizer',
  'POST /admin/contacts/import/:importId/confirm': 'organizer',
  'GET /admin/contacts/new': 'organizer',
  'POST /admin/contacts': 'organizer',
  'GET /admin/contacts/:id': 'signed-in',
  'POST /admin/contacts/:id': 'organizer',
  'POST /admin/contacts/:id/notes': 'organizer',
  'GET /admin/events/:eventId/invitations': 'signed-in',
  'GET /admin/events/:eventId/invitations/preview': 'team',
  'POST /admin/events/:eventId/invitations/send': 'team',
  'POST /admin/events/:eventId/invitations/:assignmentId/again': 'team',
  'POST /admin/events/:eventId/invitations/settings': 'team',
  'POST /admin/events/:eventId/invitations/reminders': 'team',
  'GET /admin/events/:eventId/invitations/:assignmentId': 'signed-in',
  'GET /admin/events/:eventId/mail-templates': 'team',
  'GET /admin/events/:eventId/mail-templates/:key/:language': 'team',
  'POST /admin/events/:eventId/mail-templates/:key/:language': 'team',
  'POST /admin/events/:eventId/mail-templates/:key/:language/reset': 'team',
  'GET /admin/events/:eventId/announcements': 'team',
  'GET /admin/events/:eventId/announcements/new': 'team',
  'POST /admin/events/:eventId/announcements': 'team',
  'GET /admin/events/:eventId/registrations': 'signed-in',
  'GET /admin/events/:eventId/registrations.csv': 'signed-in',
  'POST /admin/events/:eventId/registrations/decisions': 'team',
  'GET /admin/events/:eventId/registrations/settings': 'team',
  'POST /admin/events/:eventId/registrations/purge': 'admin',
  'POST /admin/events/:eventId/registrations/settings': 'team',
  'GET /admin/events/:eventId/registrations/:id/passport': 'admin',
  'GET /events/:slug/register': 'public',
  'POST /events/:slug/register': 'public',
  'GET /events/:slug/participants': 'public',
  'GET /events/:slug/register/thanks': 'public',
  'POST /events/:slug/register/thanks/resend': 'public',
  'GET /registrations/:token': 'link',
  'POST /registrations/:token': 'link',
  'POST /registrations/:token/cancel': 'link',
  'GET /admin/events/:eventId/delegations': 'signed-in',
  'POST /admin/events/:eventId/delegations': 'team',
  'GET /admin/events/:eventId/delegations/:delegationId': 'signed-in',
  'POST /admin/events/:eventId/delegations/:delegationId/resend': 'team',
  'POST /admin/events/:eventId/delegations/:delegationId/quota': 'team',
  'GET /admin/events/:eventId/delegations/:delegationId/note': 'team',
  'GET /nominations/:token': 'link',
  'POST /nominations/:token/members': 'link',
  'POST /nominations/:token/members/:registrationId/withdraw': 'link',
  'POST /nominations/:token/note': 'link',
  'GET /nominations/:token/note': 'link',
  'POST /nominations/:token/send': 'link',
  'GET /admin/events/:eventId/side-events': 'signed-in',
  'GET /admin/events/:eventId/side-events/settings': 'signed-in',
  'POST /admin/events/:eventId/side-events/settings': 'team',
  'POST /admin/events/:eventId/side-events/slots': 'team',
  'POST /admin/events/:eventId/side-events/slots/:slotId/delete': 'team',
  'GET /admin/events/:eventId/side-events/:proposalId': 'signed-in',
  'POST /admin/events/:eventId/side-events/:proposalId/accept': 'team',
  'POST /admin/events/:eventId/side-events/:proposalId/state': 'team',
  'POST /admin/events/:eventId/side-events/:proposalId/comments': 'team',
  'POST /admin/events/:eventId/side-events/:proposalId/merge': 'team',
  'GET /events/:slug/side-events/propose': 'public',
  'POST /events/:slug/side-events/propose': 'public',
  'GET /side-events/:token': 'link',
  'POST /side-events/:token': 'link',
  'POST /side-events/:token/withdraw': 'link',
  'POST /side-events/:token/take-slot': 'link',
  'GET /admin/events/:eventId/bilaterals': 'signed-in',
  'GET /admin/events/:eventId/bilaterals.pdf': 'signed-in',
  'POST /admin/events/:eventId/bilaterals': 'team',
  'POST /admin/events/:eventId/bilaterals/slots': 'team',
  'POST /admin/events/:eventId/bilaterals/:bilateralId/move': 'team',
  'POST /admin/events/:eventId/bilaterals/:bilateralId/cancel': 'team',
  'GET /nominations/:token/bilaterals': 'link',
  'GET /nominations/:token/bilaterals.ics': 'link',
  'POST /nominations/:token/bilaterals': 'link',
  'POST /nominations/:token/bilaterals/:bilateralId/accept': 'link',
  'POST /nominations/:token/bilaterals/:bilateralId/decline': 'link',
  'POST /nominations/:token/bilaterals/:bilateralId/cancel': 'link',
  'GET /admin/events/:eventId/coverage': 'signed-in',
  'GET /admin/events/:eventId/coverage.csv': 'signed-in',
  'GET /admin/events/:eventId/coverage/rooming.csv': 'team',
  'GET /admin/events/:eventId/speakers': 'signed-in',
  'GET /admin/events/:eventId/sessions/:sessionId/speakers': 'signed-in',
  'POST /admin/events/:eventId/sessions/:sessionId/speakers': 'team',
  'POST /admin/events/:eventId/sessions/:sessionId/speakers/publish': 'team',
  'POST /admin/events/:eventId/sessions/:sessionId/speakers/entries': 'team',
  'POST /admin/events/:eventId/sessions/:sessionId/speakers/entries/:entryId/move': 'team',
  'POST /admin/events/:eventId/sessions/:sessionId/speakers/entries/:entryId/statement': 'team',
  'GET /nominations/:token/speakers': 'link',
  'POST /nominations/:token/speakers/:sessionId': 'link',
  'GET /events/:slug/sessions/:sessionId/speakers': 'public',
  'GET /events/:slug/sessions/:sessionId/speakers.pdf': 'public',
  'GET /admin/events/:eventId/floor/:sessionId': 'signed-in',
  'GET /admin/events/:eventId/floor/:sessionId/state': 'signed-in',
  'POST /admin/events/:eventId/floor/:sessionId/entries/:entryId': 'team',
  'POST /admin/events/:eventId/floor/:sessionId/reply': 'team',
  'GET /admin/events/:eventId/credentials': 'team',
  'GET /admin/events/:eventId/credentials.pdf': 'team',
  'POST /admin/events/:eventId/credentials/rules': 'team',
  'POST /admin/events/:eventId/credentials/:delegationId': 'team',
  'POST /admin/events/:eventId/credentials/:delegationId/file': 'team',
  'GET /admin/events/:eventId/credentials/:delegationId/file': 'team',
  'GET /admin/events/:eventId/credentials/:delegationId/upload': 'team',
  'GET /nominations/:token/credentials': 'link',
  'POST /nominations/:token/credentials': 'link',
  'GET /admin/events/:eventId/seating': 'signed-in',
  'POST /admin/events/:eventId/seating/:roomId': 'team',
  'POST /admin/events/:eventId/seating/:roomId/draw': 'team',
  'POST /admin/events/:eventId/seating/:roomId/freeze': 'team',
  'GET /admin/events/:eventId/seating/:roomId/plan.pdf': 'team',
  'GET /admin/events/:eventId/seating/:roomId/plates.pdf': 'team',
  'GET /invitations/:token': 'link',
  'POST /invitations/:token': 'link',
  'GET /admin/events/:eventId/documents': 'signed-in',
  'GET /admin/events/:eventId/documents.csv': 'team',
  'GET /admin/events/:eventId/documents/new': 'team',
  'POST /admin/events/:eventId/documents': 'team',
  'GET /admin/events/:eventId/documents/:documentId': 'signed-in',
  'POST /admin/events/:eventId/documents/:documentId': 'team',
  'POST /admin/events/:eventId/documents/:documentId/files': 'team',
  'POST /admin/events/:eventId/documents/:documentId/announce': 'team',
  'GET /admin/events/:eventId/documents/:documentId/files/:fileId': 'signed-in',
  'GET /admin/events/:eventId/outcome': 'signed-in',
  'GET /admin/events/:eventId/outcome/new': 'team',
  'POST /admin/events/:eventId/outcome': 'team',
  'GET /admin/events/:eventId/outcome/:outcomeId': 'signed-in',
  'POST /admin/events/:eventId/outcome/:outcomeId': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/paragraphs': 'team',
  'GET /admin/events/:eventId/outcome/:outcomeId/paragraphs/:paragraphId': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/paragraphs/:paragraphId': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/paragraphs/:paragraphId/remove': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/paragraphs/:paragraphId/status': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/paragraphs/:paragraphId/compromise': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/paragraphs/:paragraphId/accept/:proposalId': 'team',
  'GET /admin/events/:eventId/outcome/:outcomeId/import': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/import': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/round': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/round/close': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/revision': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/silence': 'team',
  'POST /admin/events/:eventId/outcome/:outcomeId/proposals': 'team',
  'GET /admin/events/:eventId/outcome/:outcomeId/compilation': 'signed-in',
  'GET /admin/events/:eventId/outcome/:outcomeId/compilation.pdf': 'signed-in',
  'GET /admin/events/:eventId/outcome/:outcomeId/compare': 'signed-in',
  'GET /admin/events/:eventId/outcome/:outcomeId/compare.pdf': 'signed-in',
  'GET /admin/events/:eventId/outcome/:outcomeId/text.pdf': 'signed-in',
  'GET /admin/events/:eventId/outcome/:outcomeId/translations/:language': 'signed-in',
  'POST /admin/events/:eventId/outcome/:outcomeId/translations/:language/:paragraphId': 'team',
  'GET /nominations/:token/outcome': 'link',
  'GET /nominations/:token/outcome/:outcomeId': 'link',
  'POST /nominations/:token/outcome/:outcomeId/proposals': 'link',
  'POST /nominations/:token/outcome/:outcomeId/proposals/:proposalId/stance': 'link',
  'POST /nominations/:token/outcome/:outcomeId/proposals/:proposalId/withdraw': 'link',
  'POST /nominations/:token/outcome/:outcomeId/silence/break': 'link',
  'GET /events/:slug/documents': 'public',
  'GET /events/:slug/documents.pdf': 'public',
  'GET /events/:slug/documents/*path': 'public',
  'GET /registrations/:token/documents': 'link',
  'GET /registrations/:token/documents/:documentId/:language': 'link',
  'GET /invitations/:token/documents': 'link',
  'GET /invitations/:token/documents/:documentId/:language': 'link',
  'GET /invitations/:token/submission': 'link',
  'POST /invitations/:token/submission': 'link',
  'GET /nominations/:token/statement': 'link',
  'POST /nominations/:token/statement': 'link',
  'GET /nominations/:token/documents': 'link',
  'GET /nominations/:token/documents/:documentId/:language': 'link',
  'GET /': 'public',
  'GET /events/:slug': 'public',
  'GET /api/v1/users': 'admin',
  'GET /api/v1/users/:userId': 'admin',
  'POST /api/v1/users': 'admin',
  'PATCH /api/v1/users/:userId': 'admin',
  'GET /api/v1/events': 'signed-in',
  'GET /api/v1/events/:eventId': 'signed-in',
  'POST /api/v1/events': 'organizer',
  'PATCH /api/v1/events/:eventId': 'team',
  'POST /api/v1/events/:eventId/status': 'team',
  'GET /api/v1/events/:eventId/history': 'signed-in',
  'GET /api/v1/events/:eventId/rooms': 'signed-in',
  'POST /api/v1/events/:eventId/rooms': 'team',
  'PATCH /api/v1/events/:eventId/rooms/:roomId': 'team',
  'DELETE /api/v1/events/:eventId/rooms/:roomId': 'team',
  'GET /api/v1/people': 'signed-in',
  'GET /api/v1/people/:personId': 'signed-in',
  'POST /api/v1/people': 'organizer',
  'PATCH /api/v1/people/:personId': 'team',
  'GET /api/v1/events/:eventId/sessions': 'signed-in',
  'POST /api/v1/events/:eventId/sessions': 'team',
  'GET /api/v1/events/:eventId/sessions/:sessionId': 'signed-in',
  'PATCH /api/v1/events/:eventId/sessions/:sessionId': 'team',
  'GET /api/v1/events/:eventId/sessions/:sessionId/assignments': 'signed-in',
  'POST /api/v1/events/:eventId/sessions/:sessionId/assignments': 'team',
  'PATCH /api/v1/events/:eventId/sessions/:sessionId/assignments/:assignmentId': 'team',
  'DELETE /api/v1/events/:eventId/sessions/:sessionId/assignments/:assignmentId': 'team',
  'GET /api/v1/events/:eventId/checks': 'signed-in',
  'GET /api/v1/events/:eventId/versions': 'signed-in',
  'GET /api/v1/events/:eventId/versions/:number': 'signed-in',
  'POST /api/v1/events/:eventId/versions': 'team',
  'GET /api/v1/events/:eventId/invitations': 'signed-in',
  'GET /api/v1/events/:eventId/registrations': 'signed-in',
  'GET /api/v1/events/:eventId/side-event-proposals': 'signed-in',
  'GET /api/v1/events/:eventId/bilaterals': 'signed-in',
  'POST /api/v1/events/:eventId/invitations': 'team',
  'GET /api/v1/events/:eventId/sessions/:sessionId/speakers': 'signed-in',
  'GET /api/v1/events/:eventId/documents': 'signed-in',
  'POST /api/v1/events/:eventId/documents': 'team',
  'GET /api/v1/events/:eventId/documents/:documentId': 'signed-in',
  'PATCH /api/v1/events/:eventId/documents/:documentId': 'team',
  'PUT /api/v1/events/:eventId/documents/:documentId/files/:language': 'team',
  'GET /api/v1/events/:eventId/outcome/:outcomeId/compilation': 'signed-in',
  'GET /api/v1/events/:eventId/outcome/:outcomeId/translations/:language': 'signed-in',
  'PUT /api/v1/events/:eventId/outcome/:outcomeId/translations/:language/:paragraphId': 'team',
  'GET /api/openapi.json': 'public',
  'GET /api/docs': 'public',
};
