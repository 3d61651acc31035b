import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { streamCsv } from '../../shared/csv.js';
import { translatorFor, type Language, type Translate } from '../../shared/i18n/index.js';
import { formatDateRange } from '../../shared/time.js';
import { listSessions } from '../agenda/index.js';
import type { RenderJob } from '../documents/index.js';
import { localized, type EventView } from '../events/index.js';
import { DOCUMENT_KINDS } from './document.model.js';
import { documentsByBlock, orderInFamily, type ListedDocument } from './document.list.js';
import { relationOf, symbolKey } from './symbol.js';

type ListLayout = Extract<RenderJob, { kind: 'list' }>['layout'];

/** Draws a PDF from its layout (in a worker thread) and keeps it, by key, in the database. */
export interface ListPdfDeps {
  render: (job: RenderJob) => Promise<Buffer>;
  cache: (
    key: { id: string; eventId: string; version: number; contentType: string },
    draw: () => Promise<Buffer>,
  ) => Promise<Buffer>;
}

/** The list of documents in one language, grouped by kind: symbol, title, languages, date. */
export function documentListLayout(
  event: EventView,
  rows: ListedDocument[],
  language: Language,
  t: Translate,
): ListLayout {
  const title = localized(event.title, language, event.languages);
  return {
    language,
    title: t('officialDocuments.listTitle'),
    subtitle: `${title} · ${formatDateRange(event.startDate, event.endDate, language)}`,
    stamp: t('officialDocuments.listStamp', { count: rows.length }),
    pageOf: t('documents.pageOf'),
    empty: t('officialDocuments.empty'),
    groups: DOCUMENT_KINDS.map((kind) => ({
      heading: t(`officialDocuments.kinds.${kind}`),
      entries: rows
        .filter((d) => d.kind === kind)
        .map((d) => ({
          name: d.symbol,
          detail: localized(d.title, language, event.languages),
          note: [
            formatDateRange(d.date, d.date, language),
            d.languages.length > 0
              ? d.languages.map((l) => l.toUpperCase()).join(', ')
              : t('officialDocuments.noFiles'),
            ...(d.supersededBy ? [t('officialDocuments.supersededBy', { symbol: d.supersededBy })] : []),
          ].join(' · '),
        })),
    })).filter((group) => group.entries.length > 0),
  };
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The symbol a document's family goes by: its own, without its Rev./Corr./Add. endings. */
function familyOf(symbol: string): string {
  let family = symbol;
  for (let related = relationOf(family); related; related = relationOf(family)) family = related.parentSymbol;
  return symbolKey(family);
}

/** The printed list's order: by family symbol, each family's latest revision first. */
const bySymbol = (a: ListedDocument, b: ListedDocument) =>
  collator.compare(familyOf(a.symbol), familyOf(b.symbol)) ||
  orderInFamily(a) - orderInFamily(b) ||
  collator.compare(a.symbol, b.symbol);

/**
 * The public list of documents as a PDF in one language, drawn once for each state of the list
 * (any change to what it shows makes a new file) and kept in the database.
 */
export async function documentListPdf(deps: ListPdfDeps, event: EventView, language: Language) {
  const rows: ListedDocument[] = [];
  for await (const block of documentsByBlock(event.id, ['public'])) rows.push(...block);
  rows.sort(bySymbol);
  const layout = documentListLayout(event, rows, language, translatorFor(language));
  const digest = createHash('sha256')
    .update(JSON.stringify([event.revision, layout]))
    .digest('base64url')
    .slice(0, 16);
  return deps.cache(
    {
      id: `documents:${event.id}:${language}:${digest}`,
      eventId: event.id,
      version: 0,
      contentType: 'application/pdf',
    },
    () => deps.render({ kind: 'list', layout }),
  );
}

export const CSV_COLUMNS = [
  'symbol',
  'title_es',
  'title_pt',
  'title_en',
  'kind',
  'date',
  'distribution',
  'status',
  'languages',
  'sessions',
  'submitter',
  'relation',
  'superseded_by',
] as const;

/**
 * Every document of the event for its organizers, a row each in the order they were registered,
 * written a block at a time as it is read.
 */
export async function writeDocumentsCsv(out: Writable, event: EventView, language: Language): Promise<void> {
  const sessions = new Map(
    (await listSessions(event.id)).map((s) => [s.id, localized(s.title, language, event.languages)]),
  );
  await streamCsv(
    out,
    CSV_COLUMNS,
    (async function* () {
      for await (const block of documentsByBlock(event.id, ['team', 'participants', 'public'])) yield* block;
    })(),
    (batch) =>
      batch.map((d) => [
        d.symbol,
        d.title.es,
        d.title.pt,
        d.title.en,
        d.kind,
        d.date,
        d.distribution,
        d.status,
        d.languages.join(' '),
        d.sessionIds.map((id) => sessions.get(id) ?? id).join('; '),
        d.submitter,
        d.relation,
        d.supersededBy,
      ]),
  );
}
