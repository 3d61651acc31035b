import { expect } from 'chai';
import request from 'supertest';
import { Types } from 'mongoose';
import { CheckIn } from '../../src/modules/documents/checkin/checkin.model.js';
import { issueLink } from '../../src/modules/links/index.js';
import { PassportData } from '../../src/modules/registrations/index.js';
import { createPublishedEvent } from '../factories/events.js';
import { createTestRegistration } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { binaryBody, expectInsideMargins, qrCodesOnPage, readPdf } from '../support/pdf.js';

describe('documents: participant list, badges and check-in', () => {
  const foro = useTestForo(import.meta.url);

  async function forum() {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ slug: 'cuenca-2008' }, organizer.actor);
    const register = (
      person: Parameters<typeof createTestRegistration>[1],
      registration: Parameters<typeof createTestRegistration>[2],
    ) => createTestRegistration(event.id, person, registration);
    const people = {
      peruMember: await register(
        {
          givenName: 'Ana',
          familyName: 'Álvarez',
          position: 'Consejera',
          organization: 'Cancillería del Perú',
          country: 'PE',
          email: 'ana@rree.pe',
        },
        { category: 'government_delegation', countryRepresented: 'PE', delegationRole: 'member' },
      ),
      peruHead: await register(
        {
          honorific: 'Excmo. Sr.',
          givenName: 'Zenón',
          familyName: 'Zúñiga',
          position: 'Viceministro',
          organization: 'Cancillería del Perú',
          country: 'PE',
        },
        { category: 'government_delegation', countryRepresented: 'PE', delegationRole: 'head' },
      ),
      spain: await register(
        {
          givenName: 'Íñigo',
          familyName: 'Echeverría',
          organization: 'Ministerio de Trabajo',
          country: 'ES',
        },
        { category: 'government_delegation', countryRepresented: 'ES' },
      ),
      brazil: await register(
        { givenName: 'Conceição', familyName: 'Araújo', organization: 'Itamaraty', country: 'BR' },
        { category: 'government_delegation', countryRepresented: 'BR', visaLetter: true },
      ),
      iom: await register(
        { givenName: 'Mary', familyName: 'Smith', organization: 'OIM', country: 'CH' },
        { category: 'international_organization' },
      ),
      flacso: await register(
        { givenName: 'Rosa', familyName: 'Quispe', organization: 'FLACSO' },
        { category: 'academia' },
      ),
      press: await register(
        { givenName: 'Pedro', familyName: 'Prensa', organization: 'El Mercurio' },
        { category: 'media' },
      ),
      shy: await register(
        {
          givenName: 'Sin',
          familyName: 'Consentimiento',
          organization: 'ONG Migrantes',
          email: 'shy@ong.example',
        },
        { category: 'civil_society', consentToList: false },
      ),
      waiting: await register(
        { givenName: 'En', familyName: 'Espera', organization: 'ONG' },
        { category: 'civil_society', status: 'waitlisted' },
      ),
    };
    return { organizer, event, people };
  }

  it('lists member states in Spanish order with the head of delegation first, then the other groups; public only with consent', async () => {
    await forum();
    const pdf = await readPdf(
      (
        await request(foro.url)
          .get('/events/cuenca-2008/participants.pdf?lang=en')
          .buffer(true)
          .parse(binaryBody)
      ).body as Buffer,
    );
    const order = [
      'Brazil',
      'Spain',
      'Peru',
      'Zenón Zúñiga',
      'Ana Álvarez',
      'International organization',
      'Academia',
      'Media',
    ];
    const positions = order.map((text) => pdf.text.indexOf(text));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(positions),
    ).to.equal(true);
    expect([...positions].sort((a, b) => a - b)).to.deep.equal(positions);
    expect(pdf.text)
      .to.contain('Head of delegation')
      .and.contain('Conceição Araújo')
      .and.contain('Íñigo Echeverría');
    expect(pdf.text).to.not.contain('Consentimiento').and.not.contain('Espera').and.not.contain('@');
    expectInsideMargins(pdf);
  });

  it('gives organizers the full list and badges, and refuses both to viewers and the public', async () => {
    const { organizer, event } = await forum();
    const full = await organizer.agent
      .get(`/admin/events/${event.id}/participants.pdf?lang=es`)
      .buffer(true)
      .parse(binaryBody);
    expect(full.status).to.equal(200);
    const text = (await readPdf(full.body as Buffer)).text;
    expect(text)
      .to.contain('Sin Consentimiento')
      .and.contain('shy@ong.example')
      .and.contain('Lista completa');
    expect(text).to.not.contain('En Espera');
    const viewer = await signedInAs(foro.url, 'viewer');
    expect((await viewer.agent.get(`/admin/events/${event.id}/participants.pdf`)).status).to.equal(403);
    expect((await viewer.agent.get(`/admin/events/${event.id}/badges.pdf`)).status).to.equal(403);
    expect((await viewer.agent.get(`/admin/events/${event.id}/check-in`)).status).to.equal(403);
    const anonymous = await request(foro.url)
      .get(`/admin/events/${event.id}/badges.pdf`)
      .set('Accept', 'application/json');
    expect(anonymous.status).to.equal(401);
  });

  it('prints badges whose QR codes check people in at the door, once a day; a forged code checks in no one', async function () {
    this.timeout(60_000);
    const { organizer, event, people } = await forum();
    const badges = await organizer.agent
      .get(`/admin/events/${event.id}/badges.pdf?lang=es`)
      .buffer(true)
      .parse(binaryBody);
    const pdf = badges.body as Buffer;
    const content = await readPdf(pdf);
    expect(content.pages.length).to.equal(1); // 8 confirmed, 8 to a sheet
    expectInsideMargins(content);
    expect(content.text).to.contain('Conceição Araújo').and.contain('DELEGACIÓN GUBERNAMENTAL');
    const codes = await qrCodesOnPage(pdf, 1, { columns: 2, rows: 4 });
    expect(codes).to.have.length(8);
    for (const code of codes) expect(code).to.match(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Every code is also printed as text under its QR code, and reprinting keeps the codes.
    for (const code of codes) expect(content.text).to.contain(code);
    const again = await readPdf(
      (await organizer.agent.get(`/admin/events/${event.id}/badges.pdf`).buffer(true).parse(binaryBody))
        .body as Buffer,
    );
    for (const code of codes) expect(again.text).to.contain(code);

    const page = await organizer.agent.get(`/admin/events/${event.id}/check-in`);
    const csrf = csrfTokenIn(page.text);
    const checkIn = (fields: Record<string, string>) =>
      organizer.agent
        .post(`/admin/events/${event.id}/check-in`)
        .type('form')
        .send({ _csrf: csrf, day: '2008-04-10', ...fields });

    const first = await checkIn({ code: codes[0]!.toLowerCase() });
    expect(first.status).to.equal(200);
    expect(first.text).to.match(/presente\./);
    const repeat = await checkIn({ code: codes[0]! });
    expect(repeat.text).to.contain('ya registrado/a como presente');
    const forged = await checkIn({ code: 'ZZZZ-ZZZZ-ZZZZ' });
    expect(forged.status).to.equal(404);
    expect(forged.text).to.contain('Código no reconocido');
    expect(await CheckIn.countDocuments({ eventId: event.id })).to.equal(1);

    const found = await organizer.agent.get(`/admin/events/${event.id}/check-in?day=2008-04-11&q=zuniga`);
    expect(found.text).to.contain('Zenón Zúñiga');
    await organizer.agent
      .post(`/admin/events/${event.id}/check-in`)
      .type('form')
      .send({ _csrf: csrf, day: '2008-04-11', registrationId: people.peruHead.id });
    const wrong = await checkIn({ registrationId: new Types.ObjectId().toString() });
    expect(wrong.status).to.equal(404);
    const counts = await organizer.agent.get(`/admin/events/${event.id}/check-in?day=2008-04-11`);
    const table = /<table id="counts">([\s\S]*?)<\/table>/.exec(counts.text)![1]!;
    expect(table).to.contain('<strong>1</strong>');
    expect(await CheckIn.countDocuments({ eventId: event.id })).to.equal(2);
  });

  it('records one arrival when two doors scan the same badge at once', async () => {
    const { organizer, event, people } = await forum();
    const page = await organizer.agent.get(`/admin/events/${event.id}/check-in`);
    const csrf = csrfTokenIn(page.text);
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        organizer.agent
          .post(`/admin/events/${event.id}/check-in`)
          .type('form')
          .send({ _csrf: csrf, day: '2008-04-10', registrationId: people.iom.id }),
      ),
    );
    expect(
      results.filter((r) => /presente\./.test(r.text) && !r.text.includes('ya registrado')),
    ).to.have.length(1);
    expect(await CheckIn.countDocuments({ registrationId: people.iom.id })).to.equal(1);
  });

  it('prints visa letters for admins only, certificates for those checked in, and verifies their codes publicly', async function () {
    this.timeout(60_000);
    const { organizer, event, people } = await forum();
    await PassportData.create({
      _id: people.brazil.id,
      nationality: 'BR',
      passportNumber: 'FB123456',
      dateOfBirth: '1970-05-01',
      updatedAt: new Date(),
    });
    expect((await organizer.agent.get(`/admin/events/${event.id}/letters/visa.pdf`)).status).to.equal(403);
    const admin = await signedInAs(foro.url, 'admin');
    const visa = await readPdf(
      (
        await admin.agent
          .get(`/admin/events/${event.id}/letters/visa.pdf?lang=pt`)
          .buffer(true)
          .parse(binaryBody)
      ).body as Buffer,
    );
    expect(visa.pages.length).to.equal(1);
    // Lines break wherever the text reaches the margin: compared as one line.
    expect(visa.text.replace(/\s+/g, ' '))
      .to.contain('Conceição Araújo')
      .and.contain('FB123456')
      .and.contain('A QUEM POSSA INTERESSAR');

    // The organizer edits the certificate's Spanish text; an unknown placeholder is refused by name.
    const editor = await organizer.agent.get(`/admin/events/${event.id}/letters`);
    const csrf = csrfTokenIn(editor.text);
    const post = (fields: Record<string, string>) =>
      organizer.agent
        .post(`/admin/events/${event.id}/letters`)
        .type('form')
        .send({ _csrf: csrf, ...fields });
    // A bad text in one language saves nothing, not even the good one beside it.
    const bad = await post({ certificate_en: 'Fine {{name}}', certificate_es: 'Hola {{passportNumber}}' });
    expect(bad.status).to.equal(422);
    expect((await organizer.agent.get(`/admin/events/${event.id}/letters`)).text).to.not.contain(
      'Fine {{name}}',
    );
    expect((await post({ certificate_es: 'x'.repeat(5001) })).status).to.equal(422);
    expect((await post({ certificate_fr: 'Bonjour' })).status).to.equal(422);
    expect(bad.text).to.contain('passportNumber');
    const saved = await organizer.agent.post(`/admin/events/${event.id}/letters`).type('form').send({
      _csrf: csrf,
      certificate_es: 'CONSTANCIA\n\nSe hace constar que {{name}} asistió al {{event}}.',
    });
    expect(saved.status).to.equal(303);

    await organizer.agent
      .post(`/admin/events/${event.id}/check-in`)
      .type('form')
      .send({ _csrf: csrf, day: '2008-04-10', registrationId: people.brazil.id });
    const certificates = await readPdf(
      (
        await organizer.agent
          .get(`/admin/events/${event.id}/letters/certificates.pdf?lang=es`)
          .buffer(true)
          .parse(binaryBody)
      ).body as Buffer,
    );
    expect(certificates.pages.length).to.equal(1);
    expectInsideMargins(certificates);
    expectInsideMargins(visa);
    expect(certificates.text)
      .to.contain('CONSTANCIA')
      .and.contain('Se hace constar que Conceição Araújo asistió');
    expect(certificates.text).to.not.contain('Zúñiga').and.not.contain('FB123456');
    const code = /Código de verificación ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(certificates.text)![1]!;

    const verified = await request(foro.url).get(`/letters/verify?code=${code.toLowerCase()}&lang=es`);
    expect(verified.status).to.equal(200);
    expect(verified.text).to.contain('Conceição Araújo').and.contain('Certificado de asistencia');
    expect(verified.text).to.not.contain('Itamaraty').and.not.contain('FB123456');
    const forged = await request(foro.url).get('/letters/verify?code=ZZZZ-ZZZZ-ZZZZ&lang=es');
    expect(forged.status).to.equal(404);
    expect(forged.text).to.contain('no corresponde');

    // The registrant's own link gives their certificate, and someone not checked in has none.
    const link = async (id: string) =>
      (await issueLink({ purpose: 'registration', subject: id, validForMs: 86_400_000 }, foro.clock)).token;
    const own = await request(foro.url)
      .get(`/registrations/${await link(people.brazil.id)}/certificate.pdf`)
      .buffer(true)
      .parse(binaryBody);
    expect(own.status).to.equal(200);
    expect((await readPdf(own.body as Buffer)).text).to.contain(code);
    const notYet = await request(foro.url).get(
      `/registrations/${await link(people.spain.id)}/certificate.pdf?lang=en`,
    );
    expect(notYet.status).to.equal(409);
    expect(notYet.text).to.contain('once you have been checked in');
  });

  it('answers malformed input on the document routes with a 4xx and changes nothing', async () => {
    const { organizer, event } = await forum();
    const csrf = csrfTokenIn((await organizer.agent.get(`/admin/events/${event.id}/check-in`)).text);
    const statuses = [
      (await request(foro.url).get('/events/cuenca-2008/participants.pdf?lang=es&lang=pt')).status,
      (await organizer.agent.get('/admin/events/not-an-id/badges.pdf')).status,
      (await request(foro.url).get(`/events/cuenca-2008/people/not-an-id/${'A'.repeat(43)}/programme.pdf`))
        .status,
      (
        await organizer.agent
          .post(`/admin/events/${event.id}/check-in`)
          .type('form')
          .send(`_csrf=${encodeURIComponent(csrf)}&code[$gt]=&day=2008-04-10`)
      ).status,
      (
        await organizer.agent
          .post(`/admin/events/${event.id}/letters`)
          .type('form')
          .send(`_csrf=${encodeURIComponent(csrf)}&certificate_es[$gt]=x`)
      ).status,
    ];
    // An operator-looking form key is refused by name (422) before the code is looked up.
    expect(statuses).to.deep.equal([422, 404, 404, 422, 422]);
    expect((await request(foro.url).get('/letters/verify?code[]=a')).status).to.equal(200);
    expect(await CheckIn.countDocuments({ eventId: event.id })).to.equal(0);
  });
});
