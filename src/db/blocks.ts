import mongoose from 'mongoose';
import { insertUnlessTaken } from './duplicate-key.js';

/**
 * Long lists (an event's registrations, the people, the outbox) are read a page at a time
 * through numbered blocks: every row gets, when it is written, the number of a block of at most
 * `BLOCK_SIZE` rows of its list, and a page reads the few blocks it needs by equality.
 *
 * Why: FerretDB sorts, skips and limits in its own process after reading every document its
 * equality filter matches, so `find({eventId}).sort().limit(50)` reads the whole event (6 s at
 * 100,000 rows). It does push down top-level equality: `find({eventId, block})` reads one block
 * (0.15 s). On MongoDB the same query walks an index on (list key, block).
 *
 * Each process fills a block of its own, claimed by a unique insert, so blocks never exceed
 * their size whatever the number of processes, and block numbers grow with time: a list in
 * (block, arrival) order is in arrival order, give or take the rows that processes wrote at
 * the same moment.
 */
export const BLOCK_SIZE = 256;

const blockSchema = new mongoose.Schema(
  { _id: String, list: { type: String, required: true }, block: { type: Number, required: true } },
  { versionKey: false },
);
blockSchema.index({ list: 1 });
export const ListBlock = mongoose.model('ListBlock', blockSchema, 'list_blocks');

interface Filling {
  block: number;
  used: number;
}

/** The block each list is filling in this process, or the claim of its next one. */
const filling = new Map<string, Filling | Promise<Filling>>();

/** The block numbers of a list, in order. */
export async function blocksOf(list: string): Promise<number[]> {
  const docs = await ListBlock.find({ list }, { block: 1 }).lean();
  return docs.map((doc) => doc.block).sort((a, b) => a - b);
}

/** Claims the next free block number of the list for this process. */
async function claimBlock(list: string): Promise<Filling> {
  let block = ((await blocksOf(list)).at(-1) ?? -1) + 1;
  while (!(await insertUnlessTaken(ListBlock, { _id: `${list}#${block}`, list, block }))) block += 1;
  return { block, used: 0 };
}

/** The block the next row of `list` goes to. */
export async function nextBlock(list: string): Promise<number> {
  // Keyed by database too: a process (a test run) may use several.
  const key = `${ListBlock.db.name}/${list}`;
  for (;;) {
    const current = filling.get(key);
    if (current === undefined || (!(current instanceof Promise) && current.used >= BLOCK_SIZE)) {
      const claim = claimBlock(list);
      filling.set(key, claim);
      try {
        filling.set(key, await claim);
      } catch (error) {
        filling.delete(key);
        throw error;
      }
      continue;
    }
    const ready = current instanceof Promise ? await current : current;
    if (ready.used >= BLOCK_SIZE) continue;
    ready.used += 1;
    return ready.block;
  }
}

/**
 * Numbers `count` new rows of a list written together (a bulk load): whole blocks of their own,
 * claimed at once. Returns the block of the i-th row.
 */
export async function blocksForBulk(list: string, count: number): Promise<(index: number) => number> {
  const first = (await claimBlock(list)).block;
  const needed = Math.ceil(count / BLOCK_SIZE);
  const blocks = [first];
  for (let next = first + 1; blocks.length < needed; next += 1) {
    if (await insertUnlessTaken(ListBlock, { _id: `${list}#${next}`, list, block: next })) blocks.push(next);
  }
  return (index) => blocks[Math.floor(index / BLOCK_SIZE)]!;
}

/** Forgets the blocks this process was filling (tests that wipe the database). */
export function forgetFilledBlocks(): void {
  filling.clear();
}

/** A place in a list: a row's block and its key within the block (an ObjectId in hex, in time order). */
export interface Place {
  block: number;
  key: string;
}

const compare = (a: Place, b: Place) => a.block - b.block || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** A place as it travels in links and API cursors: `block.key`. */
export const placeToCursor = (place: Place) => `${place.block}.${place.key}`;

/** The place a cursor names, or undefined when it is not one. */
export function cursorToPlace(cursor: string | undefined): Place | undefined {
  const match = cursor === undefined ? null : /^(\d{1,9})\.([0-9a-f]{24})$/.exec(cursor);
  return match ? { block: Number(match[1]), key: match[2]! } : undefined;
}

