import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n/index.js';
import { listSessions } from '../agenda/index.js';
import { diff, recordChange } from '../audit/index.js';
import type { EventView } from '../events/index.js';
import {
  DocumentFile,
  OfficialDocument,
  type Audience,
  type Distribution,
  type DocumentStatus,
  type FileFormat,
  type Relation,
} from './document.model.js';
import type { DocumentInput, DocumentPatch } from './document.schemas.js';
import { toDocumentView, toFileView, type DocumentView, type FileView } from './document.views.js';
import { checkFile, CONTENT_TYPES } from './file-check.js';
import { CHUNK_BYTES, removeBytes, storeBytes } from './file-store.js';
import { refreshCurrentFiles } from './document.files.js';
import { relationOf, searchKeysOf, symbolKey } from './symbol.js';
import type { SubmitterKind } from './submission.js';

export function audienceOf(status: DocumentStatus, distribution: Distribution): Audience {
  if (status === 'draft') return 'team';
  return distribution === 'restricted' ? 'participants' : 'public';
}

/** The fields stored from an input: keys, audience and the link to the parent. */
async function storedFields(event: EventView, input: DocumentInput, selfId?: string) {
  const sessions = new Set((await listSessions(event.id)).map((s) => s.id));
  const unknown = input.sessionIds.findIndex((id) => !sessions.has(id));
  if (unknown >= 0) throw new ValidationError([{ field: `sessionIds.${unknown}`, code: 'invalid_choice' }]);
  const related = relationOf(input.symbol);
  let parent: {
    parentId?: string;
    relation?: Relation;
    relationNumber?: number;
    familyKey?: string;
    parentBlock?: number;
  } = {};
  if (related) {
    const found = await OfficialDocument.findOne(
      { eventId: event.id, symbolKey: symbolKey(related.parentSymbol) },
      { _id: 1, symbolKey: 1, familyKey: 1, block: 1 },
    ).lean();
    if (!found || String(found._id) === selfId)
      throw new ValidationError([
        { field: 'symbol', code: 'parent_missing', params: { symbol: related.parentSymbol } },
      ]);
    parent = {
      parentId: String(found._id),
      relation: related.relation,
      relationNumber: related.number,
      familyKey: found.familyKey ?? found.symbolKey,
      ...(found.block != null && { parentBlock: found.block }),
    };
  }
  return {
    symbol: input.symbol,
    symbolKey: symbolKey(input.symbol),
    title: input.title,
    kind: input.kind,
    date: input.date,
    distribution: input.distribution,
    status: input.status,
    audience: audienceOf(input.status, input.distribution),
    sessionIds: [...new Set(input.sessionIds)],
    submitter: input.submitter || undefined,
    parentId: parent.parentId,
    relation: parent.relation,
    relationNumber: parent.relationNumber,
    parentBlock: parent.parentBlock,
    familyKey: parent.familyKey ?? symbolKey(input.symbol),
    searchKeys: searchKeysOf(input.symbol, input.title),
  };
}

const symbolTaken = (symbol: string) => new ConflictError('DOCUMENT_SYMBOL_TAKEN', undefined, { symbol });

/** An archived event's record is closed: nothing in its register changes any more. */
function assertOpen(event: EventView): void {
  if (event.status === 'archived') throw new ConflictError('EVENT_ARCHIVED');
}

/**
 * Registers a document. The unique index on (event, symbol key) decides between two
 * registrations of one symbol, even at once: one is stored, the other is told (409).
 */
