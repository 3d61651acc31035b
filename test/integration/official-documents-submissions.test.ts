import { expect } from 'chai';
import request from 'supertest';
import { NationalContact } from '../../src/modules/contacts/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { DocumentFile, OfficialDocument } from '../../src/modules/official-documents/index.js';
import { docxBytes, HTML_PAGE, pdfBytes } from '../factories/documents.js';
import { createPanel, tokenIn } from '../factories/invitations.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfTokenIn, signedInAs } from '../support/http.js';

describe('official documents: what speakers and focal points send through their links', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, { env: { LINK_RATE_LIMIT_PER_ADDRESS: '1000' } });

  async function setUp() {
    const organizer = await signedInAs(foro.url, 'organizer');
    const panel = await createPanel(organizer.actor);
    const preview = await organizer.agent.get(
      `/admin/events/${panel.event.id}/invitations/preview?scope=all`,
    );
    const sent = await organizer.agent
      .post(`/admin/events/${panel.event.id}/invitations/send`)
      .type('form')
      .send({ _csrf: csrfTokenIn(preview.text), scope: 'all' });
    expect(sent.status).to.equal(303);
    const mail = (await Message.findOne({ 'to.email': 'joao@itamaraty.example' }).lean())!;
    return { organizer, ...panel, speakerToken: tokenIn(mail.text) };
  }

  async function send(path: string, language: string, bytes: Buffer, name: string) {
    const agent = browserAgent(foro.url);
    const page = await agent.get(`${path}?lang=en`);
    expect(page.status, page.text.slice(0, 200)).to.equal(200);
    const action = /action="([^"]+_csrf=[^"]+)"/.exec(page.text)?.[1] ?? path;
    const res = await agent
      .post(action.replaceAll('&amp;', '&'))
      .field('language', language)
      .attach('upload', bytes, name);
    return { res, agent, action: action.replaceAll('&amp;', '&') };
  }

  it('takes a speaker’s presentation as a draft on their session, shows them its state, and stops at publication', async () => {
    const { organizer, event, session, speakerToken } = await setUp();
    const path = `/invitations/${speakerToken}/submission`;
    const refused = await send(path, 'pt', HTML_PAGE, 'slides.pdf');
    expect(refused.res.status).to.equal(422);
    expect(await OfficialDocument.countDocuments({}), 'nothing stored for a refused file').to.equal(0);

    const { res, agent, action } = await send(path, 'pt', pdfBytes('slides'), 'slides.pdf');
    expect(res.status).to.equal(303);
    const document = (await OfficialDocument.findOne({ eventId: event.id }).lean())!;
    expect(document).to.include({ kind: 'presentation', status: 'draft', audience: 'team' });
    expect(document.sessionIds).to.deep.equal([session.id]);
    expect(document.submitter).to.include('João Silva');
    const shown = await agent.get(`${path}?lang=en`);
    expect(shown.text).to.include('received; the secretariat will review it');
    expect(shown.text).to.include('Português (PDF');
    expect((await request(foro.url).get(`/events/${event.slug}/documents`)).text).not.to.include(
      document.symbol,
    );

    expect((await send(path, 'en', pdfBytes('slides en'), 'slides-en.pdf')).res.status).to.equal(303);
    expect(await OfficialDocument.countDocuments({}), 'a second file joins the same document').to.equal(1);
    expect(await DocumentFile.countDocuments({ documentId: String(document._id) })).to.equal(2);

    const patched = await organizer.agent
      .patch(`/api/v1/events/${event.id}/documents/${String(document._id)}`)
      .send({ status: 'final' });
    expect(patched.status).to.equal(200);
    const after = await agent.get(`${path}?lang=en`);
    expect(after.text).to.include('published; for changes, write to the secretariat');
    expect(after.text).not.to.include('name="upload"');
    const late = await agent
      .post(action)
      .field('language', 'es')
      .attach('upload', pdfBytes('late'), 'late.pdf');
    expect(late.status).to.equal(409);
    expect(late.text).to.include('already published');
    expect((await request(foro.url).get(`/events/${event.slug}/documents?lang=en`)).text).to.include(
      document.symbol,
    );
  });

  it('takes a delegation’s statement through the nomination link, and refuses a forged link', async () => {
    const { organizer, event } = await setUp();
    const contact = await NationalContact.create({
      country: 'PE',
      institution: 'foreign_affairs',
      type: 'focal_point',
      name: 'Rosa Quispe',
      email: 'rosa@rree.pe.example',
      language: 'es',
    });
    const page = await organizer.agent.get(`/admin/events/${event.id}/delegations`);
    const invited = await organizer.agent
      .post(`/admin/events/${event.id}/delegations`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), country: 'PE', contactId: String(contact._id), quota: '3' });
    expect(invited.status).to.equal(303);
    const mail = (await Message.findOne({ 'to.email': 'rosa@rree.pe.example' }).lean())!;
    const token = /\/nominations\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;

    const { res } = await send(`/nominations/${token}/statement`, 'es', docxBytes(), 'declaracion.docx');
    expect(res.status).to.equal(303);
    const document = (await OfficialDocument.findOne({ kind: 'statement' }).lean())!;
    expect(document).to.include({ status: 'draft', submitter: 'Perú' });
    expect((await DocumentFile.findOne({}).lean())!.format).to.equal('docx');
    const list = await organizer.agent.get(`/admin/events/${event.id}/documents?lang=en`);
    expect(list.text).to.include(document.symbol);

    expect((await request(foro.url).get(`/nominations/${'B'.repeat(43)}/statement`)).status).to.equal(404);
  });
});
