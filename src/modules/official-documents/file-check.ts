import { inflateRawSync } from 'node:zlib';
import type { FileFormat } from './document.model.js';

export const CONTENT_TYPES: Record<FileFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** What an Office file must declare and hold: its main part and that part's content type. */
const OFFICE: Record<Exclude<FileFormat, 'pdf'>, { part: string; type: string }> = {
  docx: {
    part: 'word/document.xml',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  xlsx: {
    part: 'xl/workbook.xml',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
  pptx: {
    part: 'ppt/presentation.xml',
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  },
};

/** Why a file is refused: a code under `validation.` */
export type FileProblem = 'file_empty' | 'file_type_unsupported' | 'file_type_mismatch';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** The entries of a zip's central directory, or undefined when it has none that can be read. */
function zipEntries(bytes: Buffer): ZipEntry[] | undefined {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** One entry's bytes (stored or deflated, at most 1 MB), or undefined. */
function entryBytes(bytes: Buffer, entry: ZipEntry): Buffer | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return undefined;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const raw = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return raw;
    if (entry.method === 8) return inflateRawSync(raw, { maxOutputLength: 1024 * 1024 });
  } catch {
    return undefined;
  }
  return undefined;
}

function officeFormat(bytes: Buffer): FileFormat | undefined {
  const entries = zipEntries(bytes);
  const types = entries?.find((e) => e.name === '[Content_Types].xml');
  if (!entries || !types) return undefined;
  const declared = entryBytes(bytes, types)?.toString('utf8') ?? '';
  const names = new Set(entries.map((e) => e.name));
  for (const [format, { part, type }] of Object.entries(OFFICE)) {
    if (names.has(part) && declared.includes(`"/${part}"`) && declared.includes(type))
      return format as FileFormat;
  }
  return undefined;
}

/** The format the bytes are, read from the bytes alone. */
export function formatOf(bytes: Buffer): FileFormat | undefined {
  // A PDF starts with its header (some writers put a few bytes before it).
  const header = bytes.subarray(0, 1024).indexOf('%PDF-');
  if (header >= 0 && !bytes.subarray(0, header).includes('<')) return 'pdf';
  if (bytes.length > 4 && bytes.readUInt32LE(0) === 0x04034b50) return officeFormat(bytes);
  return undefined;
}

const EXTENSION = /\.(pdf|docx|xlsx|pptx)$/i;

/**
 * The format of an uploaded file, checked by its content: a file that is none of the accepted
 * formats, or whose name claims another one (an HTML page renamed `.pdf`), is refused.
 */
export function checkFile(
  bytes: Buffer,
  fileName: string,
): { format: FileFormat } | { problem: FileProblem } {
  if (bytes.length === 0) return { problem: 'file_empty' };
  const format = formatOf(bytes);
  const claimed = EXTENSION.exec(fileName)?.[1]?.toLowerCase();
  if (!format) return { problem: claimed ? 'file_type_mismatch' : 'file_type_unsupported' };
  if (claimed && claimed !== format) return { problem: 'file_type_mismatch' };
  return { format };
}
