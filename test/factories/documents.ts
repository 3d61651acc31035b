import { crc32 } from 'node:zlib';
import type request from 'supertest';
import { csrfTokenIn } from '../support/http.js';
import { OfficialDocument } from '../../src/modules/official-documents/index.js';
import type {
  Distribution,
  DocumentKind,
  DocumentStatus,
} from '../../src/modules/official-documents/document.model.js';
import { audienceOf } from '../../src/modules/official-documents/document.service.js';
import { searchKeysOf, symbolKey } from '../../src/modules/official-documents/symbol.js';

/** A small, valid PDF whose one page says `text`. */
export function pdfBytes(text = 'Foro'): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A zip of stored (uncompressed) entries. */
export function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal Word document: a zip with its content types and main part. */
export function docxBytes(text = 'Declaración'): Buffer {
  return zipOf({
    '[Content_Types].xml':
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    'word/document.xml': `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
  });
}

export const HTML_PAGE = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

/** The record form's fields for a document. */
export function documentForm(overrides: Record<string, string | string[]> = {}) {
  return {
    symbol: 'UN/POP/MIG-6CM/2007/20',
    title_en: 'International migration in the Americas',
    title_es: 'Migración internacional en las Américas',
    kind: 'working',
    date: '2008-03-20',
    distribution: 'general',
    status: 'final',
    ...overrides,
  };
}

type Agent = ReturnType<typeof request.agent>;

/** Registers a document through the team's form; the response (303 to its page, or the form again). */
export async function postDocument(agent: Agent, eventId: string, fields: Record<string, string | string[]>) {
  const form = await agent.get(`/admin/events/${eventId}/documents/new`);
  return agent
    .post(`/admin/events/${eventId}/documents`)
    .type('form')
    .send({ _csrf: csrfTokenIn(form.text), ...fields });
}

/** Uploads one language version through the document's page. */
export async function uploadVersion(
  agent: Agent,
  documentPath: string,
  language: string,
  bytes: Buffer,
  fileName: string,
) {
  const page = await agent.get(documentPath);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  return agent
    .post(`${documentPath}/files?_csrf=${encodeURIComponent(csrf)}`)
    .field('language', language)
    .attach('upload', bytes, fileName);
}

/**
 * `count` documents of an event written straight through the model (each numbered into the
 * event's list as it is written), for lists longer than a page: symbols `DOC/<i>`, titles
 * "Document <i>", the fields of `fields(i)` over a final general working document.
 */
export async function insertDocuments(
  eventId: string,
  count: number,
  fields: (
    i: number,
  ) => Partial<{ kind: DocumentKind; status: DocumentStatus; distribution: Distribution }> = () => ({}),
) {
  const rows = Array.from({ length: count }, (_, i) => {
    const symbol = `DOC/${i}`;
    const title = { en: `Document ${i}` };
    const chosen = {
      kind: 'working' as const,
      status: 'final' as const,
      distribution: 'general' as const,
      ...fields(i),
    };
    return {
      eventId,
      symbol,
      symbolKey: symbolKey(symbol),
      familyKey: symbolKey(symbol),
      title,
      date: '2008-04-10',
      ...chosen,
      audience: audienceOf(chosen.status, chosen.distribution),
      searchKeys: searchKeysOf(symbol, title),
      current: [],
    };
  });
  // One at a time, so the order they were written is the order of their ids.
  const stored = [];
  for (const row of rows) stored.push(await OfficialDocument.create(row));
  return stored.map((doc) => ({ id: String(doc._id), symbol: doc.symbol, block: doc.block }));
}
