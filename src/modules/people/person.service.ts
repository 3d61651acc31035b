import mongoose from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError } from '../../shared/errors.js';
import { diff, recordChange } from '../audit/index.js';
import { Person } from './person.model.js';
import type { PersonInput, PersonPatch, PersonSearch } from './person.schemas.js';
import { foldForSearch, toPersonView, type PersonView } from './person.views.js';

export const PAGE_SIZE = 50;

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

function documentOf(input: PersonInput) {
  return {
    ...input,
    ...(input.email && { emailKey: input.email.toLowerCase() }),
    searchText: personSearchText(input),
  };
}

export async function createPerson(input: PersonInput, actor: Actor, clock: Clock): Promise<PersonView> {
  await ensureEmailFree(input.email);
  return insertPerson(input, actor, clock);
}

/** The insert itself; the unique email key refuses a second person with one email. */
async function insertPerson(input: PersonInput, actor: Actor, clock: Clock): Promise<PersonView> {
  const person = toPersonView((await Person.create(documentOf(input))).toObject());
  await recordChange({ action: 'person.created', subjectType: 'person', subjectId: person.id, actor }, clock);
  return person;
}

export async function updatePerson(
  personId: string,
  patch: PersonPatch,
  actor: Actor,
  clock: Clock,
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
  set['searchText'] = personSearchText(
    merged as { givenName: string; familyName: string; organization?: string },
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
  return getPerson(personId);
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

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Search by name or organization (ignoring case and accents), country and sector; by family name. */
export async function searchPeople(
  search: Omit<PersonSearch, 'page'> & { page?: number; ids?: string[] },
): Promise<{ people: PersonView[]; total: number; page: number; pages: number }> {
  const filter: Record<string, unknown> = {};
  const words = search.q ? foldForSearch(search.q).split(' ').filter(Boolean).slice(0, 5) : [];
  if (words.length > 0) {
    filter['$and'] = words.map((word) => ({ searchText: mongoose.trusted({ $regex: escapeRegex(word) }) }));
  }
  if (search.country) filter['country'] = search.country;
  if (search.sector) filter['sector'] = search.sector;
  if (search.ids)
    filter['_id'] = mongoose.trusted({ $in: search.ids.filter((id) => mongoose.isValidObjectId(id)) });
  const page = search.page ?? 1;
  const [people, total] = await Promise.all([
    Person.find(filter)
      .sort({ familyName: 1, givenName: 1, _id: 1 })
      .skip((page - 1) * PAGE_SIZE)
      .limit(PAGE_SIZE)
      .lean(),
    Person.countDocuments(filter),
  ]);
  return { people: people.map(toPersonView), total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Every person, for the CSV export. */
export async function allPeople(): Promise<PersonView[]> {
  const people = await Person.find().sort({ familyName: 1, givenName: 1 }).lean();
  return people.map(toPersonView);
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
  const find = async () => {
    const existing = await Person.findOne({ emailKey: input.email.toLowerCase() }).lean();
    return existing ? toPersonView(existing) : undefined;
  };
  const found = await find();
  if (found) return found;
  try {
    // Just looked: no second check before the insert; a simultaneous creator makes it fail.
    return await insertPerson(input, actor, clock);
  } catch (error) {
    const again = await find();
    if (again) return again;
    throw error;
  }
}
