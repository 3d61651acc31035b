import mongoose from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { sortByCountryName } from '../../shared/countries.js';
import type { Language } from '../../shared/i18n/index.js';
import { NotFoundError } from '../../shared/errors.js';
import { diff, recordChange } from '../audit/index.js';
import { mailsAbout } from '../messaging/index.js';
import { readDraft, saveDraft, takeDraft } from '../imports/index.js';
import { readContactsCsv, type ContactRow } from './contact.csv.js';
import { ContactNote, NationalContact } from './contact.model.js';
import type { ContactInput } from './contact.schemas.js';

export interface ContactView extends ContactInput {
  id: string;
}

type Stored = Record<string, unknown> & { _id: unknown };

function toContactView(doc: Stored): ContactView {
  const value = (key: string) =>
    doc[key] === null || doc[key] === undefined ? undefined : (doc[key] as string);
  return {
    id: String(doc._id),
    country: doc['country'] as string,
    institution: doc['institution'] as ContactView['institution'],
    institutionName: value('institutionName'),
    type: doc['type'] as ContactView['type'],
    honorific: value('honorific'),
    name: doc['name'] as string,
    position: value('position'),
    email: value('email'),
    phone: value('phone'),
    language: value('language') as ContactView['language'],
    notes: value('notes'),
  };
}

export async function createContact(input: ContactInput, actor: Actor, clock: Clock): Promise<ContactView> {
  const created = await NationalContact.create(input);
  await recordChange(
    { action: 'contact.created', subjectType: 'contact', subjectId: created.id, actor },
    clock,
  );
  return toContactView(created.toObject() as Stored);
}

export async function getContact(id: string): Promise<ContactView> {
  const doc = await NationalContact.findById(id).lean();
  if (!doc) throw new NotFoundError();
  return toContactView(doc as Stored);
}

export async function updateContact(id: string, input: ContactInput, actor: Actor, clock: Clock) {
  const before = await getContact(id);
  const { id: _id, ...old } = before;
  const changes = diff(old, input);
  await NationalContact.replaceOne({ _id: id }, input);
  if (changes.length > 0) {
    await recordChange(
      { action: 'contact.updated', subjectType: 'contact', subjectId: id, actor, changes },
      clock,
    );
  }
}

/**
 * Every contact, by country (its name as the reader's language sorts it), type, and name in
 * that language's order (the database sorts bytes: "Bárcena" after "Beltrand", "DO" after "CU").
 */
export async function listContacts(
  filter: { country?: string | undefined; type?: string | undefined } = {},
  language: Language = 'es',
) {
  const query: Record<string, unknown> = {};
  if (filter.country) query['country'] = filter.country;
  if (filter.type) query['type'] = filter.type;
  // Every contact: a government has a handful, so even 197 countries make one short list.
  const docs = await NationalContact.find(query).sort({ country: 1, type: 1 }).lean();
  const names = new Intl.Collator(language, { sensitivity: 'base' });
  const sorted = docs
    .map((d) => toContactView(d as Stored))
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || names.compare(a.name, b.name));
  return sortByCountryName(sorted, (c) => c.country, language);
}

/** Contacts by country, for the coverage dashboard and the nomination form. */
export async function contactsOfCountries(countries: string[]): Promise<ContactView[]> {
  const docs = await NationalContact.find({ country: mongoose.trusted({ $in: countries }) }).lean();
  return docs.map((d) => toContactView(d as Stored));
}

export async function addContactNote(contactId: string, text: string, actor: Actor, clock: Clock) {
  await getContact(contactId);
  await ContactNote.create({ contactId, text, by: actor.label, at: clock.now() });
}

/** A contact's log: manual notes and every mail sent to them, newest first. */
export async function contactLog(contactId: string) {
  const [notes, mails] = await Promise.all([
    ContactNote.find({ contactId }).sort({ at: -1 }).lean(),
    mailsAbout('contact', contactId),
  ]);
  return [
    ...notes.map((n) => ({
      at: n.at,
      zone: 'UTC',
      kind: 'note' as const,
      text: n.text,
      by: n.by,
      mailId: undefined,
    })),
    ...mails.map((m) => ({
      at: m.createdAt,
      zone: m.zone,
      kind: 'mail' as const,
      text: m.subject,
      by: m.status,
      mailId: m.id,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
}

export const CONTACTS_IMPORT = 'contacts';

function summarize(id: string, fileName: string, rows: ContactRow[]) {
  const valid = rows.filter((row) => row.input).length;
  return { id, fileName, rows, valid, invalid: rows.length - valid };
}

/** Checks an uploaded contacts CSV and keeps it for confirmation; nothing is saved yet. */
export async function previewContactsImport(
  upload: { content: string; fileName: string },
  actor: Actor,
  clock: Clock,
) {
  const rows = readContactsCsv(upload.content);
  const id = await saveDraft(CONTACTS_IMPORT, { fileName: upload.fileName, rows }, actor, clock);
  return summarize(id, upload.fileName, rows);
}

export async function contactsImportPreview(id: string, actor: Actor) {
  const draft = await readDraft<ContactRow>(CONTACTS_IMPORT, id, actor);
  return summarize(draft.id, draft.fileName, draft.rows);
}

/** Saves the valid rows of a previewed import, once however often "confirm" is pressed. */
export async function confirmContactsImport(id: string, actor: Actor, clock: Clock) {
  const draft = await takeDraft<ContactRow>(CONTACTS_IMPORT, id, actor);
  let created = 0;
  for (const row of draft.rows) {
    if (!row.input) continue;
    await NationalContact.create(row.input);
    created += 1;
  }
  await recordChange(
    {
      action: 'contacts.imported',
      subjectType: 'contacts',
      subjectId: 'national',
      actor,
      changes: [{ field: draft.fileName, from: null, to: created }],
    },
    clock,
  );
  return { created, skipped: draft.rows.length - created };
}
