import mongoose from 'mongoose';
import { blocksOf, readPage } from '../../db/blocks.js';
import type { Language } from '../../shared/i18n/index.js';
import { AUDIENCES, DocumentFile, documentList, OfficialDocument, type Audience } from './document.model.js';
import type { ListQuery } from './document.schemas.js';
import { toDocumentView, toFileView, type DocumentView, type FileView } from './document.views.js';
import { currentFiles, newestFirst } from './document.service.js';
import { searchTerms } from './symbol.js';

export const DOCUMENTS_PER_PAGE = 50;

export interface ListedDocument extends DocumentView {
  /** The later revision that replaces it, when there is one the reader may see. */
  supersededBy: string | undefined;
  files: Map<Language, FileView>;
}

export interface DocumentPage {
  rows: ListedDocument[];
  /** The cursor of the next (older) page, and of the previous (newer) one. */
  next?: string;
  previous?: string;
}

export type DocumentFilters = Pick<ListQuery, 'kind' | 'language' | 'session' | 'q'>;

/**
 * What these audiences may see as one key FerretDB pushes down: no key for all of them, an
 * equality for one, `$ne` the other for two.
 */
function audienceFilter(audiences: Audience[]): Record<string, unknown> {
  const hidden = AUDIENCES.filter((a) => !audiences.includes(a));
  if (hidden.length === 0) return {};
  if (hidden.length === 1) return { audience: mongoose.trusted({ $ne: hidden[0] }) };
  return { audience: AUDIENCES.find((a) => audiences.includes(a)) ?? '' };
}

type Stored = Awaited<ReturnType<typeof readDocuments>>[number];
const readDocuments = (query: Record<string, unknown>, projection: Record<string, 0>) =>
  OfficialDocument.find(query, projection).lean();

/**
 * The equality keys of a list's filters (each kept on every row: kind, languages, sessions,
 * audience, and the prefixes of the words of the symbol and titles) and the check left for the
 * other words of a search. The longest word is looked up; the others are checked on what it finds.
 */
function listFilter(eventId: string, audiences: Audience[], filters: DocumentFilters) {
  const terms = filters.q ? searchTerms(filters.q) : [];
  const [lookup, ...others] = [...terms].sort((a, b) => b.length - a.length);
  const query = {
    eventId,
    ...audienceFilter(audiences),
    ...(filters.kind && { kind: filters.kind }),
    ...(filters.language && { languages: filters.language }),
    ...(filters.session && { sessionIds: filters.session }),
    ...(lookup && { searchKeys: lookup }),
  };
  const projection: Record<string, 0> = others.length > 0 ? {} : { searchKeys: 0 };
  const keep = (docs: Stored[]) =>
    docs.filter((d) => others.every((term) => (d as { searchKeys?: string[] }).searchKeys?.includes(term)));
  return { query, read: async (extra = {}) => keep(await readDocuments({ ...query, ...extra }, projection)) };
}

interface Revision {
  _id: unknown;
  parentId?: string | null;
  symbol: string;
  relationNumber?: number | null;
}

/** For each parent, its latest revision supersedes it and the revisions before it. */
function supersededBy(revisions: Revision[]): Map<string, string> {
  const latest = new Map<string, Revision>();
  for (const r of revisions) {
    const held = latest.get(r.parentId!);
    if (!held || (r.relationNumber ?? 0) > (held.relationNumber ?? 0)) latest.set(r.parentId!, r);
  }
  const replaced = new Map<string, string>();
  for (const [parentId, newest] of latest) replaced.set(parentId, newest.symbol);
  for (const r of revisions) {
    const newest = latest.get(r.parentId!)!;
    if (newest !== r) replaced.set(String(r._id), newest.symbol);
  }
  return replaced;
}

const REVISION_FIELDS = { symbol: 1, parentId: 1, relationNumber: 1 } as const;

/**
 * Which documents a later revision (that the reader may see) replaces, among the documents of
 * these blocks: the revisions whose parents are there, read by the parents' block (an equality
 * kept on every revision), not every revision of the event nor one lookup per document.
 */
async function supersessionIn(
  eventId: string,
  blocks: Set<number>,
  audiences: Audience[],
): Promise<Map<string, string>> {
  const revisions = await Promise.all(
    [...blocks].map((parentBlock) =>
      OfficialDocument.find(
        { eventId, parentBlock, relation: 'revision', ...audienceFilter(audiences) },
        REVISION_FIELDS,
      ).lean(),
    ),
  );
  return supersededBy(revisions.flat());
}

