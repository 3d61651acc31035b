import mongoose from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { LinkInvalidError, NotFoundError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import { PersonImport } from './import.model.js';
import { readPeopleCsv, type ImportRow } from './person.csv.js';
import { createPerson, emailsInUse } from './person.service.js';

const DRAFT_LIFETIME_MS = 24 * 3_600_000;

export interface ImportPreview {
  id: string;
  fileName: string;
  rows: ImportRow[];
  valid: number;
  invalid: number;
}

/** UTF-8 when it is valid UTF-8; otherwise Windows-1252, which spreadsheet programs often write. */
export function decodeUpload(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function summarize(id: string, fileName: string, rows: ImportRow[]): ImportPreview {
  const valid = rows.filter((row) => row.errors.length === 0).length;
  return { id, fileName, rows, valid, invalid: rows.length - valid };
}

/** Checks an uploaded CSV and keeps it for confirmation; nothing is saved as people yet. */
export async function previewImport(
  upload: { content: string; fileName: string },
  actor: Actor,
  clock: Clock,
): Promise<ImportPreview> {
  const rows = readPeopleCsv(upload.content);
  const taken = await emailsInUse(rows.flatMap((row) => (row.input?.email ? [row.input.email] : [])));
  for (const row of rows) {
    if (row.input?.email && taken.has(row.input.email.toLowerCase())) {
      row.errors.push({ field: 'email', code: 'email_exists' });
      delete row.input;
    }
  }
  const now = clock.now();
  await PersonImport.deleteMany({
    createdAt: mongoose.trusted({ $lt: new Date(now.getTime() - DRAFT_LIFETIME_MS) }),
  });
  const draft = await PersonImport.create({
    createdAt: now,
    createdBy: actor.userId ?? actor.label,
    fileName: upload.fileName.slice(0, 200),
    rows: JSON.stringify(rows),
  });
  return summarize(draft.id, upload.fileName, rows);
}

export async function getImportPreview(importId: string, actor: Actor): Promise<ImportPreview> {
  const draft = await PersonImport.findById(importId).lean();
  if (!draft || draft.createdBy !== (actor.userId ?? actor.label)) throw new NotFoundError();
  return summarize(String(draft._id), draft.fileName ?? '', JSON.parse(draft.rows) as ImportRow[]);
}

/**
 * Saves the valid rows of a previewed import. The draft is deleted first: of two clicks on
 * "confirm", one imports and the other finds nothing.
 */
export async function confirmImport(
  importId: string,
  actor: Actor,
  clock: Clock,
): Promise<{ created: number; skipped: number }> {
  // A draft that is gone was confirmed already (or expired): 410, not 404.
  const draft = await PersonImport.findById(importId).lean();
  if (!draft) throw new LinkInvalidError('import already confirmed');
  if (draft.createdBy !== (actor.userId ?? actor.label)) throw new NotFoundError();
  const preview = summarize(String(draft._id), draft.fileName ?? '', JSON.parse(draft.rows) as ImportRow[]);
  const { deletedCount } = await PersonImport.deleteOne({ _id: importId });
  if (deletedCount !== 1) throw new LinkInvalidError('import already confirmed');
  let created = 0;
  let skipped = preview.invalid;
  for (const row of preview.rows) {
    if (!row.input) continue;
    try {
      await createPerson(row.input, actor, clock);
      created += 1;
    } catch {
      skipped += 1; // an email taken since the preview
    }
  }
  await recordChange(
    {
      action: 'people.imported',
      subjectType: 'people',
      subjectId: 'directory',
      actor,
      changes: [{ field: preview.fileName, from: null, to: created }],
    },
    clock,
  );
  return { created, skipped };
}
