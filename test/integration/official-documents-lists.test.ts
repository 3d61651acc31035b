import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { getEvent } from '../../src/modules/events/index.js';
import {
  DocumentFile,
  listDocuments,
  numberOlderDocuments,
  OfficialDocument,
  registerDocument,
} from '../../src/modules/official-documents/index.js';
import type { Audience } from '../../src/modules/official-documents/document.model.js';
import type { DocumentFilters } from '../../src/modules/official-documents/document.list.js';
import { createPublishedEvent } from '../factories/events.js';
import { insertDocuments } from '../factories/documents.js';
import { useTestForo } from '../support/foro.js';
import { signedInAs } from '../support/http.js';

/** Every filter sent to the documents' collection while `run` was going on, and the reads of files. */
async function documentQueriesDuring(
  run: () => Promise<unknown>,
): Promise<Record<string, unknown>[] & { fileReads?: number }> {
  const seen: Record<string, unknown>[] & { fileReads?: number } = [];
  seen.fileReads = 0;
  mongoose.set('debug', (collection: string, method: string, query: unknown) => {
    if (collection === OfficialDocument.collection.collectionName && method === 'find')
      seen.push(JSON.parse(JSON.stringify(query)) as Record<string, unknown>);
    if (collection === DocumentFile.collection.collectionName) seen.fileReads! += 1;
  });
  try {
    await run();
  } finally {
    mongoose.set('debug', false);
  }
  return seen;
}

/** Each value a plain scalar (an equality FerretDB pushes down), or `$ne` on the audience. */
function byEquality(filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([field, value]) =>
    field === 'audience' && typeof value === 'object'
      ? Object.keys(value as object).join() === '$ne'
      : ['string', 'number'].includes(typeof value),
  );
}

