import mongoose, { Schema } from 'mongoose';
import { nextBlock } from '../../db/blocks.js';
import { LIMITS } from '../../shared/limits.js';

export const DOCUMENT_KINDS = [
  'working',
  'information',
  'study',
  'report',
  'statement',
  'presentation',
  'outcome',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DISTRIBUTIONS = ['general', 'limited', 'restricted'] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];
export const DOCUMENT_STATUSES = ['draft', 'advance', 'final'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const RELATIONS = ['revision', 'corrigendum', 'addendum'] as const;
export type Relation = (typeof RELATIONS)[number];
export const FILE_FORMATS = ['pdf', 'docx', 'xlsx', 'pptx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/**
 * Who may see a document, kept as one field the lists filter on by equality: drafts are seen by
 * the team only, restricted documents by participants through their private link too.
 */
export const AUDIENCES = ['team', 'participants', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

const trilingual = (max: number) => ({
  es: { type: String, maxlength: max },
  en: { type: String, maxlength: max },
  pt: { type: String, maxlength: max },
});

/**
 * The current file of a language as the lists show it, copied onto the document from its file
 * record whenever a version is added: a page of documents then reads no files.
 */
const currentFileSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    documentId: { type: String, required: true },
    language: { type: String, required: true },
    format: { type: String, required: true, enum: FILE_FORMATS },
    contentType: { type: String, required: true },
    originalName: { type: String },
    size: { type: Number, required: true },
    sha256: { type: String, required: true },
    chunks: { type: Number, required: true },
    uploadedAt: { type: Date, required: true },
    uploadedBy: { type: String, required: true },
  },
  { id: false },
);

/**
 * An official document of the meeting, known by its symbol. `symbolKey` (the symbol without
 * case, accents or extra spaces) is unique per event: of two registrations of one symbol, even
 * at once, the index keeps one. `searchKeys` holds every prefix of every word of the symbol and
 * the titles, so a search is an equality lookup.
 */
const documentSchema = new Schema(
  {
    eventId: { type: String, required: true },
    symbol: { type: String, required: true, maxlength: LIMITS.short },
    symbolKey: { type: String, required: true },
    title: trilingual(LIMITS.title),
    kind: { type: String, required: true, enum: DOCUMENT_KINDS },
    date: { type: String, required: true },
    distribution: { type: String, required: true, enum: DISTRIBUTIONS },
    status: { type: String, required: true, enum: DOCUMENT_STATUSES },
    audience: { type: String, required: true, enum: AUDIENCES },
    sessionIds: { type: [String], default: [] },
    submitter: { type: String, maxlength: LIMITS.title },
    /** A submission through a private link: whose link. */
    submittedBy: { kind: String, id: String },
    parentId: { type: String },
    relation: { type: String, enum: RELATIONS },
    relationNumber: { type: Number },
    /** The symbol key of the document a revision, corrigendum or addendum belongs to (its own otherwise). */
    familyKey: { type: String },
    /**
     * The parent's block (`parentId`'s): a page finds the revisions of the documents it shows by
     * the blocks it read, an equality, instead of one lookup per document.
     */
    parentBlock: { type: Number },
    languages: { type: [String], default: [] },
    /** The current file of each language (absent on documents older than the copy: read their files). */
    current: { type: [currentFileSchema], default: undefined },
    searchKeys: { type: [String], default: [] },
    revision: { type: Number, required: true, default: 1 },
    /** Its block in the event's list of documents (`db/blocks.ts`), set when it is written. */
    block: { type: Number },
  },
  { timestamps: true },
);
documentSchema.index({ eventId: 1, symbolKey: 1 }, { unique: true });
documentSchema.index({ eventId: 1, audience: 1 });
documentSchema.index({ eventId: 1, block: 1 });
documentSchema.index({ parentId: 1 });
documentSchema.index({ eventId: 1, parentBlock: 1 });

/** The name of an event's list of documents, for its blocks. */
export const documentList = (eventId: string) => `documents:${eventId}`;

documentSchema.pre('validate', async function () {
  if (this.isNew && this.block == null) this.block = await nextBlock(documentList(this.eventId));
});

export const OfficialDocument = mongoose.model('OfficialDocument', documentSchema);

/**
 * One uploaded file of a document in one language. Uploads are only ever added: the newest of a
 * language is the current version, the earlier ones its history.
 */
const fileSchema = new Schema({
  eventId: { type: String, required: true },
  documentId: { type: String, required: true, index: true },
  language: { type: String, required: true },
  format: { type: String, required: true, enum: FILE_FORMATS },
  contentType: { type: String, required: true },
  originalName: { type: String, maxlength: LIMITS.title },
  size: { type: Number, required: true },
  sha256: { type: String, required: true },
  chunkSize: { type: Number, required: true },
  chunks: { type: Number, required: true },
  uploadedAt: { type: Date, required: true },
  uploadedBy: { type: String, required: true },
});

export const DocumentFile = mongoose.model('DocumentFile', fileSchema);

/**
 * The bytes of a file, in pieces of `chunkSize` read one at a time by `_id` (`<fileId>:<n>`), so
 * a download holds one piece in memory whatever the file's size, on MongoDB and FerretDB alike.
 */
const chunkSchema = new Schema({
  _id: { type: String, required: true },
  fileId: { type: String, required: true, index: true },
  n: { type: Number, required: true },
  data: { type: Buffer, required: true },
});

export const DocumentChunk = mongoose.model('DocumentChunk', chunkSchema);

/** Once per publication: the announcement made for a document's state, by its key. */
const publicationSchema = new Schema({
  _id: { type: String, required: true },
  eventId: { type: String, required: true },
  documentId: { type: String, required: true, index: true },
  group: { type: String, required: true },
  batchId: { type: String },
  createdAt: { type: Date, required: true },
});

export const DocumentPublication = mongoose.model('DocumentPublication', publicationSchema);
