import { createCanvas } from '@napi-rs/canvas';
import { expect } from 'chai';
import request from 'supertest';
import { LetterSignatureImage } from '../../src/modules/documents/letters/signature.model.js';
import { issueLink } from '../../src/modules/links/index.js';
import { Types } from 'mongoose';
import { CheckIn } from '../../src/modules/documents/checkin/checkin.model.js';
import { Person } from '../../src/modules/people/index.js';
import { PassportData, Registration } from '../../src/modules/registrations/index.js';
import { createForum } from '../factories/programme.js';
import { createTestRegistration, insertBulkRegistrations } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { binaryBody, readPdf } from '../support/pdf.js';

/** A signature as a scanner or phone would give it: dark strokes on white. */
function signatureImage(format: 'png' | 'jpeg'): Buffer {
  const canvas = createCanvas(360, 120);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 360, 120);
  context.strokeStyle = '#1f2a44';
  context.lineWidth = 5;
  context.beginPath();
  context.moveTo(20, 90);
  context.bezierCurveTo(80, 10, 120, 110, 180, 50);
  context.bezierCurveTo(220, 20, 260, 100, 340, 40);
  context.stroke();
  return format === 'png' ? canvas.encodeSync('png') : canvas.encodeSync('jpeg');
}

/** The text of a PDF on one line: pdf.js splits it where the lines break. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('documents: letters that can be signed', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url);

  async function forum() {
    const admin = await signedInAs(foro.url, 'admin');
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createForum(organizer.actor);
    const register = (
      person: Parameters<typeof createTestRegistration>[1],
      registration: Parameters<typeof createTestRegistration>[2],
    ) => createTestRegistration(event.id, person, registration);
    const people = {
      // No organization: the certificate must not read "(, Brasil)".
      ana: await register(
        { givenName: 'Ana', familyName: 'Pereira', country: 'BR', organization: undefined },
        { category: 'academia', countryRepresented: 'BR', visaLetter: true },
      ),
      // Neither organization nor country: no brackets at all.
      bare: await register(
        { givenName: 'Sin', familyName: 'Datos', organization: undefined, country: undefined },
        { category: 'observer' },
      ),
      full: await register(
        { givenName: 'Rosa', familyName: 'Quispe', organization: 'FLACSO', country: 'EC' },
        { category: 'academia', countryRepresented: 'EC' },
      ),
    };
    const letters = `/admin/events/${event.id}/letters`;
    const csrf = csrfTokenIn((await organizer.agent.get(letters)).text);
    const checkIn = (registrationId: string) =>
      organizer.agent
        .post(`/admin/events/${event.id}/check-in`)
        .type('form')
        .send({ _csrf: csrf, day: '2008-04-10', registrationId });
    return { admin, organizer, event, people, letters, csrf, checkIn };
  }

  type Forum = Awaited<ReturnType<typeof forum>>;

  /** Sends the signature form as a browser does: multipart, the CSRF token in the address. */
  function sendSignature(
    f: Forum,
    fields: Record<string, string>,
    image?: { content: Buffer; name: string },
    lang = 'es',
  ) {
    let post = f.organizer.agent
      .post(`${f.letters}/signature?lang=${lang}&_csrf=${encodeURIComponent(f.csrf)}`)
      .field('signatoryName', fields['signatoryName'] ?? '');
    for (const [name, value] of Object.entries(fields))
      if (name !== 'signatoryName') post = post.field(name, value);
    return image ? post.attach('signatureImage', image.content, image.name) : post;
  }

  const pdfOf = async (agent: Forum['admin']['agent'], path: string) => {
    const res = await agent.get(path).buffer(true).parse(binaryBody);
    expect(res.status, path).to.equal(200);
    const bytes = res.body as Buffer;
    return { bytes, text: flat((await readPdf(bytes)).text) };
  };
  const hasImage = (pdf: Buffer) => pdf.toString('latin1').includes('/Subtype /Image');

  it('composes the certificate from the fields present and prints the signatory, their title and signature', async () => {
    const f = await forum();
    for (const p of Object.values(f.people)) expect((await f.checkIn(p.id)).status).to.be.oneOf([200, 303]);

    const saved = await sendSignature(
      f,
      {
        signatoryName: 'Alicia Bárcena',
        signatoryTitle_es: 'Secretaria Ejecutiva de la CEPAL',
        signatoryTitle_en: 'Executive Secretary of ECLAC',
      },
      { content: signatureImage('png'), name: 'firma.png' },
    );
    expect(saved.status, saved.text.slice(0, 500)).to.equal(303);
    expect(saved.headers['location']).to.equal(f.letters);
    const page = await f.organizer.agent.get(f.letters);
    expect(page.text, 'the save said once').to.contain('Firma guardada.');
    expect((await f.organizer.agent.get(f.letters)).text).not.to.contain('Firma guardada.');
    expect(page.text).to.contain('value="Alicia Bárcena"').and.contain('Secretaria Ejecutiva de la CEPAL');
    const preview = await f.organizer.agent
      .get(`${f.letters}/signature/image`)
      .buffer(true)
      .parse(binaryBody);
    expect(preview.headers['content-type']).to.equal('image/png');
    expect((preview.body as Buffer).subarray(1, 4).toString()).to.equal('PNG');

    const es = await pdfOf(f.organizer.agent, `${f.letters}/certificates.pdf?lang=es`);
    expect(es.text).to.contain('certifica que Ana Pereira (Brasil) asistió al Foro Iberoamericano');
    expect(es.text).to.contain('certifica que Sin Datos asistió');
    expect(es.text).to.contain('certifica que Rosa Quispe (FLACSO, Ecuador) asistió');
    expect(es.text).to.contain('CEPAL/CELADE y SEGIB certifica');
    expect(es.text).not.to.match(/\(\s*,|,\s*\)|\(\s*\)|,\s*,|\s,/);
    expect(es.text.match(/Alicia Bárcena/g)).to.have.length(3);
    expect(es.text).to.contain('Secretaria Ejecutiva de la CEPAL');
    expect(hasImage(es.bytes), 'the signature image is drawn').to.equal(true);

    // The title in the letter's language; where there is none, another of the event's.
    const en = await pdfOf(f.organizer.agent, `${f.letters}/certificates.pdf?lang=en`);
    expect(en.text)
      .to.contain('certifies that Ana Pereira (Brazil) attended')
      .and.contain('Executive Secretary of ECLAC');
    const pt = await pdfOf(f.organizer.agent, `${f.letters}/certificates.pdf?lang=pt`);
    expect(pt.text).to.contain('Alicia Bárcena').and.contain('Secretaria Ejecutiva de la CEPAL');

    // Visa letters carry the block too; a missing date of birth takes its phrase along.
    await PassportData.create({
      _id: f.people.ana.id,
      nationality: 'BR',
      passportNumber: 'FB123456',
      updatedAt: new Date(),
    });
    const visa = await pdfOf(f.admin.agent, `${f.letters}/visa.pdf?lang=es`);
    expect(visa.text).to.contain(
      'que Ana Pereira, de nacionalidad Brasil, titular del pasaporte n.º FB123456, ha sido',
    );
    expect(visa.text).not.to.contain('nacido/a el');
    expect(visa.text).to.contain('Alicia Bárcena').and.contain('Secretaria Ejecutiva de la CEPAL');
    expect(hasImage(visa.bytes)).to.equal(true);

    // A JPEG replaces the PNG; removing it leaves the name and title, and no image.
    expect(
      (
        await sendSignature(
          f,
          { signatoryName: 'Alicia Bárcena', signatoryTitle_es: 'Secretaria Ejecutiva' },
          { content: signatureImage('jpeg'), name: 'firma.jpg' },
        )
      ).status,
    ).to.equal(303);
    expect((await LetterSignatureImage.findById(f.event.id).lean())!.contentType).to.equal('image/jpeg');
    expect(
      hasImage((await pdfOf(f.organizer.agent, `${f.letters}/certificates.pdf?lang=es`)).bytes),
    ).to.equal(true);
    const removed = await sendSignature(f, {
      signatoryName: 'Alicia Bárcena',
      signatoryTitle_es: 'Secretaria Ejecutiva',
      removeSignatureImage: 'yes',
    });
    expect(removed.status).to.equal(303);
    const plain = await pdfOf(f.organizer.agent, `${f.letters}/certificates.pdf?lang=es`);
    expect(hasImage(plain.bytes)).to.equal(false);
    expect(plain.text).to.contain('Alicia Bárcena').and.contain('Secretaria Ejecutiva');
  });

  it('refuses a signature that is not an image, or too large, in the user’s language, and keeps the one it had', async () => {
    const f = await forum();
    const name = { signatoryName: 'Alicia Bárcena' };
    expect(
      (await sendSignature(f, name, { content: signatureImage('png'), name: 'firma.png' })).status,
    ).to.equal(303);
    const before = (await LetterSignatureImage.findById(f.event.id).lean())!.content;

    const pdfAsPng = await sendSignature(f, name, {
      content: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'),
      name: 'firma.png',
    });
    expect(pdfAsPng.status).to.equal(422);
    expect(pdfAsPng.text).to.contain('El archivo no es una imagen PNG o JPEG que se pueda imprimir.');
    // The magic bytes of a PNG with nothing drawable behind them.
    const broken = Buffer.concat([signatureImage('png').subarray(0, 33), Buffer.alloc(2000, 7)]);
    const brokenRes = await sendSignature(f, name, { content: broken, name: 'firma.png' }, 'pt');
    expect(brokenRes.status).to.equal(422);
    expect(brokenRes.text).to.contain('O arquivo não é uma imagem PNG ou JPEG que possa ser impressa.');

    const huge = Buffer.concat([signatureImage('png'), Buffer.alloc(1024 * 1024 + 1)]);
    const tooLarge = await sendSignature(f, name, { content: huge, name: 'firma.png' }, 'en');
    expect(tooLarge.status).to.equal(422);
    expect(tooLarge.text).to.contain('The file is larger than the maximum (1 MB).');

    const nameless = await sendSignature(f, { signatoryName: '' });
    expect(nameless.status).to.equal(422);
    expect(nameless.text).to.contain('Indique el nombre de quien firma.');

    const after = (await LetterSignatureImage.findById(f.event.id).lean())!.content;
    expect(Buffer.from(after.buffer).equals(Buffer.from(before.buffer))).to.equal(true);
    // Another event's organizer may not see or change it.
    const stranger = await signedInAs(foro.url, 'organizer');
    expect((await stranger.agent.get(`${f.letters}/signature/image`)).status).to.equal(403);
  });

  it('says "none yet" without a link where there are no certificates or visa letters', async () => {
    const f = await forum();
    await Registration.updateMany({ eventId: f.event.id }, { $set: { visaLetter: false } });
    const empty = await f.admin.agent.get(`${f.letters}?lang=es`);
    expect(empty.text).to.contain('Certificados de asistencia: ninguno todavía.');
    expect(empty.text).to.contain('Cartas para visado: ninguna todavía.').and.not.to.contain('visa.pdf');
    expect(empty.text).not.to.contain('certificates.pdf');
    // Once someone is checked in, and a confirmed person asks for a visa letter, the links appear with their counts.
    await f.checkIn(f.people.full.id);
    await Registration.updateOne({ _id: f.people.ana.id }, { $set: { visaLetter: true } });
    const ready = await f.admin.agent.get(`${f.letters}?lang=es`);
    expect(ready.text).to.contain('Certificados de asistencia (PDF, 1)');
    expect(ready.text).to.contain('Cartas para visado (PDF, 1)');
    expect(ready.text).not.to.contain('ninguno todavía');
  });

  it('offers the registrant their certificate once they are checked in, not before', async () => {
    const f = await forum();
    const token = (
      await issueLink(
        { purpose: 'registration', subject: f.people.ana.id, validForMs: 86_400_000 },
        foro.clock,
      )
    ).token;
    const before = await request(foro.url).get(`/registrations/${token}?lang=es`);
    expect(before.status).to.equal(200);
    expect(before.text).not.to.contain('certificate.pdf');
    expect(before.text).to.contain('Disponible una vez registrada su asistencia en el evento.');
    expect((await request(foro.url).get(`/registrations/${token}/certificate.pdf`)).status).to.equal(409);

    await f.checkIn(f.people.ana.id);
    const after = await request(foro.url).get(`/registrations/${token}?lang=es`);
    expect(after.text).to.contain(`/registrations/${token}/certificate.pdf`);
    expect(after.text).not.to.contain('Disponible una vez registrada');
    const certificate = await request(foro.url)
      .get(`/registrations/${token}/certificate.pdf?lang=es`)
      .buffer(true)
      .parse(binaryBody);
    expect(certificate.status).to.equal(200);
    expect(flat((await readPdf(certificate.body as Buffer)).text)).to.contain('Ana Pereira (Brasil)');
  });

  it('prints more than 500 certificates in parts by family name, for the confirmed who were checked in only', async function () {
    this.timeout(180_000);
    const f = await forum();
    const people = Array.from({ length: 505 }, (_, i) => ({
      _id: new Types.ObjectId(),
      givenName: 'Asistente',
      familyName: `Apellido ${String(i).padStart(3, '0')}`,
    }));
    await Person.insertMany(people.map((p) => ({ ...p, searchText: `${p.givenName} ${p.familyName}` })));
    // Registered in reverse: the letters' order (by family name) is not the order of registration.
    await insertBulkRegistrations(f.event.id, people.length, (i) => {
      const person = people[people.length - 1 - i]!;
      return {
        personId: person._id.toHexString(),
        listing: { givenName: person.givenName, familyName: person.familyName },
        block: 0,
      };
    });
    const attendees = new Set(people.map((p) => p._id.toHexString()));
    const registrations = await Registration.find({ eventId: f.event.id }, { personId: 1 }).lean();
    await CheckIn.insertMany(
      registrations
        .filter((r) => attendees.has(r.personId))
        .map((r) => ({
          _id: `${String(r._id)}:2008-04-10`,
          eventId: f.event.id,
          registrationId: String(r._id),
          day: '2008-04-10',
          category: 'academia',
          at: new Date(),
          by: 'test',
        })),
    );
    // Checked in, then cancelled: no certificate. Rosa (confirmed) was never checked in: none either.
    await f.checkIn(f.people.ana.id);
    await Registration.updateOne({ _id: f.people.ana.id }, { $set: { status: 'cancelled' } });

    const page = await f.organizer.agent.get(`${f.letters}?lang=en`);
    expect(page.text)
      .to.contain('Certificates of attendance (505) in parts of 500, by family name:')
      .and.contain('aria-label="Certificates of attendance, part 2 of 2 (PDF)"');
    const part = (n: number | string) =>
      f.organizer.agent.get(`${f.letters}/certificates.pdf?lang=en&part=${n}`).buffer(true).parse(binaryBody);
    const second = await part(2);
    expect(second.status).to.equal(200);
    expect(second.headers['content-disposition']).to.contain('certificates-2-of-2.pdf');
    const read = await readPdf(second.body as Buffer);
    expect(read.pages).to.have.length(5);
    const text = flat(read.text);
    for (const n of ['500', '501', '502', '503', '504']) expect(text).to.contain(`Asistente Apellido ${n}`);
    expect(text).to.not.contain('Apellido 499').and.not.contain('Pereira').and.not.contain('Quispe');
    const first = flat((await readPdf((await part(1)).body as Buffer)).text);
    expect(first.indexOf('Apellido 000')).to.be.greaterThan(-1).and.lessThan(first.indexOf('Apellido 001'));
    expect((await part(3)).status).to.equal(404);
    expect((await part('x')).status).to.equal(422);
    // Visa letters: the one person who asked and is still confirmed, for admins only.
    await Registration.updateOne({ _id: f.people.full.id }, { $set: { visaLetter: true } });
    const visa = await f.admin.agent.get(`${f.letters}/visa.pdf?lang=es`).buffer(true).parse(binaryBody);
    expect(visa.headers['content-disposition']).to.contain('visa-letters.pdf');
    const visaText = flat((await readPdf(visa.body as Buffer)).text);
    expect(visaText).to.contain('Rosa Quispe').and.not.contain('Pereira').and.not.contain('Apellido');
    expect((await f.organizer.agent.get(`${f.letters}/visa.pdf`)).status).to.equal(403);
  });
});
