import { expect } from 'chai';
import { Event } from '../../src/modules/events/event.model.js';
import * as require_crypto from 'node:crypto';
import { get } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import request from 'supertest';
import { getEvent } from '../../src/modules/events/index.js';
import { publishProgramme } from '../../src/modules/published-programme/index.js';
import { updateAssignment } from '../../src/modules/agenda/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { createApiToken } from '../../src/modules/auth/api-token.service.js';
import {
  addLanguageVersion,
  DocumentChunk,
  DocumentFile,
  OfficialDocument,
} from '../../src/modules/official-documents/index.js';
import {
  docxBytes,
  documentForm,
  HTML_PAGE,
  pdfBytes,
  postDocument,
  uploadVersion,
} from '../factories/documents.js';
import { createPanel } from '../factories/invitations.js';
import { registrationForm } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { binaryBody, readPdf } from '../support/pdf.js';

// Memory in buffers that are still held (garbage collected first, so only what is live counts).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
function liveBuffers(): number {
  collectGarbage();
  return process.memoryUsage().arrayBuffers;
}

describe('official documents: the register, language versions and who may read them', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, {
    env: {
      OFFICIAL_DOCUMENT_MAX_MB: '1',
      REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000',
      LINK_RATE_LIMIT_PER_ADDRESS: '1000',
    },
  });

  async function setUp() {
    const organizer = await signedInAs(foro.url, 'organizer');
    await organizer.agent.get('/admin?lang=en');
    const panel = await createPanel(organizer.actor);
    return { organizer, ...panel, admin: `/admin/events/${panel.event.id}/documents` };
  }

  async function registered(
    agent: Awaited<ReturnType<typeof setUp>>['organizer']['agent'],
    eventId: string,
    fields = {},
  ) {
    const res = await postDocument(agent, eventId, documentForm(fields));
    expect(res.status, res.text.slice(0, 300)).to.equal(303);
    return String(res.headers['location']);
  }

  it('keeps one document when the same symbol is registered twice at once, however it is typed (409 for the other)', async () => {
    const { organizer, event, admin } = await setUp();
    const csrf = csrfTokenIn((await organizer.agent.get(`${admin}/new`)).text);
    const post = (symbol: string) =>
      organizer.agent
        .post(admin)
        .type('form')
        .send({ _csrf: csrf, ...documentForm({ symbol }) });
    const [first, second] = await Promise.all([post('LC/L.2706'), post(' lc / l.2706 ')]);
    expect([first.status, second.status].sort()).to.deep.equal([303, 409]);
    expect(await OfficialDocument.countDocuments({ eventId: event.id })).to.equal(1);
    const again = await postDocument(organizer.agent, event.id, documentForm({ symbol: 'LC/L.2706' }));
    expect(again.status).to.equal(409);
    expect(again.text).to.include('LC/L.2706');
    // The list shows the symbol as the winner typed it.
    const stored = (await OfficialDocument.findOne({ eventId: event.id }).lean())!.symbol;
    expect(['LC/L.2706', 'lc / l.2706']).to.include(stored);
    expect((await organizer.agent.get(admin)).text).to.include(stored);
  });

  it('refuses a file that is not what it claims, an empty one and one over the limit, storing nothing; recognizes a DOCX', async () => {
    const { organizer, event } = await setUp();
    const page = await registered(organizer.agent, event.id);
    const refused = async (bytes: Buffer, name: string, message: string) => {
      const res = await uploadVersion(organizer.agent, page, 'en', bytes, name);
      expect(res.status, name).to.equal(422);
      expect(res.text, name).to.include(message);
    };
    await refused(HTML_PAGE, 'study.pdf', 'The file’s content is not what its name says');
    await refused(Buffer.alloc(0), 'empty.pdf', 'The file is empty.');
    await refused(Buffer.from('plain words'), 'notes.txt', 'is not a PDF, DOCX, XLSX or PPTX');
    await refused(docxBytes(), 'statement.pdf', 'The file’s content is not what its name says');
    const large = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10, 65)]);
    await refused(large, 'large.pdf', 'larger than the maximum (1 MB)');
    expect(await DocumentFile.countDocuments({})).to.equal(0);
    expect(await DocumentChunk.countDocuments({})).to.equal(0);

    const docx = await uploadVersion(organizer.agent, page, 'es', docxBytes(), 'declaracion.docx');
    expect(docx.status).to.equal(303);
    const stored = (await DocumentFile.findOne({}).lean())!;
    expect(stored.format).to.equal('docx');
    expect(stored.language).to.equal('es');
    const shown = await organizer.agent.get(page);
    expect(shown.text).to.include('DOCX');
  });

  it('serves each language at its stable address with a safe name, keeps a replaced version in the history, and says when a language is missing', async () => {
    const { organizer, event } = await setUp();
    const page = await registered(organizer.agent, event.id);
    const first = pdfBytes('first English text');
    const second = pdfBytes('second English text');
    expect((await uploadVersion(organizer.agent, page, 'en', first, 'a.pdf')).status).to.equal(303);
    expect((await uploadVersion(organizer.agent, page, 'en', second, 'b.pdf')).status).to.equal(303);

    const url = `/events/${event.slug}/documents/UN/POP/MIG-6CM/2007/20/en`;
    const file = await request(foro.url).get(url).buffer(true).parse(binaryBody);
    expect(file.status).to.equal(200);
    expect(Buffer.compare(file.body as Buffer, second)).to.equal(0);
    expect(file.headers['content-type']).to.equal('application/pdf');
    expect(file.headers['content-length']).to.equal(String(second.length));
    expect(file.headers['content-language']).to.equal('en');
    expect(file.headers['content-disposition']).to.equal(
      'attachment; filename="UN_POP_MIG-6CM_2007_20-en.pdf"',
    );
    expect((await request(foro.url).get(url.replace('/en', '/es'))).status, 'missing language').to.equal(404);
    expect(
      (await request(foro.url).get(url.replace('MIG-6CM', 'mig-6cm'))).status,
      'symbol as typed',
    ).to.equal(200);

    const admin = await organizer.agent.get(page);
    const earlier = /href="([^"]+\/files\/[a-f0-9]{24})">English/.exec(admin.text)?.[1];
    expect(earlier, 'the earlier version is listed').to.be.a('string');
    const old = await organizer.agent.get(earlier!).buffer(true).parse(binaryBody);
    expect(Buffer.compare(old.body as Buffer, first)).to.equal(0);
    expect(admin.text).to.include('replaced the English version of UN/POP/MIG-6CM/2007/20');

    const list = await request(foro.url).get(`/events/${event.slug}/documents?lang=en`);
    expect(list.text).to.include('ES: not available');
  });

  it('streams a 20 MB version: a reader that stops leaves memory flat, and gets every byte when it goes on', async () => {
    const { organizer, event } = await setUp();
    const page = await registered(organizer.agent, event.id);
    const documentId = page.split('/').at(-1)!;
    const size = 20 * 1024 * 1024;
    const digest = await (async () => {
      const bytes = Buffer.alloc(size);
      bytes.write('%PDF-1.4\n');
      for (let i = 16; i < size; i += 4096) bytes.writeUInt32LE(i, i);
      await addLanguageVersion(
        await getEvent(event.id),
        documentId,
        'en',
        { bytes, fileName: 'big.pdf' },
        organizer.actor,
        { clock: foro.clock, maxBytes: size },
      );
      return (await DocumentFile.findOne({ documentId }).lean())!.sha256;
    })();
    const before = liveBuffers();
    const url = `${foro.url}/events/${event.slug}/documents/UN/POP/MIG-6CM/2007/20/en`;
    const { received, grew, hash } = await new Promise<{ received: number; grew: number; hash: string }>(
      (resolve, reject) => {
        get(url, (res) => {
          const { createHash } = require_crypto;
          const sha = createHash('sha256');
          let received = 0;
          let grew = 0;
          res.once('data', (first: Buffer) => {
            sha.update(first);
            received += first.length;
            res.pause();
            // While the reader waits, Foro must not read the rest of the file into memory.
            setTimeout(() => {
              grew = liveBuffers() - before;
              res.on('data', (chunk: Buffer) => {
                sha.update(chunk);
                received += chunk.length;
              });
              res.on('end', () => resolve({ received, grew, hash: sha.digest('hex') }));
              res.resume();
            }, 1500);
          });
        }).on('error', reject);
      },
    );
    expect(received).to.equal(size);
    expect(hash).to.equal(digest);
    expect(grew, `memory grew by ${grew} bytes while the reader waited`).to.be.below(4 * 1024 * 1024);
  });

  it('names a download safely whatever the symbol holds (no header injection)', async () => {
    const { organizer, event } = await setUp();
    const page = await registered(organizer.agent, event.id, { symbol: 'A/B"X:' });
    expect((await uploadVersion(organizer.agent, page, 'pt', pdfBytes(), 'x.pdf')).status).to.equal(303);
    // A symbol with a line break cannot be typed (control characters are refused) …
    const refused = await postDocument(organizer.agent, event.id, documentForm({ symbol: 'A/B"\r\nX: y' }));
    expect(refused.status).to.equal(422);
    // … but one stored so by other means still gives a clean header.
    await OfficialDocument.updateOne({}, { $set: { symbol: 'A/B"\r\nX-Injected: yes' } });
    const documentId = page.split('/').at(-1)!;
    const admin = await organizer.agent.get(page);
    const fileUrl = /href="([^"]+\/files\/[a-f0-9]{24})"/.exec(admin.text)![1]!;
    const res = await organizer.agent.get(fileUrl);
    expect(res.status).to.equal(200);
    expect(res.headers['x-injected']).to.equal(undefined);
    expect(res.headers['content-disposition']).to.equal('attachment; filename="A_B_X-INJECTED_YES-pt.pdf"');
    expect(documentId).to.match(/^[a-f0-9]{24}$/);
  });

  it('shows restricted documents only through a participant’s private link (404 for the public and for a forged link)', async () => {
    const { organizer, event } = await setUp();
    const page = await registered(organizer.agent, event.id, {
      symbol: 'UN/POP/MIG-6CM/2007/21',
      distribution: 'restricted',
      title_en: 'Restricted note',
    });
    const bytes = pdfBytes('restricted');
    expect((await uploadVersion(organizer.agent, page, 'en', bytes, 'r.pdf')).status).to.equal(303);
    const documentId = page.split('/').at(-1)!;

    const anonymous = request(foro.url);
    const list = await anonymous.get(`/events/${event.slug}/documents?lang=en`);
    expect(list.status).to.equal(200);
    expect(list.text).not.to.include('UN/POP/MIG-6CM/2007/21');
    expect(
      (await anonymous.get(`/events/${event.slug}/documents/UN/POP/MIG-6CM/2007/21/en`)).status,
    ).to.equal(404);
    expect((await anonymous.get(`/events/${event.slug}/documents?q=restricted`)).text).not.to.include(
      'Restricted note',
    );

    const signUp = await request(foro.url)
      .post(`/events/${event.slug}/register`)
      .set('Accept', 'application/json')
      .send(registrationForm({ email: 'lectora@example.org', familyName: 'Lectora' }));
    expect(signUp.status).to.be.oneOf([201, 303]);
    const mail = (await Message.findOne({ 'to.email': 'lectora@example.org' }).lean())!;
    const token = /\/registrations\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
    const own = await anonymous.get(`/registrations/${token}/documents?lang=en`);
    expect(own.status).to.equal(200);
    expect(own.text).to.include('UN/POP/MIG-6CM/2007/21');
    expect(own.headers['cache-control']).to.include('no-store');
    const file = await anonymous
      .get(`/registrations/${token}/documents/${documentId}/en`)
      .buffer(true)
      .parse(binaryBody);
    expect(file.status).to.equal(200);
    expect(Buffer.compare(file.body as Buffer, bytes)).to.equal(0);

    const forged = 'A'.repeat(43);
    expect((await anonymous.get(`/registrations/${forged}/documents`)).status).to.equal(404);
    expect((await anonymous.get(`/registrations/${forged}/documents/${documentId}/en`)).status).to.equal(404);
    expect((await anonymous.get(`/nominations/${forged}/documents`)).status).to.equal(404);
  });

  it('leaves drafts to the team, filters by kind, language and session, and finds by symbol or title without accents or case', async () => {
    const { organizer, event, session } = await setUp();
    await registered(organizer.agent, event.id, {
      symbol: 'DRAFT/1',
      status: 'draft',
      title_en: 'Hidden draft',
    });
    const study = await registered(organizer.agent, event.id, {
      symbol: 'LC/W.180',
      kind: 'study',
      title_es: 'Estudio sobre la migración andina',
      title_en: 'Study on Andean migration',
      sessionIds: session.id,
    });
    await uploadVersion(organizer.agent, study, 'es', pdfBytes('estudio'), 'e.pdf');
    await registered(organizer.agent, event.id, {
      symbol: 'LC/W.181',
      kind: 'report',
      title_en: 'Remittances',
      title_es: 'Remesas',
    });

    const find = (query: string) => request(foro.url).get(`/events/${event.slug}/documents?lang=en&${query}`);
    expect((await find('')).text).not.to.include('DRAFT/1');
    for (const query of [
      'q=MIGRACION',
      'q=migración+andina',
      'q=lc%2Fw.180',
      'q=andean',
      'kind=study',
      'language=es',
      `session=${session.id}`,
    ]) {
      const res = await find(query);
      expect(res.status, query).to.equal(200);
      expect(res.text, query).to.include('LC/W.180');
      expect(res.text, query).not.to.include('LC/W.181');
    }
    expect((await find('q=remit')).text).to.include('LC/W.181');
    expect((await find('kind=nonsense')).status).to.equal(422);
  });

  it('links a revision to its parent, lists the latest revision first and says the parent is superseded', async () => {
    const { organizer, event } = await setUp();
    const refused = await postDocument(organizer.agent, event.id, documentForm({ symbol: 'LC/L.9/Rev.1' }));
    expect(refused.status).to.equal(422);
    await registered(organizer.agent, event.id, { symbol: 'LC/L.9' });
    await registered(organizer.agent, event.id, { symbol: 'LC/L.9/Rev.1' });
    await registered(organizer.agent, event.id, { symbol: 'LC/L.9/Corr.1' });
    await registered(organizer.agent, event.id, { symbol: 'LC/L.9/Rev.2' });
    const rev = (await OfficialDocument.findOne({ symbol: 'LC/L.9/Rev.1' }).lean())!;
    const parent = (await OfficialDocument.findOne({ symbol: 'LC/L.9' }).lean())!;
    expect(rev.parentId).to.equal(String(parent._id));
    expect(rev.relation).to.equal('revision');
    const list = (await request(foro.url).get(`/events/${event.slug}/documents?lang=en`)).text;
    const order = ['LC/L.9/Rev.2', 'LC/L.9/Rev.1', 'LC/L.9<', 'LC/L.9/Corr.1'].map((s) =>
      list.indexOf(`${s}`),
    );
    expect(order.every((at) => at >= 0)).to.equal(true);
    expect([...order].sort((a, b) => a - b)).to.deep.equal(order);
    expect(list).to.include('Superseded by LC/L.9/Rev.2');
  });

  it('lists each session’s public documents on the programme page, in its JSON and in its PDF', async () => {
    const { organizer, event, session } = await setUp();
    await registered(organizer.agent, event.id, { sessionIds: session.id });
    await registered(organizer.agent, event.id, {
      symbol: 'SECRET/1',
      distribution: 'restricted',
      sessionIds: session.id,
    });
    await publishProgramme(event, organizer.actor, foro.clock);
    const json = await request(foro.url).get(`/events/${event.slug}/programme.json`);
    const listed = (json.body as { sessions: { id: string; documents: string[] }[] }).sessions.find(
      (s) => s.id === session.id,
    )!;
    expect(listed.documents).to.deep.equal(['UN/POP/MIG-6CM/2007/20']);
    const page = await request(foro.url).get(`/events/${event.slug}/programme?lang=en`);
    expect(page.text).to.include('Session documents');
    expect(page.text).to.include('UN/POP/MIG-6CM/2007/20');
    expect(page.text).not.to.include('SECRET/1');
    const pdf = await request(foro.url)
      .get(`/events/${event.slug}/programme.pdf?lang=en`)
      .buffer(true)
      .parse(binaryBody);
    const text = (await readPdf(pdf.body as Buffer)).text;
    expect(text).to.include('Documents: UN/POP/MIG-6CM/2007/20');
    expect(text).not.to.include('SECRET/1');
    // A document added later shows in the programme without a new version.
    await registered(organizer.agent, event.id, { symbol: 'LC/L.2706', sessionIds: session.id });
    const again = await request(foro.url)
      .get(`/events/${event.slug}/programme.pdf?lang=en`)
      .buffer(true)
      .parse(binaryBody);
    expect((await readPdf(again.body as Buffer)).text).to.include(
      'Documents: LC/L.2706, UN/POP/MIG-6CM/2007/20',
    );
  });

  it('prints the public list of documents as a PDF in each language, drawn again when the list changes', async () => {
    const { organizer, event } = await setUp();
    const page = await registered(organizer.agent, event.id, {
      kind: 'study',
      title_pt: 'Migração internacional nas Américas',
    });
    await uploadVersion(organizer.agent, page, 'en', pdfBytes(), 'x.pdf');
    await registered(organizer.agent, event.id, { symbol: 'HIDDEN/1', distribution: 'restricted' });
    const pdf = async (language: string) => {
      const res = await request(foro.url)
        .get(`/events/${event.slug}/documents.pdf?lang=${language}`)
        .buffer(true)
        .parse(binaryBody);
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal('application/pdf');
      return (await readPdf(res.body as Buffer)).text;
    };
    const pt = await pdf('pt');
    expect(pt).to.include('Lista de documentos');
    expect(pt).to.include('UN/POP/MIG-6CM/2007/20');
    expect(pt).to.include('Migração internacional nas Américas');
    expect(pt).to.include('Estudo');
    expect(pt).to.include('EN');
    expect(pt).not.to.include('HIDDEN/1');
    expect(await pdf('es')).to.include('Estudio');
    expect(await pdf('en')).to.include('List of documents');
    await registered(organizer.agent, event.id, { symbol: 'LC/L.2706', kind: 'report' });
    expect(await pdf('en'), 'a change draws the list again').to.include('LC/L.2706');
  });

  it('exports every document for the team as CSV, cells a spreadsheet would run made harmless', async () => {
    const { organizer, event } = await setUp();
    await registered(organizer.agent, event.id, { title_en: '=HYPERLINK("http://evil")', status: 'draft' });
    const res = await organizer.agent.get(`/admin/events/${event.id}/documents.csv`);
    expect(res.status).to.equal(200);
    expect(res.headers['content-type']).to.match(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).to.equal(
      'symbol,title_es,title_pt,title_en,kind,date,distribution,status,languages,sessions,submitter,relation,superseded_by',
    );
    expect(lines[1]).to.include(`'=HYPERLINK(""http://evil"")`);
    expect(lines[1]).to.include('draft');
    const viewer = await signedInAs(foro.url, 'viewer');
    expect((await viewer.agent.get(`/admin/events/${event.id}/documents.csv`)).status).to.equal(403);
  });

  it('registers and changes documents through the API, one per symbol even at once', async () => {
    const { organizer, event, session } = await setUp();
    const api = `/api/v1/events/${event.id}/documents`;
    const body = {
      symbol: 'LC/L.2706',
      title: { es: 'Informe', en: 'Report' },
      kind: 'report',
      date: '2008-04-11',
      distribution: 'general',
      status: 'advance',
    };
    const [a, b] = await Promise.all([
      organizer.agent.post(api).send(body),
      organizer.agent.post(api).send({ ...body, symbol: 'lc/l.2706' }),
    ]);
    expect([a.status, b.status].sort()).to.deep.equal([201, 409]);
    const created = (a.status === 201 ? a : b).body as { id: string; audience: string };
    expect(created.audience).to.equal('public');
    const patched = await organizer.agent
      .patch(`${api}/${created.id}`)
      .send({ status: 'final', sessionIds: [session.id] });
    expect(patched.status).to.equal(200);
    expect(patched.body).to.include({ status: 'final', kind: 'report' });
    expect((patched.body as { sessionIds: string[] }).sessionIds).to.deep.equal([session.id]);
    const untouched = await organizer.agent.patch(`${api}/${created.id}`).send({ kind: 'study' });
    expect((untouched.body as { sessionIds: string[] }).sessionIds, 'fields left out stay').to.deep.equal([
      session.id,
    ]);
    const list = await organizer.agent.get(`${api}?q=informe`);
    expect(list.status).to.equal(200);
    const listed = list.body as { documents: { symbol: string }[]; next?: string };
    expect(listed.documents).to.have.length(1);
    expect(listed.next, 'one page').to.equal(undefined);
    expect((await organizer.agent.post(api).send({ ...body, symbol: 'X', color: 'red' })).status).to.equal(
      422,
    );
    // An archived event's register is closed.
    await Event.updateOne({ _id: event.id }, { $set: { status: 'archived' } });
    const closed = await organizer.agent.post(api).send({ ...body, symbol: 'LC/L.2707' });
    expect(closed.status).to.equal(409);
    expect((await organizer.agent.patch(`${api}/${created.id}`).send({ kind: 'study' })).status).to.equal(
      409,
    );
  });

  it('takes a language version through the API as the request body, checked by its content (413/422 in the caller’s language)', async () => {
    const { organizer, event } = await setUp();
    const page = await registered(organizer.agent, event.id);
    const documentId = page.split('/').at(-1)!;
    const { secret } = await createApiToken(
      { name: 'Archivo', userId: organizer.user.id },
      organizer.actor,
      foro.clock,
    );
    const url = `/api/v1/events/${event.id}/documents/${documentId}/files`;
    const put = (language: string, bytes: Buffer, type?: string) => {
      const call = request(foro.url)
        .put(`${url}/${language}`)
        .set('Authorization', `Bearer ${secret}`)
        .set('Accept-Language', 'es');
      return (type ? call.set('Content-Type', type) : call).send(bytes);
    };
    const refused = async (res: request.Response, status: number, message: string) => {
      expect(res.status, res.text).to.equal(status);
      expect(res.type).to.equal('application/problem+json');
      expect(res.text).to.include(message);
    };
    await refused(
      await put('en', HTML_PAGE, 'application/pdf'),
      422,
      'El contenido del archivo no es lo que dice su nombre',
    );
    await refused(
      await put('en', docxBytes(), 'application/pdf'),
      422,
      'El contenido del archivo no es lo que dice su nombre',
    );
    await refused(await put('en', pdfBytes(), 'text/html'), 422, 'no es un PDF, DOCX, XLSX ni PPTX');
    await refused(await put('en', Buffer.alloc(0), 'application/pdf'), 422, 'El archivo está vacío');
    const large = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10, 65)]);
    await refused(await put('en', large, 'application/pdf'), 413, 'PAYLOAD_TOO_LARGE');
    await refused(await put('fr', pdfBytes(), 'application/pdf'), 422, 'language');
    expect(await DocumentFile.countDocuments({})).to.equal(0);
    expect(await DocumentChunk.countDocuments({})).to.equal(0);

    const first = pdfBytes('primera');
    const created = await put('es', first, 'application/pdf');
    expect(created.status, created.text).to.equal(201);
    expect(created.body).to.include({ language: 'es', format: 'pdf', size: first.length });
    const docx = await put('pt', docxBytes('Declaração'));
    expect(docx.status, 'no type: the content decides').to.equal(201);
    expect((docx.body as { format: string }).format).to.equal('docx');
    const second = pdfBytes('segunda');
    expect((await put('es', second, 'application/octet-stream')).status).to.equal(201);
    const file = await request(foro.url)
      .get(`/events/${event.slug}/documents/UN/POP/MIG-6CM/2007/20/es`)
      .buffer(true)
      .parse(binaryBody);
    expect(Buffer.compare(file.body as Buffer, second)).to.equal(0);
    expect(await DocumentFile.countDocuments({ language: 'es' }), 'the first stays in the history').to.equal(
      2,
    );
    const listed = await request(foro.url)
      .get(`/api/v1/events/${event.id}/documents`)
      .set('Authorization', `Bearer ${secret}`);
    expect((listed.body as { documents: { languages: string[] }[] }).documents[0]!.languages).to.deep.equal([
      'es',
      'pt',
    ]);
    const viewer = await signedInAs(foro.url, 'viewer');
    const viewerToken = await createApiToken(
      { name: 'Lectura', userId: viewer.user.id },
      viewer.actor,
      foro.clock,
    );
    const denied = await request(foro.url)
      .put(`${url}/en`)
      .set('Authorization', `Bearer ${viewerToken.secret}`)
      .set('Content-Type', 'application/pdf')
      .send(pdfBytes());
    expect(denied.status).to.equal(403);
  });

  it('tells a chosen group once per publication, in each person’s language, through the outbox', async () => {
    const { organizer, event, session, assignments } = await setUp();
    for (const assignment of [assignments.chair, assignments.speaker])
      await updateAssignment(session.id, assignment.id, { status: 'confirmed' }, organizer.actor, foro.clock);
    const page = await registered(organizer.agent, event.id, { status: 'draft' });
    await uploadVersion(organizer.agent, page, 'en', pdfBytes(), 'en.pdf');
    const announce = async () => {
      const shown = await organizer.agent.get(page);
      return organizer.agent
        .post(`${page}/announce`)
        .type('form')
        .send({ _csrf: csrfTokenIn(shown.text), group: 'confirmed' });
    };
    expect((await announce()).status, 'a draft is not announced').to.equal(409);
    const csrf = csrfTokenIn((await organizer.agent.get(page)).text);
    const published = await organizer.agent
      .post(page)
      .type('form')
      .send({ _csrf: csrf, ...documentForm({ status: 'final' }) });
    expect(published.status).to.equal(303);

    const [first, second] = await Promise.all([announce(), announce()]);
    expect([first.status, second.status].sort()).to.deep.equal([303, 409]);
    const mails = await Message.find({ template: 'announcement' }).lean();
    expect(mails.map((m) => m.to[0]!.email).sort()).to.deep.equal([
      'alicia@cepal.example',
      'joao@itamaraty.example',
    ]);
    const pt = mails.find((m) => m.to[0]!.email === 'joao@itamaraty.example')!;
    expect(pt.subject).to.include('Novo documento: UN/POP/MIG-6CM/2007/20');
    expect(pt.text).to.include(`/events/${event.slug}/documents/UN/POP/MIG-6CM/2007/20/en`);

    // A new language version is a new publication: it can be told again, once.
    await uploadVersion(organizer.agent, page, 'es', pdfBytes('es'), 'es.pdf');
    expect((await announce()).status).to.equal(303);
    expect((await announce()).status).to.equal(409);
    expect(await Message.countDocuments({ template: 'announcement' })).to.equal(4);
    expect((await organizer.agent.get(page)).text).to.include(
      'announced the publication of UN/POP/MIG-6CM/2007/20',
    );
  });
});
