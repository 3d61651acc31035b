import { isDuplicateKey } from '../../db/duplicate-key.js';
import mongoose from 'mongoose';
import type { Clock } from '../../shared/clock.js';
import { GeneratedDocument } from './document.model.js';

export interface CacheKey {
  id: string;
  eventId: string;
  version: number;
  contentType: string;
}

/** Lean reads give BSON Binary for Buffer fields. */
function bytesOf(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  const inner = (value as { buffer?: Uint8Array }).buffer;
  return Buffer.from(inner ?? (value as Uint8Array));
}

// Requests for a document being drawn wait for that drawing instead of starting another.
const drawing = new Map<string, Promise<Buffer>>();

/** The stored file for `key`, drawn and stored first when there is none. */
export async function cachedFile(key: CacheKey, draw: () => Promise<Buffer>, clock: Clock): Promise<Buffer> {
  const stored = await GeneratedDocument.findById(key.id, { data: 1 }).lean();
  if (stored) return bytesOf(stored.data);
  const running = drawing.get(key.id);
  if (running) return running;
  const work = (async () => {
    const file = await draw();
    await GeneratedDocument.create({
      _id: key.id,
      eventId: key.eventId,
      version: key.version,
      contentType: key.contentType,
      data: file,
      createdAt: clock.now(),
    }).catch((error: unknown) => {
      // Another process stored the same document first: theirs is as good as ours.
      if (!isDuplicateKey(error)) throw error;
    });
    return file;
  })();
  drawing.set(key.id, work);
  try {
    return await work;
  } finally {
    drawing.delete(key.id);
  }
}

/** Drops documents made from versions before `version` (they are never asked for again). */
export async function forgetEarlierVersions(eventId: string, version: number): Promise<void> {
  await GeneratedDocument.deleteMany({ eventId, version: mongoose.trusted({ $lt: version }) });
}
