import { expect } from 'chai';
import request from 'supertest';
import { AuditEntry } from '../../src/modules/audit/audit.model.js';
import { DocumentFile, OfficialDocument } from '../../src/modules/official-documents/index.js';
import { SpeakerEntry, SpeakerStep } from '../../src/modules/plenary/speakers-list/speakers.model.js';
import { inscribedPlenary } from '../factories/plenary.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';

describe('plenary: the floor on the day', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, {
    env: { RATE_LIMIT_MAX: '100000', LINK_RATE_LIMIT_PER_ADDRESS: '100000' },
  });

  /** A published list: Ecuador's minister (head, 8 min), Peru's ambassador, Mexico's "other" level. */
  async function runningList() {
    foro.clock.set('2008-04-01T12:00:00Z');
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event, session, csrf } = await inscribedPlenary(
      foro,
      organizer,
      [
        ['EC', 'minister'],
        ['PE', 'ambassador'],
        ['MX', 'other'],
      ],
      { headMinutes: 8, publish: true },
    );
    const floor = `/admin/events/${event.id}/floor/${session.id}`;
    const entryOf = async (country: string) =>
      String((await SpeakerEntry.findOne({ country, reply: false }).lean())!._id);
    const press = (entryId: string, step: string, version: number) =>
      organizer.agent
        .post(`${floor}/entries/${entryId}`)
        .type('form')
        .send({ _csrf: csrf, step, version: String(version) });
    return { organizer, event, session, floor, csrf, entryOf, press };
  }

  it('shows who has the floor, the next three and the time limit, and works its buttons without script', async () => {
    const { organizer, floor, entryOf, press, csrf } = await runningList();
    const page = await organizer.agent.get(floor);
    expect(page.status).to.equal(200);
    expect(/id="current"[^>]*><strong>([^<]+)/.exec(page.text)![1]).to.equal('Ecuador');
    expect(page.text).to.match(/id="countdown"[^>]*data-seconds="480"/);
    expect([...page.text.matchAll(/<li data-entry="\w+"><strong>([^<]+)/g)].map((m) => m[1])).to.deep.equal([
      'Perú',
      'México',
    ]);
    const ec = await entryOf('EC');
    const pe = await entryOf('PE');
    expect((await press(ec, 'speaking', 0)).status).to.equal(303);
    const speaking = await organizer.agent.get(floor);
    expect(speaking.text).to.match(/id="countdown"[^>]*data-started="2008-04-01T12:00:00.000Z"/);
    expect((await press(ec, 'spoke', 1)).status).to.equal(303);
    // Peru is not present: to the end, behind Mexico.
    expect((await press(pe, 'absent', 0)).status).to.equal(303);
    const after = await organizer.agent.get(floor);
    expect(/id="current"[^>]*><strong>([^<]+)/.exec(after.text)![1]).to.equal('México');
    expect([...after.text.matchAll(/<li data-entry="\w+"><strong>([^<]+)/g)].map((m) => m[1])).to.deep.equal([
      'Perú',
    ]);
    // A right of reply for Ecuador, asked a minute later, goes after everyone.
    foro.clock.set('2008-04-01T12:01:00Z');
    const reply = await organizer.agent
      .post(`${floor}/reply`)
      .type('form')
      .send({ _csrf: csrf, entryId: ec });
    expect(reply.status).to.equal(303);
    const withReply = await organizer.agent.get(floor);
    expect(
      [...withReply.text.matchAll(/<li data-entry="\w+"><strong>([^<]+)/g)].map((m) => m[1]),
    ).to.deep.equal(['Perú', 'Ecuador']);
    expect(withReply.text).to.contain('derecho de réplica');
  });

  it('records one transition and one audit entry when two devices press "spoke" at once, and refuses a stale click', async () => {
    const { organizer, event, session, floor, entryOf, press } = await runningList();
    const ec = await entryOf('EC');
    const before = (await organizer.agent.get(`${floor}/state`)).body as { stamp: string };
    const answers = await Promise.all([press(ec, 'spoke', 0), press(ec, 'spoke', 0), press(ec, 'spoke', 0)]);
    expect(answers.map((a) => a.status).sort()).to.deep.equal([303, 409, 409]);
    expect(answers.find((a) => a.status === 409)!.text).to.contain(
      'Otra persona registró un cambio en este orador',
    );
    expect(await SpeakerStep.countDocuments({ entryId: ec })).to.equal(1);
    expect(await AuditEntry.countDocuments({ action: 'speakers.spoke' })).to.equal(1);
    // A page drawn before the step still says version 0: refused, nothing recorded.
    expect((await press(ec, 'withdrawn', 0)).status).to.equal(409);
    expect(await SpeakerStep.countDocuments({ entryId: ec })).to.equal(1);
    const now = (await organizer.agent.get(`${floor}/state`)).body as { stamp: string };
    expect(now.stamp, 'another device sees the change').to.not.equal(before.stamp);

    const shown = await request(foro.url).get(`/events/${event.slug}/sessions/${session.id}/speakers`);
    expect(shown.text).to.match(/data-status="spoke"><td>1<\/td><td>Ecuador<\/td>[\s\S]*?Intervino/);
  });

  it('lets a viewer watch the floor but not press its buttons', async () => {
    const { floor, entryOf } = await runningList();
    const viewer = await signedInAs(foro.url, 'viewer');
    const page = await viewer.agent.get(floor);
    expect(page.status).to.equal(200);
    expect(page.text).to.not.contain('class="floor-spoke"');
    const csrf = csrfTokenIn(page.text);
    const pressed = await viewer.agent
      .post(`${floor}/entries/${await entryOf('EC')}`)
      .type('form')
      .send({ _csrf: csrf, step: 'spoke', version: '0' });
    expect(pressed.status).to.equal(403);
    expect(await SpeakerStep.countDocuments({})).to.equal(0);
  });

  it('attaches a delivered statement as an official document of the register (kind, session, delegation), only once spoken', async () => {
    const { organizer, event, session, entryOf, press, csrf } = await runningList();
    const listPage = `/admin/events/${event.id}/sessions/${session.id}/speakers`;
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const attach = (
      entryId: string,
      language: string,
      content: Buffer,
      name: string,
      agent = organizer.agent,
    ) =>
      agent
        .post(`${listPage}/entries/${entryId}/statement?_csrf=${encodeURIComponent(csrf)}`)
        .field('language', language)
        .attach('upload', content, name);
    const ec = await entryOf('EC');
    const pe = await entryOf('PE');
    expect((await organizer.agent.get(listPage)).text).to.contain('Nadie ha intervenido todavía.');
    const early = await attach(ec, 'es', pdf, 'ecuador.pdf');
    expect(early.status, 'not spoken yet').to.equal(409);
    expect(early.text).to.contain('Solo se adjunta la declaración de quien ya intervino');
    expect((await press(ec, 'speaking', 0)).status).to.equal(303);
    expect((await press(ec, 'spoke', 1)).status).to.equal(303);

    const wrong = await attach(ec, 'es', Buffer.from('<html>no</html>'), 'ecuador.pdf');
    expect(wrong.status).to.equal(422);
    expect((await attach(pe, 'es', pdf, 'peru.pdf')).status, 'Peru has not spoken').to.equal(409);
    expect(await OfficialDocument.countDocuments({})).to.equal(0);

    expect((await attach(ec, 'es', pdf, 'ecuador.pdf')).status).to.equal(303);
    expect((await attach(ec, 'en', pdf, 'ecuador-en.pdf')).status).to.equal(303);
    const documents = await OfficialDocument.find({}).lean();
    expect(documents).to.have.length(1);
    const document = documents[0]!;
    expect(document.kind).to.equal('statement');
    expect(document.sessionIds).to.deep.equal([session.id]);
    expect(document.submitter).to.equal('Ecuador');
    expect(document.title?.es).to.equal('Ecuador: Plenario de apertura');
    expect(document.status).to.equal('draft');
    expect([...document.languages].sort()).to.deep.equal(['en', 'es']);
    expect(await DocumentFile.countDocuments({ documentId: String(document._id) })).to.equal(2);
    expect(await AuditEntry.countDocuments({ action: 'document.registered' })).to.equal(1);

    const page = await organizer.agent.get(listPage);
    expect(page.text)
      .to.contain(`href="/admin/events/${event.id}/documents/${String(document._id)}"`)
      .and.contain(document.symbol);
    const viewer = await signedInAs(foro.url, 'viewer');
    expect((await attach(ec, 'pt', pdf, 'ecuador-pt.pdf', viewer.agent)).status).to.equal(403);
  });
});
