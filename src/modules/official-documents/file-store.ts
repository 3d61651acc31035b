import { Readable } from 'node:stream';
import type { Collection } from 'mongodb';
import { DocumentChunk } from './document.model.js';

/** The size of one stored piece: as GridFS's default, well under a reply's limit. */
export const CHUNK_BYTES = 255 * 1024;
/** Pieces written per insert. */
const PER_INSERT = 8;

interface ChunkRow {
  _id: string;
  fileId: string;
  n: number;
  data: Buffer;
}

const chunks = () => DocumentChunk.collection as unknown as Collection<ChunkRow>;
const chunkId = (fileId: string, n: number) => `${fileId}:${n}`;

/** Lean reads give BSON Binary for Buffer fields. */
function bytesOf(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const inner = (value as { buffer?: Uint8Array }).buffer;
  return Buffer.from(inner ?? (value as Uint8Array));
}

/**
 * Stores the bytes of a file under `fileId` in pieces. A write that fails part-way removes
 * what it wrote: the file's record is made only after all its pieces are stored.
 */
export async function storeBytes(fileId: string, bytes: Buffer): Promise<{ chunks: number }> {
  const count = Math.ceil(bytes.length / CHUNK_BYTES);
  try {
    for (let first = 0; first < count; first += PER_INSERT) {
      const rows: ChunkRow[] = [];
      for (let n = first; n < Math.min(count, first + PER_INSERT); n++) {
        rows.push({
          _id: chunkId(fileId, n),
          fileId,
          n,
          data: bytes.subarray(n * CHUNK_BYTES, (n + 1) * CHUNK_BYTES),
        });
      }
      await chunks().insertMany(rows, { ordered: true });
    }
  } catch (error) {
    await removeBytes(fileId).catch(() => undefined);
    throw error;
  }
  return { chunks: count };
}

export async function removeBytes(fileId: string): Promise<void> {
  await chunks().deleteMany({ fileId });
}

/**
 * The file as a stream of its pieces in order, read a couple at a time as the reader asks for
 * more: memory stays at a piece or two whatever the size, a slow reader slows the reads down,
 * and the database goes through the file's pieces once.
 */
export function readBytes(fileId: string, count: number): Readable {
  async function* pieces() {
    const cursor = chunks().find({ fileId }, { sort: { n: 1 }, batchSize: 2 });
    try {
      let n = 0;
      for await (const row of cursor) {
        if (row.n !== n) throw new Error(`Stored file ${fileId} is missing its piece ${n}`);
        n += 1;
        yield bytesOf(row.data);
      }
      if (n !== count) throw new Error(`Stored file ${fileId} has ${n} of its ${count} pieces`);
    } finally {
      await cursor.close();
    }
  }
  return Readable.from(pieces(), { objectMode: false, highWaterMark: CHUNK_BYTES });
}

/** The whole file in memory (small files: tests, the demo). */
export async function readAllBytes(fileId: string, count: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of readBytes(fileId, count)) parts.push(part as Buffer);
  return Buffer.concat(parts);
}