describe('official documents: lists read a page at a time', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url);

  async function setUp(count: number) {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    // Every third a study, every tenth a draft (the team's only), every seventh restricted.
    const docs = await insertDocuments(event.id, count, (i) => ({
      kind: i % 3 === 0 ? 'study' : 'working',
      ...(i % 10 === 0 && { status: 'draft' as const }),
      ...(i % 7 === 0 && { distribution: 'restricted' as const }),
    }));
    return { organizer, event, docs };
  }

  /** The symbols of every page, following `next` from the first, and the number of pages. */
  async function walk(eventId: string, audiences: Audience[], filters: DocumentFilters) {
    const symbols: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listDocuments(eventId, audiences, filters, { after });
      symbols.push(...page.rows.map((d) => d.symbol));
      after = page.next;
      pages += 1;
    } while (after && pages < 20);
    return { symbols, pages };
  }

  it('pages through hundreds of documents newest first, filtered, each one once, forwards and back', async () => {
    const { event, docs } = await setUp(300);
    expect(new Set(docs.map((d) => d.block)).size, 'more than one block').to.be.above(1);
    const publicStudies = docs
      .map((d, i) => ({ ...d, i }))
      .filter(({ i }) => i % 3 === 0 && i % 10 !== 0 && i % 7 !== 0)
      .map((d) => d.symbol)
      .reverse();
    const { symbols, pages } = await walk(event.id, ['public'], { kind: 'study', q: 'document' });
    expect(pages).to.be.above(1);
    expect(symbols).to.deep.equal(publicStudies);

    const all = await walk(event.id, ['team', 'participants', 'public'], {});
    expect(all.symbols).to.deep.equal(docs.map((d) => d.symbol).reverse());
    expect(all.pages).to.equal(6);

    // Back from the last page, following `previous`.
    let page = await listDocuments(event.id, ['public', 'participants'], {});
    const forwards: string[][] = [];
    for (;;) {
      forwards.push(page.rows.map((d) => d.symbol));
      if (!page.next) break;
      page = await listDocuments(event.id, ['public', 'participants'], {}, { after: page.next });
    }
    const backwards: string[][] = [page.rows.map((d) => d.symbol)];
    while (page.previous) {
      page = await listDocuments(event.id, ['public', 'participants'], {}, { before: page.previous });
      backwards.unshift(page.rows.map((d) => d.symbol));
    }
    expect(backwards).to.deep.equal(forwards);
    expect(forwards.flat()).not.to.include('DOC/10');
    expect(forwards.flat()).to.include('DOC/7');
  });

  it('neither skips nor repeats a document when some are registered between two pages', async () => {
    const { organizer, event, docs } = await setUp(120);
    const first = await listDocuments(event.id, ['team', 'participants', 'public'], {});
    expect(first.rows).to.have.length(50);
    const added = ['NEW/1', 'DOC/0/Rev.1', 'NEW/3'];
    for (const symbol of added) {
      await registerDocument(
        await getEvent(event.id),
        {
          symbol,
          title: { en: 'Late' },
          kind: 'report',
          date: '2008-04-11',
          distribution: 'general',
          status: 'final',
          sessionIds: [],
        },
        organizer.actor,
        foro.clock,
      );
    }
    const seen = first.rows.map((d) => d.symbol);
    let after = first.next;
    while (after) {
      const page = await listDocuments(event.id, ['team', 'participants', 'public'], {}, { after });
      seen.push(...page.rows.map((d) => d.symbol));
      after = page.next;
    }
    expect(seen).to.deep.equal(docs.map((d) => d.symbol).reverse());
    const again = await listDocuments(event.id, ['team', 'participants', 'public'], {});
    expect(again.rows.slice(0, 3).map((d) => d.symbol)).to.deep.equal([...added].reverse());
    // The revision supersedes its parent on the last page, read by the parent's block.
    let last = again;
    while (last.next)
      last = await listDocuments(event.id, ['team', 'participants', 'public'], {}, { after: last.next });
    const parent = last.rows.find((d) => d.symbol === 'DOC/0')!;
    expect(parent.supersededBy).to.equal('DOC/0/Rev.1');
  });

  it('reads a page, the CSV and the list PDF by equality, a block at a time, never the whole event', async () => {
    const { organizer, event } = await setUp(300);
    const page = await documentQueriesDuring(() =>
      listDocuments(event.id, ['public', 'participants'], { kind: 'study' }),
    );
    // A block or two of rows, and the revisions of those blocks' documents; no file.
    expect(page.length, JSON.stringify(page)).to.be.within(2, 4);
    expect(page.fileReads).to.equal(0);
    for (const filter of page) {
      expect(byEquality(filter), JSON.stringify(filter)).to.equal(true);
      expect(filter, JSON.stringify(filter)).to.include.any.keys('block', 'parentBlock');
      expect(filter).to.include.keys('eventId');
    }
    const exports = await documentQueriesDuring(async () => {
      const csv = await organizer.agent.get(`/admin/events/${event.id}/documents.csv`);
      expect(csv.status).to.equal(200);
      expect(csv.text.trim().split('\n')).to.have.length(301);
      const pdf = await request(foro.url).get(`/events/${event.slug}/documents.pdf?lang=en`);
      expect(pdf.status).to.equal(200);
    });
    expect(exports.length).to.be.above(0);
    for (const filter of exports) {
      expect(byEquality(filter), JSON.stringify(filter)).to.equal(true);
      expect(filter, JSON.stringify(filter)).to.include.keys('eventId', 'block');
    }
  });

  it('pages the register, the public page and the API with after/before links', async () => {
    const { organizer, event } = await setUp(130);
    const admin = await organizer.agent.get(`/admin/events/${event.id}/documents?lang=en`);
    expect(admin.text).to.include('Newest first');
    expect(admin.text).to.include('DOC/129');
    const older = /rel="next" href="\?([^"]+)"/.exec(admin.text)?.[1]?.replaceAll('&amp;', '&');
    expect(older, 'a link to older documents').to.be.a('string');
    const second = await organizer.agent.get(`/admin/events/${event.id}/documents?${older!}`);
    expect(second.status).to.equal(200);
    expect(second.text).to.include('DOC/79');
    expect(second.text).not.to.include('DOC/129<');
    expect(second.text).to.include('rel="prev"');

    const publicPage = await request(foro.url).get(`/events/${event.slug}/documents?lang=en&kind=study`);
    expect(publicPage.status).to.equal(200);
    expect(publicPage.text).to.include('DOC/129');
    expect(publicPage.text).not.to.include('DOC/128<');

    const api = `/api/v1/events/${event.id}/documents`;
    const ids = new Set<string>();
    let next: string | undefined;
    let pages = 0;
    do {
      const res = await organizer.agent.get(next ? `${api}?after=${next}` : api);
      expect(res.status).to.equal(200);
      const body = res.body as { documents: { id: string }[]; next?: string };
      for (const d of body.documents) ids.add(d.id);
      next = body.next;
      pages += 1;
    } while (next);
    expect(ids.size).to.equal(130);
    expect(pages).to.equal(3);
    expect((await organizer.agent.get(`${api}?after=nonsense`)).status).to.equal(422);
    expect((await organizer.agent.get(`${api}?page=2`)).status).to.equal(422);
  });

  it('numbers documents registered before the lists were paged, in the order they were registered', async () => {
    const { event } = await setUp(0);
    const other = new mongoose.Types.ObjectId().toHexString();
    const older = Array.from({ length: 70 }, (_, i) => ({
      _id: new mongoose.Types.ObjectId(),
      eventId: i % 2 === 0 ? event.id : other,
      symbol: `OLD/${i}`,
      symbolKey: `old/${i}`,
      title: { en: `Old ${i}` },
      kind: 'report',
      date: '2008-04-10',
      distribution: 'general',
      status: 'final',
      audience: 'public',
      sessionIds: [],
      languages: [],
      searchKeys: ['old'],
      revision: 1,
    }));
    const revision = {
      ...older[0]!,
      _id: new mongoose.Types.ObjectId(),
      symbol: 'OLD/0/Rev.1',
      symbolKey: 'old/0/rev.1',
      parentId: String(older[0]!._id),
      relation: 'revision',
      relationNumber: 1,
    };
    await OfficialDocument.collection.insertMany([...older, revision]);
    const fileId = new mongoose.Types.ObjectId();
    await DocumentFile.collection.insertOne({
      _id: fileId,
      eventId: event.id,
      documentId: String(older[2]!._id),
      language: 'es',
      format: 'pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: 'x',
      chunkSize: 1,
      chunks: 1,
      uploadedAt: new Date(),
      uploadedBy: 'test',
    });
    expect((await listDocuments(event.id, ['public'], {})).rows).to.have.length(0);
    await numberOlderDocuments.run();
    await numberOlderDocuments.run();
    expect(await OfficialDocument.countDocuments({ block: mongoose.trusted({ $exists: false }) })).to.equal(
      0,
    );
    const { symbols } = await walk(event.id, ['public'], {});
    const rest = older.filter((d, i) => d.eventId === event.id && i > 0).map((d) => d.symbol);
    // Newest first, the revision's family together at its place.
    expect(symbols).to.deep.equal(['OLD/0/Rev.1', 'OLD/0', ...rest.reverse()]);
    const page = await listDocuments(event.id, ['public'], {});
    expect(page.rows.find((d) => d.symbol === 'OLD/0')!.supersededBy).to.equal('OLD/0/Rev.1');
    expect(page.rows.find((d) => d.symbol === 'OLD/2')!.files.get('es')?.id).to.equal(String(fileId));
    expect(await OfficialDocument.countDocuments({ current: mongoose.trusted({ $exists: false }) })).to.equal(
      0,
    );
    expect((await walk(other, ['public'], {})).symbols).to.have.length(35);
  });
});
