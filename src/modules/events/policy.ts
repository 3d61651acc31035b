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
export const policy = {
  /** For the records of one event. */
  async forEvent(reader: Reader | undefined, eventId: string): Promise<Permissions> {
    if (!reader) return NOTHING;
    if (reader.role === 'admin') return EVERYTHING;
    if (reader.role === 'organizer' && (await TeamMember.exists({ eventId, userId: reader.id }))) {
      return EVERYTHING;
    }
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
