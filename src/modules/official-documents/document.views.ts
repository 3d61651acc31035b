import type { Language } from '../../shared/i18n/index.js';
import type { Trilingual } from '../../shared/trilingual.js';
import type {
  Audience,
  Distribution,
  DocumentKind,
  DocumentStatus,
  FileFormat,
  Relation,
} from './document.model.js';

export interface DocumentView {
  id: string;
  eventId: string;
  symbol: string;
  title: Trilingual;
  kind: DocumentKind;
  date: string;
  distribution: Distribution;
  status: DocumentStatus;
  audience: Audience;
  sessionIds: string[];
  submitter: string | undefined;
  submittedBy: { kind: string; id: string } | undefined;
  parentId: string | undefined;
  relation: Relation | undefined;
  relationNumber: number | undefined;
  languages: Language[];
  revision: number;
  createdAt: Date | undefined;
  updatedAt: Date | undefined;
}

export interface FileView {
  id: string;
  documentId: string;
  language: Language;
  format: FileFormat;
  contentType: string;
  originalName: string | undefined;
  size: number;
  sha256: string;
  chunks: number;
  uploadedAt: Date;
  uploadedBy: string;
}

type Stored = Record<string, unknown> & { _id: unknown };

export function toDocumentView(d: Stored): DocumentView {
  const by = d['submittedBy'] as { kind?: string; id?: string } | undefined;
  return {
    id: String(d._id),
    eventId: d['eventId'] as string,
    symbol: d['symbol'] as string,
    title: (d['title'] ?? {}) as Trilingual,
    kind: d['kind'] as DocumentKind,
    date: d['date'] as string,
    distribution: d['distribution'] as Distribution,
    status: d['status'] as DocumentStatus,
    audience: d['audience'] as Audience,
    sessionIds: (d['sessionIds'] as string[] | undefined) ?? [],
    submitter: (d['submitter'] as string | undefined) ?? undefined,
    submittedBy: by?.kind && by.id ? { kind: by.kind, id: by.id } : undefined,
    parentId: (d['parentId'] as string | undefined) ?? undefined,
    relation: (d['relation'] as Relation | undefined) ?? undefined,
    relationNumber: (d['relationNumber'] as number | undefined) ?? undefined,
    languages: ((d['languages'] as Language[] | undefined) ?? []).slice().sort(),
    revision: (d['revision'] as number | undefined) ?? 1,
    createdAt: d['createdAt'] as Date | undefined,
    updatedAt: d['updatedAt'] as Date | undefined,
  };
}

export function toFileView(f: Stored): FileView {
  return {
    id: String(f._id),
    documentId: f['documentId'] as string,
    language: f['language'] as Language,
    format: f['format'] as FileFormat,
    contentType: f['contentType'] as string,
    originalName: (f['originalName'] as string | undefined) ?? undefined,
    size: f['size'] as number,
    sha256: f['sha256'] as string,
    chunks: f['chunks'] as number,
    uploadedAt: f['uploadedAt'] as Date,
    uploadedBy: f['uploadedBy'] as string,
  };
}
