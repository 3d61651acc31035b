import type { Request } from 'express';
import { z } from 'zod';
import type { Clock } from '../../shared/clock.js';
import type { ApiRegistry } from '../../web/api-registry.js';
import { ValidationError } from '../../shared/errors.js';
import { parse } from '../../shared/validate.js';
import { readRawBody } from '../../web/body.js';
import { pathParam } from '../../web/params.js';
import { actorOf, requireUser } from '../auth/index.js';
import { eventOf } from '../events/index.js';
import {
  AUDIENCES,
  DISTRIBUTIONS,
  DOCUMENT_KINDS,
  DOCUMENT_STATUSES,
  FILE_FORMATS,
  RELATIONS,
} from './document.model.js';
import { listDocuments } from './document.list.js';
import { documentInput, documentPatch, fileLanguage, listQuery } from './document.schemas.js';
import {
  addLanguageVersion,
  currentFiles,
  filesOf,
  getDocument,
  registerDocument,
  updateDocument,
} from './document.service.js';
import { CONTENT_TYPES } from './file-check.js';
import type { DocumentView, FileView } from './document.views.js';

const trilingualOutput = z.object({
  es: z.string().optional(),
  en: z.string().optional(),
  pt: z.string().optional(),
});
const fileOutput = z.object({
  id: z.string(),
  language: z.string(),
  format: z.enum(FILE_FORMATS),
  contentType: z.string(),
  size: z.number().int().describe('Bytes'),
  sha256: z.string(),
  uploadedAt: z.iso.datetime(),
});
const documentOutput = z.object({
  id: z.string(),
  symbol: z.string(),
  title: trilingualOutput,
  kind: z.enum(DOCUMENT_KINDS),
  date: z.string().describe('Calendar date (YYYY-MM-DD)'),
  distribution: z.enum(DISTRIBUTIONS),
  status: z.enum(DOCUMENT_STATUSES),
  audience: z
    .enum(AUDIENCES)
    .describe('Who may read it: the team (draft), participants (restricted) or everyone'),
  sessionIds: z.array(z.string()),
  submitter: z.string().optional(),
  parentId: z.string().optional(),
  relation: z.enum(RELATIONS).optional(),
  languages: z.array(z.string()),
  files: z.array(fileOutput).describe('The current file of each language'),
});

const fileJson = (f: FileView) => ({
  id: f.id,
  language: f.language,
  format: f.format,
  contentType: f.contentType,
  size: f.size,
  sha256: f.sha256,
  uploadedAt: f.uploadedAt.toISOString(),
});

function documentJson(d: DocumentView, files: FileView[]) {
  return {
    id: d.id,
    symbol: d.symbol,
    title: d.title,
    kind: d.kind,
    date: d.date,
    distribution: d.distribution,
    status: d.status,
    audience: d.audience,
    sessionIds: d.sessionIds,
    submitter: d.submitter,
    parentId: d.parentId,
    relation: d.relation,
    languages: d.languages,
    files: files.map(fileJson),
  };
}

const withFiles = async (d: DocumentView) => documentJson(d, [...currentFiles(await filesOf(d.id)).values()]);

/** A body sent as any type: its content alone says what it is. */
const UNDECLARED = 'application/octet-stream';

/**
 * The name an uploaded body goes by: its language, and the format its Content-Type claims, so a
 * body whose content is another format is refused as a renamed file is. A type that is none of
 * the accepted formats is refused before the body is read.
 */
function claimedName(req: Request, language: string): string {
  if (!req.headers['content-type'] || req.is(UNDECLARED)) return language;
  const claimed = Object.entries(CONTENT_TYPES).find(([, type]) => req.is(type));
  if (!claimed) throw new ValidationError([{ field: 'upload', code: 'file_type_unsupported' }]);
  return `${language}.${claimed[0]}`;
}

