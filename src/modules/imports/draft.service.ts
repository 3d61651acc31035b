import mongoose from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { LinkInvalidError, NotFoundError } from '../../shared/errors.js';
import { ImportDraft } from './draft.model.js';

const DRAFT_LIFETIME_MS = 24 * 3_600_000;
const owner = (actor: Actor) => actor.userId ?? actor.label;

/** UTF-8 when it is valid UTF-8; otherwise Windows-1252, which spreadsheet programs often write. */
export function decodeUpload(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Keeps checked rows for their uploader to confirm (drafts older than a day are dropped). */
export async function saveDraft<Row>(
  kind: string,
  upload: { fileName: string; rows: Row[] },
  actor: Actor,
  clock: Clock,
): Promise<string> {
  const now = clock.now();
  await ImportDraft.deleteMany({
    createdAt: mongoose.trusted({ $lt: new Date(now.getTime() - DRAFT_LIFETIME_MS) }),
  });
  const draft = await ImportDraft.create({
    kind,
    createdAt: now,
    createdBy: owner(actor),
    fileName: upload.fileName.slice(0, 200),
    rows: JSON.stringify(upload.rows),
  });
  return draft.id as string;
}

/** A draft of this kind, only for the one who uploaded it. */
export async function readDraft<Row>(kind: string, id: string, actor: Actor) {
  const draft = await ImportDraft.findById(id).lean();
  if (!draft || draft.kind !== kind || draft.createdBy !== owner(actor)) throw new NotFoundError();
  return { id: String(draft._id), fileName: draft.fileName ?? '', rows: JSON.parse(draft.rows) as Row[] };
}

/**
 * Takes a draft to import it. Deleting it by `_id` is the decision: of two clicks on "confirm",
 * one imports and the other finds nothing (410, not 404).
 */
export async function takeDraft<Row>(kind: string, id: string, actor: Actor) {
  const exists = await ImportDraft.exists({ _id: id });
  if (!exists) throw new LinkInvalidError('import already confirmed');
  // The other click may take it between these two reads: gone then means taken, not unknown.
  const draft = await readDraft<Row>(kind, id, actor).catch(async (error: unknown) => {
    if (error instanceof NotFoundError && !(await ImportDraft.exists({ _id: id }))) {
      throw new LinkInvalidError('import already confirmed');
    }
    throw error;
  });
  const { deletedCount } = await ImportDraft.deleteOne({ _id: id });
  if (deletedCount !== 1) throw new LinkInvalidError('import already confirmed');
  return draft;
}
