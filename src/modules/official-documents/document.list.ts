import type { Language } from '../../shared/i18n/index.js';
import { DocumentFile, OfficialDocument, type Audience } from './document.model.js';
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
  total: number;
  page: number;
  pages: number;
}

type Filters = Pick<ListQuery, 'kind' | 'language' | 'session' | 'q'>;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Within a document's family: the latest revision first, then the original, then corrigenda and addenda. */
function orderInFamily(d: DocumentView): number {
  if (d.relation === 'revision') return -(d.relationNumber ?? 0);
  if (d.relation === 'corrigendum') return 1000 + (d.relationNumber ?? 0);
  if (d.relation === 'addendum') return 2000 + (d.relationNumber ?? 0);
  return 0;
}

/**
 * Which documents a later revision replaces: for each parent, its latest revision (that the
 * reader may see) supersedes the parent and the revisions before it.
 */
async function supersession(eventId: string, audiences: Audience[]): Promise<Map<string, string>> {
  const revisions = (await OfficialDocument.find({ eventId, relation: 'revision' }).lean())
    .map(toDocumentView)
    .filter((d) => audiences.includes(d.audience));
  const latest = new Map<string, DocumentView>();
  for (const r of revisions) {
    const held = latest.get(r.parentId!);
    if (!held || (r.relationNumber ?? 0) > (held.relationNumber ?? 0)) latest.set(r.parentId!, r);
  }
  const replaced = new Map<string, string>();
  for (const [parentId, newest] of latest) {
    replaced.set(parentId, newest.symbol);
    for (const r of revisions)
      if (r.parentId === parentId && r.id !== newest.id) replaced.set(r.id, newest.symbol);
  }
  return replaced;
}

/**
 * One page of an event's documents that the given audiences may see, filtered by kind,
 * language and session, and searched by symbol or title words. Each filter is an equality on a
 * stored field (a search on the stored prefixes of the words), so a search never runs a pattern
 * over every row.
 */
export async function listDocuments(
  eventId: string,
  audiences: Audience[],
  filters: Filters,
  page = 1,
  /** The whole list on one page, without reading the files (the PDF, the CSV). */
  options: { whole?: boolean } = {},
): Promise<DocumentPage> {
  const terms = filters.q ? searchTerms(filters.q) : [];
  // The longest word is looked up; the others are checked on what it finds.
  const [lookup, ...others] = [...terms].sort((a, b) => b.length - a.length);
  const base = {
    eventId,
    ...(filters.kind && { kind: filters.kind }),
    ...(filters.language && { languages: filters.language }),
    ...(filters.session && { sessionIds: filters.session }),
    ...(lookup && { searchKeys: lookup }),
  };
  const found = (
    await Promise.all(
      audiences.map((audience) =>
        OfficialDocument.find({ ...base, audience }, others.length > 0 ? {} : { searchKeys: 0 }).lean(),
      ),
    )
  )
    .flat()
    .filter((d) => others.every((term) => (d as { searchKeys?: string[] }).searchKeys?.includes(term)));
  const documents = found.map(toDocumentView);
  const family = new Map(found.map((d) => [String(d._id), d.familyKey ?? d.symbolKey]));
  documents.sort(
    (a, b) =>
      collator.compare(family.get(a.id) ?? '', family.get(b.id) ?? '') ||
      orderInFamily(a) - orderInFamily(b) ||
      collator.compare(a.symbol, b.symbol),
  );
  const total = documents.length;
  const perPage = options.whole ? Math.max(1, total) : DOCUMENTS_PER_PAGE;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const shown = documents.slice((page - 1) * perPage, page * perPage);
  const replaced = await supersession(eventId, audiences);
  const rows = await Promise.all(
    shown.map(async (d) => ({
      ...d,
      supersededBy: replaced.get(d.id),
      files: options.whole
        ? new Map<Language, FileView>()
        : currentFiles(
            (await DocumentFile.find({ documentId: d.id }).lean()).map(toFileView).sort(newestFirst),
          ),
    })),
  );
  return { rows, total, page, pages };
}

/** The public documents of each session, by symbol (for the programme's page, JSON and PDF). */
export async function sessionDocuments(eventId: string): Promise<Map<string, string[]>> {
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
