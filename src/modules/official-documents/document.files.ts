import mongoose from 'mongoose';
import { NotFoundError } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n/index.js';
import { DocumentFile, OfficialDocument } from './document.model.js';
import { toFileView, type FileView } from './document.views.js';

/** Uploads the newest first; of two in the same instant, the later id (ids grow with time). */
export const newestFirst = (a: FileView, b: FileView) =>
  b.uploadedAt.getTime() - a.uploadedAt.getTime() || b.id.localeCompare(a.id);

/** Every file a document has had, the newest first. */
export async function filesOf(documentId: string): Promise<FileView[]> {
  const files = await DocumentFile.find({ documentId }).lean();
  return files.map(toFileView).sort(newestFirst);
}

/** The current file of each language: the newest upload. */
export function currentFiles(files: FileView[]): Map<Language, FileView> {
  const current = new Map<Language, FileView>();
  for (const file of files) if (!current.has(file.language)) current.set(file.language, file);
  return current;
}

export async function getFile(documentId: string, fileId: string): Promise<FileView> {
  if (!mongoose.isValidObjectId(fileId)) throw new NotFoundError();
  const found = await DocumentFile.findById(fileId).lean();
  if (!found || found.documentId !== documentId) throw new NotFoundError();
  return toFileView(found);
}

/** What the lists keep of a document's files: its languages (filtered on) and the current file of each. */
async function currentCopy(documentId: string) {
  const current = [...currentFiles(await filesOf(documentId)).values()];
  return {
    languages: current.map((f) => f.language).sort(),
    current: current.map(({ id, ...file }) => ({ _id: id, ...file })),
  };
}

/** Copies written in a row, at most, while versions keep arriving underneath. */
const COPY_ROUNDS = 3;

/**
 * The document's languages and current files, read again from its files. Two uploads at once
 * may write in either order (updates are not atomic on FerretDB): after writing, the files are
 * read again, and a newer state written too, so the last copy is the files' last.
 */
export async function refreshCurrentFiles(documentId: string): Promise<void> {
  let written = await currentCopy(documentId);
  for (let round = 0; round < COPY_ROUNDS; round += 1) {
    await OfficialDocument.updateOne({ _id: documentId }, { $set: written });
    const now = await currentCopy(documentId);
    if (JSON.stringify(now) === JSON.stringify(written)) return;
    written = now;
  }
}