/** The current file of each language as the row keeps it; read from the files for a row older than that copy. */
async function filesOfRow(d: Stored): Promise<Map<Language, FileView>> {
  const kept = (d as { current?: Record<string, unknown>[] | null }).current;
  const files = kept
    ? kept.map((f) => toFileView(f as Parameters<typeof toFileView>[0]))
    : (await DocumentFile.find({ documentId: String(d._id) }).lean()).map(toFileView).sort(newestFirst);
  return currentFiles(files);
}

/** Within a document's family: the latest revision first, then the original, then corrigenda and addenda. */
export function orderInFamily(d: DocumentView): number {
  if (d.relation === 'revision') return -(d.relationNumber ?? 0);
  if (d.relation === 'corrigendum') return 1000 + (d.relationNumber ?? 0);
  if (d.relation === 'addendum') return 2000 + (d.relationNumber ?? 0);
  return 0;
}

/**
 * A page's rows with the members of a family that it holds together, at the place of the
 * newest of them, the latest revision first. Only within the page: pages stay in block order,
 * so their cursors neither skip nor repeat a row.
 */
function familiesTogether(rows: DocumentView[]): DocumentView[] {
  const families = new Map<string, DocumentView[]>();
  for (const row of rows) {
    const key = row.parentId ?? row.id;
    families.set(key, [...(families.get(key) ?? []), row]);
  }
  return [...families.values()].flatMap((family) =>
    family.sort((a, b) => orderInFamily(a) - orderInFamily(b)),
  );
}

/**
 * One page of an event's documents that the given audiences may see, the newest first (in the
 * order they were registered: `db/blocks.ts`), after or before a cursor, filtered by kind,
 * language and session and searched by symbol or title words. Each filter is an equality on a
 * field kept on every row, so a page reads about a block on FerretDB (a sparse filter reads the
 * few rows it keeps) and walks an index on MongoDB; a search never runs a pattern over every row.
 */
export async function listDocuments(
  eventId: string,
  audiences: Audience[],
  filters: DocumentFilters,
  at: { after?: string | undefined; before?: string | undefined } = {},
  size = DOCUMENTS_PER_PAGE,
): Promise<DocumentPage> {
  const { read } = listFilter(eventId, audiences, filters);
  const page = await readPage({
    list: documentList(eventId),
    size,
    newestFirst: true,
    readBlock: (block) => read({ block }),
    readAll: () => read(),
    placeOf: (d) => ({ block: d.block ?? 0, key: String(d._id) }),
    ...at,
  });
  const stored = new Map(page.rows.map((d) => [String(d._id), d]));
  const shown = familiesTogether(page.rows.map(toDocumentView));
  const blocks = new Set(
    page.rows.flatMap((d) => [d.block ?? 0, ...(d.parentBlock != null ? [d.parentBlock] : [])]),
  );
  const replaced = await supersessionIn(eventId, blocks, audiences);
  const rows = await Promise.all(
    shown.map(async (d) => ({
      ...d,
      supersededBy: replaced.get(d.id),
      files: await filesOfRow(stored.get(d.id)!),
    })),
  );
  return { rows, ...(page.next && { next: page.next }), ...(page.previous && { previous: page.previous }) };
}

/**
 * Every document of an event that the audiences may see, a block at a time in the order they
 * were registered (for the CSV and the PDF), without their files. Which are superseded is read
 * first, block by block, from the revisions alone; never one query over the whole event.
 */
export async function* documentsByBlock(
  eventId: string,
  audiences: Audience[],
): AsyncGenerator<ListedDocument[]> {
  const blocks = await blocksOf(documentList(eventId));
  const revisions: Revision[] = [];
  for (const block of blocks) {
    const found = await OfficialDocument.find(
      { eventId, block, relation: 'revision', ...audienceFilter(audiences) },
      REVISION_FIELDS,
    ).lean();
    revisions.push(...found);
  }
  const replaced = supersededBy(revisions);
  const { read } = listFilter(eventId, audiences, {});
  for (const block of blocks) {
    const rows = (await read({ block }))
      .sort((a, b) => String(a._id).localeCompare(String(b._id)))
      .map(toDocumentView);
    if (rows.length > 0)
      yield rows.map((d) => ({
        ...d,
        supersededBy: replaced.get(d.id),
        files: new Map<Language, FileView>(),
      }));
  }
}

/** The public documents of each session, by symbol (for the programme's page, JSON and PDF). */
export async function sessionDocuments(eventId: string): Promise<Map<string, string[]>> {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const documents = await OfficialDocument.find(
    { eventId, audience: 'public' },
    { symbol: 1, sessionIds: 1 },
  ).lean();
  const bySession = new Map<string, string[]>();
  for (const d of documents)
    for (const id of d.sessionIds) bySession.set(id, [...(bySession.get(id) ?? []), d.symbol]);
  for (const symbols of bySession.values()) symbols.sort(collator.compare);
  return bySession;
}
