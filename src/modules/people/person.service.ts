import { nameSortKey } from '../../shared/name-order.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { createGrouped } from '../../db/plain-insert.js';
import mongoose from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import { diff, recordChange, type ChangeBatch } from '../audit/index.js';
import { directoryPage, nameKeysOf, type DirectoryPage } from './directory.js';
import { Person, type PersonFields } from './person.model.js';
import type { PersonInput, PersonPatch, PersonSearch } from './person.schemas.js';
import { foldForSearch, toPersonView, type PersonView } from './person.views.js';

/** What other modules do when a person changes (registrations refresh their copy of the name). */
export type OnPersonChanged = (person: PersonView) => Promise<void>;

/** What name search matches: names and organization, folded (accents, case). */
export const personSearchText = (person: {
  givenName: string;
  familyName: string;
  organization?: string | undefined;
}) => foldForSearch([person.givenName, person.familyName, person.organization].filter(Boolean).join(' '));

async function ensureEmailFree(email: string | undefined, exceptId?: string): Promise<void> {
  if (!email) return;
  const existing = await Person.findOne({ emailKey: email.toLowerCase() }, { _id: 1 }).lean();
  if (existing && String(existing._id) !== exceptId)
    throw new ConflictError('PERSON_EMAIL_TAKEN', undefined, { email });
}

/**
 * What search finds a person by (their folded names and organization, and the beginnings of
 * their words) and what lists sort them by (their names in the language's order).
 */
export function searchFieldsOf(person: Parameters<typeof personSearchText>[0]) {
  const searchText = personSearchText(person);
  return { searchText, nameKeys: nameKeysOf(searchText), sortKey: nameSortKey(person) };
}

function documentOf(input: PersonInput) {
  return {
    ...input,
    ...(input.email && { emailKey: input.email.toLowerCase() }),
    ...searchFieldsOf(input),
  };
}

export async function createPerson(input: PersonInput, actor: Actor, clock: Clock): Promise<PersonView> {
  await ensureEmailFree(input.email);
  return insertPerson(input, actor, clock);
}

/** The insert itself; the unique email key refuses a second person with one email. */
async function insertPerson(
  input: PersonInput,
  actor: Actor,
  clock: Clock,
  changes?: ChangeBatch,
): Promise<PersonView> {
  const stored = await createGrouped(Person, documentOf(input));
  const person = toPersonView(stored as PersonFields & { _id: unknown });
  const change = { action: 'person.created', subjectType: 'person', subjectId: person.id, actor };
  if (changes) changes.record(change);
  else await recordChange(change, clock);
  return person;
}

export async function updatePerson(
  personId: string,
  patch: PersonPatch,
  actor: Actor,
  clock: Clock,
  onChanged?: OnPersonChanged,
): Promise<PersonView> {
  const before = await getPerson(personId);
  if (patch.email && patch.email !== before.email) await ensureEmailFree(patch.email, personId);
  const merged = { ...before, ...patch } as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  const unset: Record<string, 1> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) unset[key] = 1;
    else if (value !== undefined) set[key] = value;
  }
  if ('email' in patch) {
    if (patch.email) set['emailKey'] = patch.email.toLowerCase();
    else unset['emailKey'] = 1;
  }
  Object.assign(
    set,
    searchFieldsOf(merged as { givenName: string; familyName: string; organization?: string }),
  );
  const { id: _id, ...beforeFields } = before;
  const changes = diff(
    beforeFields,
    Object.fromEntries(
      Object.entries(merged)
        .filter(([k]) => k !== 'id')
        .map(([k, v]) => [k, v ?? undefined]),
    ),
  );
  if (changes.length === 0) return before;
  await Person.updateOne(
    { _id: personId },
    { $set: set, ...(Object.keys(unset).length > 0 && { $unset: unset }) },
  );
  await recordChange(
    { action: 'person.updated', subjectType: 'person', subjectId: personId, actor, changes },
    clock,
  );
  const after = await getPerson(personId);
  await onChanged?.(after);
  return after;
}

export async function getPerson(personId: string): Promise<PersonView> {
  const person = await Person.findById(personId).lean();
  if (!person) throw new NotFoundError();
  return toPersonView(person);
}

/** Up to this many people are read one by one: FerretDB reads every person for an `$in`, not for an `_id`. */
const READ_ONE_BY_ONE_UP_TO = 200;

export async function getPeople(personIds: string[]): Promise<PersonView[]> {
  const ids = [...new Set(personIds.filter((id) => mongoose.isValidObjectId(id)))];
  const people =
    ids.length <= READ_ONE_BY_ONE_UP_TO
      ? (await Promise.all(ids.map((id) => Person.findById(id).lean()))).filter((p) => p !== null)
      : await Person.find({ _id: mongoose.trusted({ $in: ids }) }).lean();
  return people.map(toPersonView);
}

/** The directory as a search asks for it (`directory.ts`). */
export async function searchPeople(search: PersonSearch & { ids?: string[] }): Promise<DirectoryPage> {
  const { after, before, role: _role, ...filter } = search;
  return directoryPage(filter, { after, before });
}

/** Every person in the order they were added, read a batch at a time (the CSV export). */
export async function* everyone(): AsyncIterable<PersonView> {
  for await (const person of Person.find().lean().cursor({ batchSize: 200 })) yield toPersonView(person);
}

export async function emailsInUse(emails: string[]): Promise<Set<string>> {
  const keys = emails.map((e) => e.toLowerCase());
  const found = await Person.find({ emailKey: mongoose.trusted({ $in: keys }) }, { emailKey: 1 }).lean();
  return new Set(found.map((p) => p.emailKey ?? ''));
}

/** The revision in a person's feed URLs, or undefined for an unknown person. */
export async function feedRevisionOf(personId: string): Promise<number | undefined> {
  if (!mongoose.isValidObjectId(personId)) return undefined;
  const person = await Person.findById(personId, { feedRevision: 1 }).lean();
  return person ? (person.feedRevision ?? 0) : undefined;
}

/** Revokes every calendar feed URL of a person (a new one replaces it). */
export async function resetCalendarFeeds(personId: string, actor: Actor, clock: Clock): Promise<void> {
  const revision = await feedRevisionOf(personId);
  if (revision === undefined) throw new NotFoundError();
  await Person.updateOne({ _id: personId }, { $set: { feedRevision: revision + 1 } });
  await recordChange(
    { action: 'person.feeds-reset', subjectType: 'person', subjectId: personId, actor },
    clock,
  );
}

/**
 * The person with this email (ignoring case), created from the input if there is none. Two
 * simultaneous calls meet at the unique email index and both get the same person.
 */
export async function findOrCreatePersonByEmail(
  input: PersonInput & { email: string },
  actor: Actor,
  clock: Clock,
): Promise<PersonView> {
  return (await findOrCreatePerson(input, actor, clock)).person;
}

/** The person with this email, made now (`created`, recorded in `changes` if given) or already known. */
export async function findOrCreatePerson(
  input: PersonInput & { email: string },
  actor: Actor,
  clock: Clock,
  changes?: ChangeBatch,
): Promise<{ person: PersonView; created: boolean }> {
  try {
    // Insert first: most people registering are new, and the unique email key refuses a person
    // who exists (or is being created at this moment), who is then read.
    return { person: await insertPerson(input, actor, clock, changes), created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await Person.findOne({ emailKey: input.email.toLowerCase() }).lean();
    if (existing) return { person: toPersonView(existing), created: false };
    throw error;
  }
}
