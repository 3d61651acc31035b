import { expect } from 'chai';
import mongoose, { Types } from 'mongoose';
import {
  BLOCK_SIZE,
  blocksForBulk,
  blocksOf,
  forgetFilledBlocks,
  nextBlock,
  readPage,
  type Page,
} from '../../src/db/blocks.js';
import { useTestForo } from '../support/foro.js';
import { migrate } from '../../src/db/migrations.js';
import { numberOlderMessages } from '../../src/modules/messaging/index.js';
import { numberOlderRegistrations } from '../../src/modules/registrations/index.js';
import { registrationList } from '../../src/modules/registrations/registration.model.js';

const Row = mongoose.model(
  'BlockTestRow',
  new mongoose.Schema({ list: String, block: Number, key: String, kind: String }),
  'block_test_rows',
);

describe('db: lists read a block at a time', function () {
  this.timeout(120_000);
  useTestForo(import.meta.url);

  async function addRows(
    list: string,
    count: number,
    kind = (i: number) => (i % 10 === 0 ? 'rare' : 'common'),
  ) {
    const keys: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const key = new Types.ObjectId().toHexString();
      await Row.create({ list, block: await nextBlock(list), key, kind: kind(i) });
      keys.push(key);
    }
    return keys;
  }

  function pages(list: string, filter: Record<string, unknown> = {}, newestFirst = false) {
    return (at: { after?: string; before?: string }) =>
      readPage({
        list,
        size: 50,
        readBlock: (block) => Row.find({ list, ...filter, block }).lean(),
        readAll: () => Row.find({ list, ...filter }).lean(),
        placeOf: (row) => ({ block: row.block!, key: row.key! }),
        newestFirst,
        ...at,
      });
  }

  async function walk(read: (at: { after?: string }) => Promise<Page<{ key?: string | null }>>) {
    const keys: string[] = [];
    let page = await read({});
    keys.push(...page.rows.map((r) => r.key!));
    while (page.next) {
      page = await read({ after: page.next });
      keys.push(...page.rows.map((r) => r.key!));
    }
    return { keys, last: page };
  }

  it('gives a block to at most 256 rows, however many ask at once, and a new process a block of its own', async () => {
    const blocks = await Promise.all(Array.from({ length: 600 }, () => nextBlock('burst')));
    const sizes = new Map<number, number>();
    for (const block of blocks) sizes.set(block, (sizes.get(block) ?? 0) + 1);
    expect([...sizes.values()].every((n) => n <= BLOCK_SIZE)).to.equal(true);
    expect(await blocksOf('burst')).to.deep.equal([0, 1, 2]);
    forgetFilledBlocks(); // as another process would start: it claims the next free number
    expect(await nextBlock('burst')).to.equal(3);
  });

  it('pages forwards and back in order, each row once, also with rows added between pages', async () => {
    const keys = await addRows('walk', 600);
    const read = pages('walk');
    const first = await read({});
    expect(first.rows.map((r) => r.key)).to.deep.equal(keys.slice(0, 50));
    expect(first.previous).to.equal(undefined);
    const later = await addRows('walk', 30);
    const seen = first.rows.map((r) => r.key!);
    let page = first;
    while (page.next) {
      page = await read({ after: page.next });
      seen.push(...page.rows.map((r) => r.key!));
    }
    const all = [...keys, ...later];
    expect(seen, 'each row once, in order, the newcomers at the end').to.deep.equal(all);
    const back = await read({ before: page.previous! });
    expect(back.rows.map((r) => r.key)).to.deep.equal(all.slice(550, 600));
  });

  it('pages newest first, and a rare filter reads its few rows at once', async () => {
    const keys = await addRows('outbox-like', 700);
    const { keys: newest } = await walk(pages('outbox-like', {}, true));
    expect(newest).to.deep.equal([...keys].reverse());
    const rare = keys.filter((_, i) => i % 10 === 0);
    const { keys: seenRare } = await walk(pages('outbox-like', { kind: 'rare' }));
    expect(seenRare).to.deep.equal(rare);
    const none = await pages('outbox-like', { kind: 'absent' })({});
    expect(none.rows).to.deep.equal([]);
    expect(none.next).to.equal(undefined);
  });

  it('reads on through a filter whose first block holds few, rather than reading every row it keeps', async () => {
    const list = 'clustered';
    const count = 20 * BLOCK_SIZE;
    const blockOf = await blocksForBulk(list, count);
    // Two in the first block, then five in each: one block alone would say 25 blocks are needed.
    const kept = (i: number) => i % BLOCK_SIZE < (i < BLOCK_SIZE ? 2 : 5);
    const rows = Array.from({ length: count }, (_, i) => ({
      list,
      block: blockOf(i),
      key: String(i).padStart(5, '0'),
      kind: kept(i) ? 'kept' : 'other',
    }));
    await Row.insertMany(rows);
    let readAll = 0;
    const page = await readPage({
      list,
      size: 50,
      readBlock: (block) => Row.find({ list, kind: 'kept', block }).lean(),
      readAll: () => {
        readAll += 1;
        return Row.find({ list, kind: 'kept' }).lean();
      },
      placeOf: (row) => ({ block: row.block!, key: row.key! }),
    });
    const expected = rows.filter((r) => r.kind === 'kept').slice(0, 50);
    expect(page.rows.map((r) => r.key)).to.deep.equal(expected.map((r) => r.key));
    expect(page.next).to.be.a('string');
    expect(readAll, 'the blocks filled the page').to.equal(0);
  });

  it('gives registrations and mails written before blocks existed a block, in order, once per database', async () => {
    const db = mongoose.connection.db!;
    const eventId = new Types.ObjectId().toHexString();
    const arrivals = Array.from({ length: 300 }, () => new Types.ObjectId().toHexString());
    await db.collection('registrations').insertMany(arrivals.map((arrival) => ({ eventId, arrival })));
    await db.collection('messages').insertMany(Array.from({ length: 10 }, () => ({ subject: 'older' })));
    await db.collection('migrations').deleteMany({});
    await migrate([numberOlderRegistrations, numberOlderMessages]);
    const numbered = await db
      .collection('registrations')
      .find({ eventId })
      .project({ arrival: 1, block: 1 })
      .toArray();
    const byArrival = numbered.sort((a, b) => (a['arrival'] < b['arrival'] ? -1 : 1));
    expect(byArrival.map((r) => r['block'])).to.deep.equal([
      ...Array<number>(256).fill(0),
      ...Array<number>(44).fill(1),
    ]);
    expect(await blocksOf(registrationList(eventId))).to.deep.equal([0, 1]);
    const messages = await db.collection('messages').find({ subject: 'older' }).toArray();
    expect(messages.every((m) => typeof m['block'] === 'number')).to.equal(true);
    expect(await db.collection('migrations').countDocuments()).to.equal(2);
  });
});
