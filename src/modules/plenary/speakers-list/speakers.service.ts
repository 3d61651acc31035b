import type { Actor } from '../../../shared/actor.js';
import type { Clock } from '../../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../../shared/errors.js';
import { LANGUAGES } from '../../../shared/i18n/index.js';
import { formatInstant } from '../../../shared/time.js';
import { localToInstant } from '../../../shared/zoned-time.js';
import { insertUnlessTaken } from '../../../db/duplicate-key.js';
import { recordChange } from '../../audit/index.js';
import type { EventView } from '../../events/index.js';
import type { MailDeps } from '../../invitations/index.js';
import type { PdfRenderer } from '../../documents/index.js';
import { displayName, getPerson, type PersonView } from '../../people/index.js';
import { delegationMembers, delegationsOf } from '../../registrations/index.js';
import type { SessionView } from '../../agenda/index.js';
import { mailPlaces } from './speakers.mail.js';
import { SpeakerClaim, SpeakerEntry, SpeakerMove, SpeakersList } from './speakers.model.js';
import type { SpeakerGroup, SpeakerLevel } from './speakers.order.js';
import type {
  FocalInscriptionInput,
  ListSettingsInput,
  OrganizerInscriptionInput,
} from './speakers.schemas.js';
import { insertNumbered, listOfSession, listState } from './speakers.state.js';
import { toListView, type ListView } from './speakers.views.js';

/** What the plenary module is given: mail settings and the clock, the PDF renderer, and the register's upload limit. */
export interface PlenaryDeps extends MailDeps {
  renderer: PdfRenderer;
  /** The largest file the register of official documents takes (statements attached after the floor). */
  documentMaxBytes: number;
}

const listChange = (
  list: ListView,
  action: string,
  actor: Actor,
  clock: Clock,
  changes: { field: string; from: unknown; to: unknown }[] = [],
) => recordChange({ action, subjectType: 'speakers-list', subjectId: list.id, actor, changes }, clock);

function settingsOf(event: EventView, input: ListSettingsInput) {
  const opensAt = localToInstant(input.opensDate, input.opensTime, event.timezone);
  const closesAt = localToInstant(input.closesDate, input.closesTime, event.timezone);
  if (!opensAt) throw new ValidationError([{ field: 'opensTime', code: 'invalid_time' }]);
  if (!closesAt) throw new ValidationError([{ field: 'closesTime', code: 'invalid_time' }]);
  if (closesAt <= opensAt) throw new ValidationError([{ field: 'closesDate', code: 'end_before_start' }]);
  return {
    opensAt,
    closesAt,
    minutes: input.minutes,
    headMinutes: input.headMinutes ?? null,
    onePerDelegation: input.onePerDelegation === 'yes',
    moveNotice: input.moveNotice,
  };
}

/** Opens a list of speakers for a session, or changes its settings (one list per session). */
export async function saveSpeakersList(
  event: EventView,
  session: SessionView,
  input: ListSettingsInput,
  actor: Actor,
  clock: Clock,
): Promise<ListView> {
  const settings = settingsOf(event, input);
  const existing = await listOfSession(event.id, session.id);
  if (existing) {
    await SpeakersList.updateOne({ _id: existing.id }, { $set: settings });
    const list = { ...existing, ...settings, headMinutes: settings.headMinutes ?? undefined };
    await listChange(list, 'speakers.updated', actor, clock, [
      { field: 'minutes', from: existing.minutes, to: settings.minutes },
    ]);
    return list;
  }
  try {
    const created = await SpeakersList.create({
      eventId: event.id,
      sessionId: session.id,
      ...settings,
      createdAt: clock.now(),
    });
    const list = toListView(created.toObject());
    await listChange(list, 'speakers.opened', actor, clock);
    return list;
  } catch (error) {
    // Two organizers opening the same list: the unique index keeps one, the second saves onto it.
    const again = await listOfSession(event.id, session.id);
    if (!again) throw error;
    return saveSpeakersList(event, session, input, actor, clock);
  }
}

/** Names become public; every speaker on the list is told their place (by mail: only mail settings are needed). */
export async function publishSpeakersList(
  event: EventView,
  session: SessionView,
  list: ListView,
  actor: Actor,
  deps: MailDeps,
): Promise<void> {
  if (list.publishedAt) return;
  const publishedAt = deps.clock.now();
  await SpeakersList.updateOne({ _id: list.id }, { $set: { publishedAt } });
  await listChange(list, 'speakers.published', actor, deps.clock);
  await mailPlaces(event, session, { ...list, publishedAt }, deps);
}

/** The window for focal points, said in each language when it is not open. */
function assertOpen(event: EventView, list: ListView, clock: Clock) {
  const now = clock.now();
  const said = (at: Date) =>
    Object.fromEntries(LANGUAGES.map((l) => [`at_${l}`, formatInstant(at, event.timezone, l)]));
  if (now < list.opensAt) throw new ConflictError('SPEAKERS_NOT_OPEN', undefined, said(list.opensAt));
  if (now >= list.closesAt) throw new ConflictError('SPEAKERS_CLOSED', undefined, said(list.closesAt));
}