export async function registerDocument(
  event: EventView,
  input: DocumentInput,
  actor: Actor,
  clock: Clock,
  submittedBy?: { kind: SubmitterKind; id: string },
): Promise<DocumentView> {
  assertOpen(event);
  const fields = await storedFields(event, input);
  let created;
  try {
    created = await OfficialDocument.create({
      eventId: event.id,
      ...fields,
      ...(submittedBy && { submittedBy }),
      languages: [],
      current: [],
      revision: 1,
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw symbolTaken(input.symbol);
    throw error;
  }
  await recordChange(
    {
      action: 'document.registered',
      subjectType: 'document',
      subjectId: String(created._id),
      actor,
      changes: [{ field: 'symbol', from: undefined, to: input.symbol }],
    },
    clock,
  );
  return toDocumentView(created.toObject());
}

const EDITABLE = [
  'symbol',
  'title',
  'kind',
  'date',
  'distribution',
  'status',
  'sessionIds',
  'submitter',
] as const;

/** Changes a document's record; its state (draft, advance, final) is one of its fields. */
export async function updateDocument(
  event: EventView,
  documentId: string,
  patch: DocumentPatch,
  actor: Actor,
  clock: Clock,
): Promise<{ before: DocumentView; after: DocumentView }> {
  assertOpen(event);
  const before = await getDocument(event.id, documentId);
  const input: DocumentInput = {
    symbol: patch.symbol ?? before.symbol,
    title: patch.title ?? before.title,
    kind: patch.kind ?? before.kind,
    date: patch.date ?? before.date,
    distribution: patch.distribution ?? before.distribution,
    status: patch.status ?? before.status,
    sessionIds: patch.sessionIds ?? before.sessionIds,
    submitter: 'submitter' in patch ? patch.submitter : before.submitter,
  };
  const fields = await storedFields(event, input, documentId);
  try {
    await OfficialDocument.updateOne(
      { _id: documentId },
      {
        $set: { ...fields, revision: before.revision + 1 },
        $unset: {
          ...(!fields.parentId && { parentId: 1, relation: 1, relationNumber: 1, parentBlock: 1 }),
          ...(!fields.submitter && { submitter: 1 }),
        },
      },
    );
  } catch (error) {
    if (isDuplicateKey(error)) throw symbolTaken(input.symbol);
    throw error;
  }
  const after = await getDocument(event.id, documentId);
  const pick = (d: DocumentView) => Object.fromEntries(EDITABLE.map((k) => [k, d[k]]));
  const changes = diff(pick(before), pick(after));
  if (changes.length > 0) {
    await recordChange(
      {
        action: 'document.updated',
        subjectType: 'document',
        subjectId: documentId,
        actor,
        changes: [
          { field: 'symbol', from: before.symbol, to: after.symbol },
          ...changes.filter((c) => c.field !== 'symbol'),
        ],
      },
      clock,
    );
  }
  return { before, after };
}

export async function getDocument(eventId: string, documentId: string): Promise<DocumentView> {
  if (!mongoose.isValidObjectId(documentId)) throw new NotFoundError();
  const found = await OfficialDocument.findById(documentId).lean();
  if (!found || found.eventId !== eventId) throw new NotFoundError();
  return toDocumentView(found);
}

/** A document by its symbol, as people type it (case, accents and spaces do not matter). */
export async function findBySymbol(eventId: string, symbol: string): Promise<DocumentView | undefined> {
  const found = await OfficialDocument.findOne({ eventId, symbolKey: symbolKey(symbol) }).lean();
  return found ? toDocumentView(found) : undefined;
}

export { currentFiles, filesOf, getFile, newestFirst, refreshCurrentFiles } from './document.files.js';

export interface Upload {
  bytes: Buffer;
  fileName: string;
}

/** The format of an upload that may be stored; otherwise a 422 that says why. */
export function acceptedFormat(upload: Upload, maxBytes: number): FileFormat {
  if (upload.bytes.length > maxBytes) {
    const max = `${Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MB`;
    throw new ValidationError([{ field: 'upload', code: 'file_too_large', params: { max } }]);
  }
  const checked = checkFile(upload.bytes, upload.fileName);
  if ('problem' in checked) throw new ValidationError([{ field: 'upload', code: checked.problem }]);
  return checked.format;
}

/**
 * Adds a language version. The content decides what the file is (a PDF, or an Office file with
 * its declared parts); an empty file, one over the limit, or one that is not what its name says
 * is refused and nothing is stored. The version it replaces stays in the document's history.
 */
export async function addLanguageVersion(
  event: EventView,
  documentId: string,
  language: Language,
  upload: Upload,
  actor: Actor,
  deps: { clock: Clock; maxBytes: number },
): Promise<FileView> {
  assertOpen(event);
  const document = await getDocument(event.id, documentId);
  const format = acceptedFormat(upload, deps.maxBytes);
  const fileId = new mongoose.Types.ObjectId();
  const { chunks } = await storeBytes(String(fileId), upload.bytes);
  const replaced = document.languages.includes(language);
  let file;
  try {
    file = await DocumentFile.create({
      _id: fileId,
      eventId: event.id,
      documentId,
      language,
      format,
      contentType: CONTENT_TYPES[format],
      originalName: upload.fileName.slice(0, 300),
      size: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      chunkSize: CHUNK_BYTES,
      chunks,
      uploadedAt: deps.clock.now(),
      uploadedBy: actor.label,
    });
  } catch (error) {
    await removeBytes(String(fileId)).catch(() => undefined);
    throw error;
  }
  await refreshCurrentFiles(documentId);
  await recordChange(
    {
      action: replaced ? 'document.file-replaced' : 'document.file-added',
      subjectType: 'document',
      subjectId: documentId,
      actor,
      changes: [
        { field: 'symbol', from: undefined, to: document.symbol },
        { field: 'language', from: undefined, to: language },
      ],
    },
    deps.clock,
  );
  return toFileView(file.toObject());
}
