import { expect } from 'chai';
import request from 'supertest';
import { Message } from '../../src/modules/messaging/index.js';
import { Registration, saveRegistrationRules } from '../../src/modules/registrations/index.js';
import { createFocalPoint, inviteDelegation, LUIS_VEGA, ROSA_QUISPE } from '../factories/delegations.js';
import { createPublishedEvent } from '../factories/events.js';
import { createTestRegistration, registrationForm } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfTokenIn, signedInAs } from '../support/http.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('delegations: focal points nominate their country’s delegation', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, { env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000' } });

  async function invite(country: 'PE' | 'EC', quota: number) {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const contacts = [
      await createFocalPoint('PE', 'es', ROSA_QUISPE),
      await createFocalPoint('EC', 'es', LUIS_VEGA),
    ];
    const tokens: Record<string, string> = {};
    for (const contact of contacts)
      tokens[contact.country] = (await inviteDelegation(organizer.agent, event.id, contact, quota)).token;
    return { organizer, event, token: tokens[country]!, tokens, contacts };
  }

  async function focalPoint(token: string) {
    const agent = browserAgent(foro.url);
    const page = await agent.get(`/nominations/${token}`);
    expect(page.status).to.equal(200);
    return { agent, csrf: csrfTokenIn(page.text), page };
  }

  const nominee = (i: number) => ({
    givenName: 'Delegado',
    familyName: `${i}`,
    email: `delegado${i}@rree.pe.example`,
  });

  it('invites the focal point by mail (logged on the contact), and holds the quota under simultaneous nominations', async () => {
    const { organizer, token, contacts } = await invite('PE', 3);
    const [mail] = await Message.find({
      template: 'registration.nomination',
      'to.email': 'rosa@rree.pe.example',
    }).lean();
    expect(mail!.subject).to.match(/^\[Confirmación requerida\] Designación de la delegación de Perú/);
    const log = await organizer.agent.get(`/admin/contacts/${contacts[0]!.id}`);
    expect(log.text).to.include('Designación de la delegación de Perú');

    const { agent, csrf } = await focalPoint(token);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        agent
          .post(`/nominations/${token}/members`)
          .type('form')
          .send({ _csrf: csrf, ...nominee(i) }),
      ),
    );
    expect(results.filter((r) => r.status === 303)).to.have.length(3);
    expect(results.filter((r) => r.status === 409)).to.have.length(3);
    expect(await Registration.countDocuments({ category: 'government_delegation' })).to.equal(3);
    expect(await Message.countDocuments({ template: 'registration.nominee' })).to.equal(3);
    const welcome = await Message.findOne({ template: 'registration.nominee' }).lean();
    expect(welcome!.subject, 'the country named').to.match(/^Su designación en la delegación de Perú: /);
    expect(welcome!.text).to.include('El punto focal de su país le ha designado').and.include('Perú');
  });

  it('a quota lowered below the delegates named removes nobody and refuses more until enough withdraw', async () => {
    const { organizer, event, token, contacts } = await invite('PE', 5);
    const { agent, csrf } = await focalPoint(token);
    const nominate = (from: number, n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          agent
            .post(`/nominations/${token}/members`)
            .type('form')
            .send({ _csrf: csrf, ...nominee(from + i) }),
        ),
      );
    expect((await nominate(0, 5)).map((r) => r.status)).to.deep.equal([303, 303, 303, 303, 303]);
    const page = await organizer.agent.get(`/admin/events/${event.id}/delegations`);
    const lowered = await organizer.agent
      .post(`/admin/events/${event.id}/delegations`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), country: 'PE', contactId: contacts[0]!.id, quota: '3' });
    expect(lowered.status).to.equal(303);
    // Nominees wait for the organizers' approval (the default for government delegations).
    const members = () => Registration.countDocuments({ eventId: event.id, status: 'pending' });
    expect(await members(), 'nobody removed').to.equal(5);
    expect(
      (await nominate(10, 6)).every((r) => r.status === 409),
      'five named for three places',
    ).to.equal(true);

    const named = await Registration.find({ eventId: event.id, category: 'government_delegation' }).lean();
    const withdraw = (id: unknown) =>
      agent
        .post(`/nominations/${token}/members/${String(id)}/withdraw`)
        .type('form')
        .send({ _csrf: csrf, confirmed: 'yes' });
    expect((await withdraw(named[0]!._id)).status).to.equal(303);
    expect((await withdraw(named[1]!._id)).status).to.equal(303);
    expect((await nominate(20, 3)).map((r) => r.status).sort(), 'three named: still full').to.deep.equal([
      409, 409, 409,
    ]);
    expect((await withdraw(named[2]!._id)).status).to.equal(303);
    expect(
      (await nominate(30, 3)).filter((r) => r.status === 303),
      'one place really free',
    ).to.have.length(1);
  });

  it('keeps each country to its own delegation', async () => {
    const { tokens } = await invite('PE', 2);
    const ec = await focalPoint(tokens['EC']!);
    await ec.agent.post(`/nominations/${tokens['EC']}/members`).type('form').send({
      _csrf: ec.csrf,
      givenName: 'Ana',
      familyName: 'Ecuatoriana',
      email: 'ana@cancilleria.ec.example',
    });
    const ecMember = await Registration.findOne({ countryRepresented: 'EC' }).lean();
    const pe = await focalPoint(tokens['PE']!);
    expect(pe.page.text).not.to.include('ana@cancilleria.ec.example');
    const foreign = await pe.agent
      .post(`/nominations/${tokens['PE']}/members/${String(ecMember!._id)}/withdraw`)
      .type('form')
      .send({ _csrf: pe.csrf });
    expect(foreign.status).to.equal(404);
    expect((await Registration.findById(ecMember!._id).lean())!.delegationId).to.be.a('string');
    expect((await request(foro.url).get(`/nominations/${'x'.repeat(43)}`)).status).to.equal(404);
  });

  it('links a person who registered already instead of registering them twice', async () => {
    const { event, token } = await invite('PE', 2);
    const registered = await request(foro.url)
      .post(`/events/${event.slug}/register`)
      .set('Accept', 'application/json')
      .send(registrationForm({ email: 'ya@rree.pe.example', category: 'academia' }));
    expect(registered.status).to.equal(303);
    const { agent, csrf } = await focalPoint(token);
    await agent.post(`/nominations/${token}/members`).type('form').send({
      _csrf: csrf,
      givenName: 'Ya',
      familyName: 'Inscrita',
      email: 'YA@rree.pe.example',
      role: 'head',
    });
    const all = await Registration.find({ eventId: event.id }).lean();
    expect(all).to.have.length(1);
    expect(all[0]).to.include({ category: 'government_delegation', delegationRole: 'head' });
  });

  it('accepts the official note only as a real PDF within 5 MB, and lets organizers download it', async () => {
    const { organizer, event, token } = await invite('PE', 2);
    const { agent, csrf } = await focalPoint(token);
    const upload = (content: Buffer, name: string) =>
      agent
        .post(`/nominations/${token}/note?_csrf=${encodeURIComponent(csrf)}`)
        .attach('note', content, name);
    const fake = await upload(Buffer.from('<html>not a pdf</html>'), 'nota.pdf');
    expect(fake.status).to.equal(422);
    expect(fake.text).to.include('El archivo no es un PDF');
    const large = await upload(Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 10)]), 'grande.pdf');
    expect(large.status).to.equal(413);
    expect((await upload(PDF, 'Nota verbal 123.pdf')).status).to.equal(303);
    const list = await organizer.agent.get(`/admin/events/${event.id}/delegations`);
    const own = /<tr data-country="PE">\s*<td><a href="([^"]+)">Perú<\/a>/.exec(list.text)![1]!;
    const page = await organizer.agent.get(own);
    expect(page.text).to.include('Nota verbal 123.pdf');
    const path = /href="(\/admin\/events\/[^"]+\/note)"/.exec(page.text)![1]!;
    const note = await organizer.agent
      .get(path)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(note.headers['content-type']).to.equal('application/pdf');
    expect((note.body as Buffer).equals(PDF)).to.equal(true);
  });

  it('shows each country’s coverage, the counts, arrivals and the rooming list, and exports it', async () => {
    const { organizer, event, token } = await invite('PE', 2);
    const { agent, csrf } = await focalPoint(token);
    await agent
      .post(`/nominations/${token}/members`)
      .type('form')
      .send({ _csrf: csrf, ...nominee(1) });
    await request(foro.url)
      .post(`/events/${event.slug}/register`)
      .set('Accept', 'application/json')
      .send(
        registrationForm({
          email: 'viajera@example.org',
          hotel: 'Hotel Oro Verde',
          arrivalDate: '2008-04-09',
        }),
      );
    // A speaker from academia, registered by the programme: she represents no government, yet
    // comes from Brazil (counted there, not under "—").
    await createTestRegistration(
      event.id,
      { givenName: 'Beatriz', familyName: 'Nascimento', country: 'BR', sector: 'academia' },
      { category: 'programme_participant' },
    );
    const page = await organizer.agent.get(`/admin/events/${event.id}/coverage`);
    expect(page.status).to.equal(200);
    const byCountry = /<table class="bars">\s*<thead><tr><th>País<\/th>.*?<\/table>/s.exec(page.text)![0];
    expect(byCountry).to.include('<tr data-key="BR"><td>Brasil</td>').and.not.include('<td>—</td>');
    const row = /<tr data-country="PE">(.*?)<\/tr>/s.exec(page.text)![1]!;
    expect(row.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|')).to.equal('|Perú|✓|✓|1|0|0|No acreditado|');
    expect(page.text).to.include('Hotel Oro Verde');
    const csv = await organizer.agent.get(`/admin/events/${event.id}/coverage.csv`);
    expect(csv.text).to.include('PE,Perú,sí,sí,1,0,0');
    const viewer = await signedInAs(foro.url, 'viewer');
    const seen = await viewer.agent.get(`/admin/events/${event.id}/coverage`);
    expect(seen.status).to.equal(200);
    expect(seen.text, 'no rooming list for viewers').not.to.include('Hotel Oro Verde');
    const rooming = await organizer.agent.get(`/admin/events/${event.id}/coverage/rooming.csv`).buffer(true);
    expect(rooming.headers['content-type']).to.match(/^text\/csv/);
    expect(rooming.text).to.include('Hotel Oro Verde').and.include('2008-04-09');
    const refused = await viewer.agent.get(`/admin/events/${event.id}/coverage/rooming.csv`);
    expect(refused.status).to.be.oneOf([403, 404]);
    expect(refused.text).not.to.include('Hotel Oro Verde');
  });

  it('approves delegates out of their quota, not the public places of government delegations', async () => {
    const { organizer, event, token } = await invite('PE', 2);
    await saveRegistrationRules(
      event.id,
      { categories: [{ key: 'government_delegation', capacity: 4, approval: true }] },
      foro.clock,
    );
    const { agent, csrf } = await focalPoint(token);
    for (const i of [1, 2]) {
      await agent
        .post(`/nominations/${token}/members`)
        .type('form')
        .send({ _csrf: csrf, ...nominee(i) });
    }
    const list = await organizer.agent.get(`/admin/events/${event.id}/registrations`);
    const ids = (await Registration.find({ eventId: event.id }).lean()).map((r) => String(r._id));
    const approved = await organizer.agent
      .post(`/admin/events/${event.id}/registrations/decisions`)
      .type('form')
      .send({ _csrf: csrfTokenIn(list.text), ids, decision: 'approve' });
    expect(approved.status).to.equal(303);
    expect(await Registration.countDocuments({ eventId: event.id, status: 'confirmed' })).to.equal(2);
    // Public places for government delegations: 4 less the two quotas of PE and EC (2 each) = 0.
    const refused = await request(foro.url)
      .post(`/events/${event.slug}/register`)
      .set('Accept', 'application/json')
      .send(
        registrationForm({ email: 'publico@example.org', category: 'government_delegation', country: 'PE' }),
      );
    expect(refused.status).to.equal(303);
    await organizer.agent
      .post(`/admin/events/${event.id}/registrations/decisions`)
      .type('form')
      .send({
        _csrf: csrfTokenIn(list.text),
        ids: String((await Registration.findOne({ source: 'public' }).lean())!._id),
        decision: 'approve',
      })
      .expect(409);
  });
});