export interface PageQuery<T> {
  list: string;
  size: number;
  /** The rows of one block that the page's filter keeps. */
  readBlock(block: number): Promise<T[]>;
  /** Every row the filter keeps, for a filter that keeps few (read at once, not block by block). */
  readAll(): Promise<T[]>;
  placeOf(row: T): Place;
  /** Shown newest first (the outbox) instead of oldest first. */
  newestFirst?: boolean;
  /** The cursor of the row the page starts after, or ends before, as shown. */
  after?: string | undefined;
  before?: string | undefined;
}

export interface Page<T> {
  rows: T[];
  next?: string;
  previous?: string;
}

/** Blocks a page reads, at most, before a sparse filter reads its rows at once instead. */
const BLOCKS_BEFORE_READING_ALL = 15;
/** Blocks read together in one round, at most. */
const BLOCKS_PER_ROUND = 8;

/**
 * One page of a list in (block, key) order, or the reverse, after or before a cursor. It reads
 * one block from the cursor on, then as many more at once as the rows found so far say the page
 * needs, until it holds a page; a filter that keeps so few rows that 15 blocks would not fill a
 * page reads its rows at once instead (few, by definition), as soon as more than one block (or
 * a first block without any) shows it. A cursor
 * names a place, not a position, so rows added between pages never make a row skipped or shown
 * twice.
 */
export async function readPage<T>(query: PageQuery<T>): Promise<Page<T>> {
  const towardsEnd = query.before === undefined || query.after !== undefined; // as shown
  const from = cursorToPlace(towardsEnd ? query.after : query.before);
  // Reading down the list: towards its start (older rows).
  const down = towardsEnd === Boolean(query.newestFirst);
  const beyond = (row: T) => {
    if (!from) return true;
    const order = compare(query.placeOf(row), from);
    return down ? order < 0 : order > 0;
  };
  const ordered = (rows: T[]) => {
    const sorted = rows.filter(beyond).sort((a, b) => compare(query.placeOf(a), query.placeOf(b)));
    return down ? sorted.reverse() : sorted;
  };

  const blocks = (await blocksOf(query.list)).filter(
    (block) => !from || (down ? block <= from.block : block >= from.block),
  );
  if (down) blocks.reverse();
  let found: T[] = [];
  let read = 0;
  for (let round = 1; read < blocks.length;) {
    const batch = blocks.slice(read, read + round);
    read += batch.length;
    found = found.concat(ordered((await Promise.all(batch.map((b) => query.readBlock(b)))).flat()));
    if (found.length > query.size || read >= blocks.length) break;
    const perBlock = found.length / read;
    const stillNeeded = Math.min(
      blocks.length - read,
      perBlock === 0 ? Infinity : Math.ceil((query.size + 1 - found.length) / perBlock),
    );
    // One block is too few to judge a filter by (a name's bearers cluster by chance), unless it
    // held none: a filter that keeps some rows reads a round more before it reads them all.
    if (read + stillNeeded > BLOCKS_BEFORE_READING_ALL && (found.length === 0 || read > 1)) {
      found = ordered(await query.readAll());
      break;
    }
    round = Math.min(BLOCKS_PER_ROUND, stillNeeded);
  }

  const more = found.length > query.size;
  const rows = found.slice(0, query.size);
  if (!towardsEnd) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const hasNext = towardsEnd ? more : from !== undefined;
  const hasPrevious = towardsEnd ? from !== undefined : more;
  return {
    rows,
    ...(hasNext && last && { next: placeToCursor(query.placeOf(last)) }),
    ...(hasPrevious && first && { previous: placeToCursor(query.placeOf(first)) }),
  };
}

/**
 * Writes of one bulk, at most: FerretDB 1.24 on SQLite stopped answering a bulk of 100 updates
 * (50 passed), so a migration sends small ones.
 */
const UPDATES_PER_BULK = 25;

/** Gives rows written before their list had blocks a block each, in the order given (a migration). */
export async function numberIntoBlocks(
  model: { bulkWrite(operations: never[]): Promise<unknown> },
  list: string,
  ids: unknown[],
): Promise<void> {
  if (ids.length === 0) return;
  const blockOf = await blocksForBulk(list, ids.length);
  for (let start = 0; start < ids.length; start += UPDATES_PER_BULK) {
    const operations = ids.slice(start, start + UPDATES_PER_BULK).map((_id, i) => ({
      updateOne: { filter: { _id }, update: { $set: { block: blockOf(start + i) } } },
    }));
    await model.bulkWrite(operations as never[]);
  }
}