export function registerDocumentsApi(api: ApiRegistry, clock: Clock, maxBytes: number): void {
  api.describeTag(
    'Documents',
    'The official documents of an event by symbol, each with its language versions; files are ' +
      'uploaded on the document page or with PUT …/files/{language}, and read at ' +
      '/events/{slug}/documents/{symbol}/{language}.',
  );
  const readers = { tag: 'Documents', access: 'signed-in' as const, guards: [requireUser] };
  const editors = { tag: 'Documents', access: 'team' as const, guards: [requireUser] };
  const taken = { DOCUMENT_SYMBOL_TAKEN: 'another document of the event has this symbol' } as const;

  api.add({
    ...readers,
    operationId: 'listEventDocuments',
    method: 'get',
    path: '/events/:eventId/documents',
    summary:
      "An event's documents, newest first (in the order they were registered), 50 a page; `next` " +
      '(or `previous`) is the cursor to pass as `after` (or `before`) for the following page, absent ' +
      'on the last; filtered and searched as on the public page',
    query: listQuery,
    response: z.object({
      documents: z.array(documentOutput),
      next: z.string().optional().describe('The cursor of the next (older) page (after=)'),
      previous: z.string().optional().describe('The cursor of the previous (newer) page (before=)'),
    }),
    handler: async (req, _body, query) => {
      const event = await eventOf(req);
      const { after, before, ...filter } = query;
      const page = await listDocuments(event.id, ['team', 'participants', 'public'], filter, {
        after,
        before,
      });
      return {
        documents: page.rows.map((d) => documentJson(d, [...d.files.values()])),
        ...(page.next && { next: page.next }),
        ...(page.previous && { previous: page.previous }),
      };
    },
  });

  api.add({
    ...readers,
    operationId: 'getEventDocument',
    method: 'get',
    path: '/events/:eventId/documents/:documentId',
    summary: 'One document with its current files',
    response: documentOutput,
    handler: async (req) =>
      withFiles(await getDocument((await eventOf(req)).id, pathParam(req, 'documentId'))),
  });

  api.add({
    ...editors,
    operationId: 'createEventDocument',
    method: 'post',
    path: '/events/:eventId/documents',
    summary: 'Register a document (a symbol ending in /Rev.N, /Corr.N or /Add.N links to its parent)',
    body: documentInput,
    status: 201,
    conflicts: taken,
    response: documentOutput,
    handler: async (req, body) => {
      const event = await eventOf(req, { edit: true });
      return withFiles(await registerDocument(event, body, actorOf(req), clock));
    },
  });

  api.add({
    ...editors,
    operationId: 'updateEventDocument',
    method: 'patch',
    path: '/events/:eventId/documents/:documentId',
    summary: "Change a document's record",
    body: documentPatch,
    conflicts: taken,
    response: documentOutput,
    handler: async (req, body) => {
      const event = await eventOf(req, { edit: true });
      const { after } = await updateDocument(event, pathParam(req, 'documentId'), body, actorOf(req), clock);
      return withFiles(after);
    },
  });

  api.add({
    ...editors,
    operationId: 'setEventDocumentFile',
    method: 'put',
    path: '/events/:eventId/documents/:documentId/files/:language',
    summary:
      'Upload the file of one language version: the body is the file (PDF, DOCX, XLSX or PPTX), ' +
      'recognized by its content; a Content-Type naming another format than the content is refused ' +
      '(422). A version already there is replaced and stays in the history',
    upload: {
      contentTypes: [...Object.values(CONTENT_TYPES), UNDECLARED],
      limit: `${Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MB`,
    },
    status: 201,
    response: fileOutput,
    handler: async (req) => {
      const event = await eventOf(req, { edit: true });
      const document = await getDocument(event.id, pathParam(req, 'documentId'));
      const { language } = parse(fileLanguage, { language: pathParam(req, 'language') });
      const fileName = claimedName(req, language);
      const bytes = await readRawBody(req, maxBytes);
      const file = await addLanguageVersion(event, document.id, language, { bytes, fileName }, actorOf(req), {
        clock,
        maxBytes,
      });
      return fileJson(file);
    },
  });
}