interface NewEntry {
  group: SpeakerGroup;
  level: SpeakerLevel;
  language: string;
  head: boolean;
  delegationId?: string | undefined;
  country?: string | undefined;
  person: PersonView;
  organization?: string | undefined;
  reply?: boolean;
}

/**
 * Writes an inscription: on a one-per-delegation list the delegation's claim first (an insert
 * against its `_id`, so a second inscription is refused even when both arrive together), then the
 * entry with the next number of the list.
 */
export async function addEntry(
  event: EventView,
  session: SessionView,
  list: ListView,
  entry: NewEntry,
  actor: Actor,
  deps: MailDeps,
): Promise<string> {
  const claimId =
    list.onePerDelegation && entry.delegationId && !entry.reply
      ? `${list.id}:${entry.delegationId}`
      : undefined;
  if (claimId && !(await insertUnlessTaken(SpeakerClaim, { _id: claimId, entryId: 'pending' })))
    throw new ConflictError('SPEAKERS_ALREADY_INSCRIBED');
  const { id } = await insertNumbered(SpeakerEntry, list.id, {
    eventId: event.id,
    group: entry.group,
    level: entry.level,
    language: entry.language,
    reply: entry.reply ?? false,
    head: entry.head,
    inscribedAt: deps.clock.now(),
    inscribedBy: actor.label,
    ...(entry.delegationId && { delegationId: entry.delegationId }),
    ...(entry.country && { country: entry.country }),
    personId: entry.person.id,
    speakerName: displayName(entry.person),
    ...(entry.organization && { organization: entry.organization }),
  });
  await listChange(list, entry.reply ? 'speakers.reply' : 'speakers.inscribed', actor, deps.clock, [
    { field: 'speaker', from: null, to: displayName(entry.person) },
  ]);
  if (list.publishedAt) await mailPlaces(event, session, list, deps);
  return id;
}

/** A focal point inscribes one of their delegation, within the list's window. */
export async function inscribeForDelegation(
  event: EventView,
  session: SessionView,
  list: ListView,
  delegation: { id: string; country: string },
  input: FocalInscriptionInput,
  actor: Actor,
  deps: MailDeps,
): Promise<string> {
  assertOpen(event, list, deps.clock);
  const member = (await delegationMembers(delegation.id)).find(
    (m) => m.personId === input.speaker && m.status !== 'cancelled',
  );
  // Someone outside the delegation is not there for this focal point.
  if (!member) throw new NotFoundError();
  const person = await getPerson(member.personId);
  return addEntry(
    event,
    session,
    list,
    {
      group: 'state',
      level: input.level,
      language: input.language,
      head: member.delegationRole === 'head' || input.level === 'head_of_state',
      delegationId: delegation.id,
      country: delegation.country,
      person,
    },
    actor,
    deps,
  );
}

/** An organizer inscribes anyone in the directory: a government's person for their state, others by sector. */
export async function inscribeFromDirectory(
  event: EventView,
  session: SessionView,
  list: ListView,
  input: OrganizerInscriptionInput,
  actor: Actor,
  deps: MailDeps,
): Promise<string> {
  const person = await getPerson(input.personId);
  const isState =
    person.sector === 'government' &&
    person.country !== undefined &&
    event.countries.includes(person.country);
  const delegation = isState
    ? (await delegationsOf(event.id)).find((d) => d.country === person.country)
    : undefined;
  return addEntry(
    event,
    session,
    list,
    {
      group: isState ? 'state' : person.sector === 'international_organization' ? 'organization' : 'other',
      level: input.level,
      language: input.language,
      head: input.level === 'head_of_state' || input.level === 'head_of_delegation',
      delegationId: delegation?.id,
      country: isState ? person.country : undefined,
      organization: person.organization,
      person,
    },
    actor,
    deps,
  );
}

/** An organizer moves an entry to another place; the move is recorded and those who moved far are told. */
export async function moveEntry(
  event: EventView,
  session: SessionView,
  list: ListView,
  entryId: string,
  to: number,
  actor: Actor,
  deps: MailDeps,
): Promise<void> {
  const before = await listState(list, session.startsAt);
  const entry = before.entries.find((e) => e.id === entryId);
  if (!entry) throw new NotFoundError();
  const place = Math.min(to, before.entries.length);
  if (place === entry.place) return;
  await insertNumbered(SpeakerMove, list.id, { entryId, to: place, at: deps.clock.now(), by: actor.label });
  await listChange(list, 'speakers.moved', actor, deps.clock, [
    { field: `place:${entry.speakerName}`, from: entry.place, to: place },
  ]);
  if (list.publishedAt) await mailPlaces(event, session, list, deps);
}
