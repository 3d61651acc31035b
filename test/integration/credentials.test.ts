import { expect } from 'chai';
import { AuditEntry } from '../../src/modules/audit/audit.model.js';
import { Message } from '../../src/modules/messaging/index.js';
import {
  Credentials,
  CredentialsFile,
  CredentialsUpload,
} from '../../src/modules/plenary/credentials/credentials.model.js';
import { credentialStatus, DEFAULT_RULES } from '../../src/modules/plenary/credentials/credentials.status.js';
import { createPublishedEvent } from '../factories/events.js';
import { delegationOf } from '../factories/plenary.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { binaryBody, readPdf } from '../support/pdf.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('plenary: credentials of the delegations', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, {
    env: { RATE_LIMIT_MAX: '100000', LINK_RATE_LIMIT_PER_ADDRESS: '100000' },
  });

  async function forum() {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ countries: ['EC', 'PE', 'MX', 'CU'] }, organizer.actor);
    const ids: Record<string, string> = {};
    for (const country of ['EC', 'PE', 'MX'])
      ids[country] = (await delegationOf(foro.url, event, country)).id;
    const base = `/admin/events/${event.id}/credentials`;
    const csrf = csrfTokenIn((await organizer.agent.get(base)).text);
    const record = (country: string, fields: Record<string, string>) =>
      organizer.agent
        .post(`${base}/${ids[country]}`)
        .type('form')
        .send({ _csrf: csrf, ...fields });
    const upload = (country: string, content: Buffer, name: string) =>
      organizer.agent
        .post(`${base}/${ids[country]}/file?_csrf=${encodeURIComponent(csrf)}`)
        .attach('file', content, name);
    return { organizer, event, ids, base, record, upload };
  }

  it('gives each state its status by the event’s rules, shows it on the coverage page, and reports counts equal to the records', async () => {
    const f = await forum();
    expect(
      (await f.record('EC', { authority: 'foreign_minister', kind: 'original', receivedOn: '2008-04-08' }))
        .status,
    ).to.equal(303);
    expect(
      (await f.record('PE', { authority: 'head_of_state_or_government', kind: 'copy' })).status,
    ).to.equal(303);
    expect((await f.record('MX', { authority: 'other', kind: 'original' })).status).to.equal(303);

    const page = await f.organizer.agent.get(f.base);
    const statuses = Object.fromEntries(
      [...page.text.matchAll(/data-country="(\w\w)" data-status="(\w+)"/g)].map((m) => [m[1], m[2]]),
    );
    expect(statuses).to.deep.equal({
      EC: 'accredited',
      PE: 'provisional',
      MX: 'provisional',
      CU: 'not_accredited',
    });
    const coverage = await f.organizer.agent.get(`/admin/events/${f.event.id}/coverage`);
    expect(coverage.text).to.match(/data-country="EC">[\s\S]*?<td class="credentials">Acreditado<\/td>/);

    const report = await f.organizer.agent
      .get(`/admin/events/${f.event.id}/credentials.pdf?lang=es`)
      .buffer(true)
      .parse(binaryBody);
    expect(report.status).to.equal(200);
    const { text } = await readPdf(report.body as Buffer);
    // The counts the report prints are those of the records under the rules.
    const records = await Credentials.find({ eventId: f.event.id }).lean();
    const counted = { accredited: 0, provisional: 0, not_accredited: 1 /* Cuba: no delegation */ };
    for (const r of records) counted[credentialStatus(r as never, DEFAULT_RULES)]++;
    expect(text).to.contain(`Acreditado: ${counted.accredited}`);
    expect(text).to.contain(`Acreditado provisionalmente: ${counted.provisional}`);
    expect(text).to.contain(`No acreditado: ${counted.not_accredited}`);
    expect(counted).to.deep.equal({ accredited: 1, provisional: 2, not_accredited: 1 });
    expect(text)
      .to.contain('Informe sobre las credenciales')
      .and.contain('Ecuador')
      .and.contain('Recibidas el');

    // The event decides that copies accredit too: Peru moves up.
    const csrf = csrfTokenIn(page.text);
    const rules = await f.organizer.agent
      .post(`${f.base}/rules`)
      .type('form')
      .send({ _csrf: csrf, accredited: ['original', 'copy'], provisional: 'note_verbale' });
    expect(rules.status).to.equal(303);
    const after = await f.organizer.agent.get(f.base);
    expect(after.text).to.contain('data-country="PE" data-status="accredited"');
  });

  it('keeps the letters for the team: a non-PDF is refused, a viewer gets 403 for the page, the file and the report', async () => {
    const f = await forum();
    expect((await f.record('EC', { authority: 'foreign_minister', kind: 'original' })).status).to.equal(303);
    const fake = await f.upload('EC', Buffer.from('<html>no</html>'), 'carta.pdf');
    expect(fake.status).to.equal(422);
    expect(fake.text).to.contain('no es un PDF');
    expect(await CredentialsFile.countDocuments({})).to.equal(0);
    expect((await f.upload('EC', PDF, 'carta.pdf')).status).to.equal(303);
    const file = await f.organizer.agent.get(`${f.base}/${f.ids['EC']}/file`);
    expect(file.status).to.equal(200);
    expect(file.headers['content-type']).to.contain('application/pdf');

    const viewer = await signedInAs(foro.url, 'viewer');
    expect((await viewer.agent.get(`${f.base}/${f.ids['EC']}/file`)).status).to.equal(403);
    expect((await viewer.agent.get(f.base)).status).to.equal(403);
    expect((await viewer.agent.get(`/admin/events/${f.event.id}/credentials.pdf`)).status).to.equal(403);
    const coverage = await viewer.agent.get(`/admin/events/${f.event.id}/coverage`);
    expect(coverage.text).to.not.contain('class="credentials"');
  });

  it('takes a focal point’s own letter through the nomination link for the team to check, status unchanged', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ countries: ['EC', 'PE'] }, organizer.actor);
    const ec = await delegationOf(foro.url, event, 'EC');
    const pe = await delegationOf(foro.url, event, 'PE');
    const page = `/nominations/${ec.token}/credentials`;
    const send = (content: Buffer, name: string, token = ec.token, lang = 'es') =>
      ec.focal
        .post(`/nominations/${token}/credentials?lang=${lang}&_csrf=${encodeURIComponent(ec.csrf)}`)
        .attach('file', content, name);

    const nomination = await ec.focal.get(`/nominations/${ec.token}`);
    expect(nomination.text).to.contain(`href="${page}"`);
    expect((await ec.focal.get(`${page}?lang=pt`)).text)
      .to.contain('Credenciais da delegação do Equador')
      .and.contain('A carta de credenciais ainda não foi enviada.');

    // Refused, nothing kept: not a PDF by its content, too large, an unknown link.
    const fake = await send(Buffer.from('<html>no</html>'), 'carta.pdf', ec.token, 'en');
    expect(fake.status).to.equal(422);
    expect(fake.text).to.contain('The file is not a PDF.');
    const large = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 1, 0x20)]);
    expect((await send(large, 'carta.pdf')).status).to.equal(422);
    expect((await send(PDF, 'carta.pdf', 'x'.repeat(43))).status).to.equal(404);
    expect(await CredentialsUpload.countDocuments({})).to.equal(0);
    expect(await CredentialsFile.countDocuments({})).to.equal(0);

    // The organizer reads the team's notices in Portuguese: their own choice, not the event's Spanish.
    const own = csrfTokenIn((await organizer.agent.get('/account/password')).text);
    await organizer.agent.post('/account/language').type('form').send({ _csrf: own, language: 'pt' });
    expect((await send(PDF, 'Carta Ecuador.pdf')).status).to.equal(303);
    const shown = await ec.focal.get(page);
    expect(shown.text).to.contain('Carta de credenciales recibida').and.contain('Carta Ecuador.pdf');
    // It landed on Ecuador's record only, audited, the team told; the status waits for the team.
    const uploads = await CredentialsUpload.find({}).lean();
    expect(uploads.map((u) => [String(u._id), u.country])).to.deep.equal([[ec.id, 'EC']]);
    expect(await Credentials.countDocuments({})).to.equal(0);
    const audit = await AuditEntry.find({ action: 'credentials.uploaded' }).lean();
    expect(audit).to.have.length(1);
    const told = await Message.find({ template: 'credentials.received' }).lean();
    expect(told).to.have.length(1);
    expect(told[0]!.subject).to.equal('Credenciais recebidas: Equador');
    expect(told[0]!.locale).to.equal('pt');
    const base = `/admin/events/${event.id}/credentials`;
    const admin = await organizer.agent.get(base);
    expect(admin.text)
      .to.contain('data-country="EC" data-status="not_accredited"')
      .and.contain(`href="${base}/${ec.id}/upload"`)
      .and.contain('envió la carta de credenciales de Ecuador');
    const file = await organizer.agent.get(`${base}/${ec.id}/upload`).buffer(true).parse(binaryBody);
    expect(file.status).to.equal(200);
    expect((file.body as Buffer).equals(PDF)).to.equal(true);
    // The overview asks the team to check it, until they record a decision on Ecuador.
    const task = 'Credenciales enviadas por puntos focales por revisar: 1';
    expect((await organizer.agent.get(`/admin/events/${event.id}`)).text).to.contain(task);
    const decided = await organizer.agent
      .post(`${base}/${ec.id}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(admin.text), authority: 'foreign_minister', kind: 'copy', receivedOn: '' });
    expect(decided.status).to.equal(303);
    expect((await organizer.agent.get(`/admin/events/${event.id}`)).text).to.not.contain(task);

    // Peru's focal point sees nothing of Ecuador's letter, and no file is served to focal points.
    expect((await pe.focal.get(`/nominations/${pe.token}/credentials`)).text).not.to.contain(
      'Carta Ecuador.pdf',
    );
    expect((await pe.focal.get(`${base}/${ec.id}/upload`)).status).to.not.equal(200);
    expect((await pe.focal.get(`${base}/${ec.id}/file`)).status).to.not.equal(200);
  });
});
