import { expect } from 'chai';
import http from 'node:http';
import request from 'supertest';
import { largeProgrammeSnapshot } from '../../src/modules/demo/index.js';
import { GeneratedDocument } from '../../src/modules/documents/document.model.js';
import { ProgrammeVersion } from '../../src/modules/published-programme/version.model.js';
import { createPublishedEvent } from '../factories/events.js';
import { createTestPerson } from '../factories/people.js';
import { createPublishedProgramme } from '../factories/programme.js';
import { useTestForo } from '../support/foro.js';
import { signedInAs } from '../support/http.js';
import { binaryBody, expectInsideMargins, readPdf } from '../support/pdf.js';

const pdfOf = (res: request.Response) => res.body as Buffer;
describe('documents: the programme as PDF', () => {
  const foro = useTestForo(import.meta.url);

  const publishedProgramme = async () => {
    const { agent, actor } = await signedInAs(foro.url, 'organizer');
    return createPublishedProgramme(agent, actor);
  };

  it('prints cover, contents, sessions by day, people and the index in the asked language, inside the margins', async () => {
    const { event } = await publishedProgramme();
    const res = await request(foro.url)
      .get('/events/cuenca-2008/programme.pdf?lang=en')
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).to.equal(200);
    expect(res.type).to.equal('application/pdf');
    const pdf = await readPdf(pdfOf(res));
    const text = pdf.text;
    for (const expected of [
      'PROGRAMME',
      'Ibero-American Forum',
      '10 – 11 April 2008',
      'Centro de Convenciones, Cuenca, Ecuador',
      'ECLAC/CELADE and SEGIB',
      'Contents',
      'Thursday, 10 April 2008',
      '09:00–10:30 (GMT-5) · Salón Plenario · Panel',
      'Migration and development',
      'Chair',
      'João Gonçalves, Itamaraty, Brazil',
      'Speaker',
      'Dra. Rosa Quispe Ñaupa, Investigadora, FLACSO, Ecuador',
      'Moderator',
      // No English title: the Spanish one stands in.
      'Remesas y niñez',
      'Index of people',
      'Quispe Ñaupa, Dra. Rosa',
    ]) {
      expect(text, expected).to.contain(expected);
    }
    expect(text).to.not.contain('Invitado');
    const page = await request(foro.url).get('/events/cuenca-2008/programme?lang=en');
    for (const l of ['es', 'pt', 'en'])
      expect(page.text).to.contain(`href="/events/cuenca-2008/programme.pdf?lang=${l}"`);
    for (const [i, page] of pdf.pages.entries()) {
      expect(page.text, `page ${i + 1}`).to.match(/Version 1 – \d+ \w+ \d{4}/);
      expect(page.text).to.contain(`Page ${i + 1} of ${pdf.pages.length}`);
    }
    expectInsideMargins(pdf);
    expect(event.id).to.be.a('string');
  });

  it('prints Portuguese and Spanish labels, keeps every accent, and refuses an unknown language', async () => {
    await publishedProgramme();
    const pt = await readPdf(
      pdfOf(
        await request(foro.url)
          .get('/events/cuenca-2008/programme.pdf?lang=pt')
          .buffer(true)
          .parse(binaryBody),
      ),
    );
    for (const expected of [
      'Fórum Ibero-Americano',
      'Sumário',
      'Migração e desenvolvimento',
      'Palestrante',
      'Índice de pessoas',
      'Versão 1',
      'Brasil',
    ]) {
      expect(pt.text, expected).to.contain(expected);
    }
    const es = await readPdf(
      pdfOf(
        await request(foro.url)
          .get('/events/cuenca-2008/programme.pdf?lang=es')
          .buffer(true)
          .parse(binaryBody),
      ),
    );
    for (const expected of [
      'Foro Iberoamericano',
      'Índice',
      'jueves, 10 de abril de 2008',
      'Ponente',
      'Versión 1',
      'Página 1 de',
    ]) {
      expect(es.text, expected).to.contain(expected);
    }
    const bad = await request(foro.url)
      .get('/events/cuenca-2008/programme.pdf?lang=fr')
      .set('Accept', 'application/json');
    expect(bad.status).to.equal(422);
    expect((await request(foro.url).get('/events/no-such-event/programme.pdf')).status).to.equal(404);
  });

  it('answers 404 before the first publication', async () => {
    const { actor } = await signedInAs(foro.url, 'organizer');
    await createPublishedEvent({ slug: 'sin-programa' }, actor);
    expect((await request(foro.url).get('/events/sin-programa/programme.pdf')).status).to.equal(404);
  });

  it('keeps one file per version and language in the database, prepares them on publish and drops old ones', async () => {
    const { agent, api, event, panel } = await publishedProgramme();
    const prepared = async (version: number) => {
      for (let i = 0; i < 100; i++) {
        const n = await GeneratedDocument.countDocuments({ eventId: event.id, version });
        if (n >= 3) return n;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return GeneratedDocument.countDocuments({ eventId: event.id, version });
    };
    expect(await prepared(1)).to.equal(3);
    const first = await request(foro.url)
      .get('/events/cuenca-2008/programme.pdf?lang=es')
      .buffer(true)
      .parse(binaryBody);
    const again = await request(foro.url)
      .get('/events/cuenca-2008/programme.pdf?lang=es')
      .buffer(true)
      .parse(binaryBody);
    expect(pdfOf(again).equals(pdfOf(first))).to.equal(true);
    // The whole programme's calendar is kept the same way, once per language.
    const ics = await request(foro.url).get('/events/cuenca-2008/calendar.ics?lang=es');
    expect((await request(foro.url).get('/events/cuenca-2008/calendar.ics?lang=es')).text).to.equal(ics.text);
    expect(
      await GeneratedDocument.countDocuments({ eventId: event.id, version: 1, contentType: 'text/calendar' }),
    ).to.equal(1);

    await agent
      .patch(`${api}/sessions/${panel.id}`)
      .send({ title: { es: 'Migración, desarrollo y derechos' } });
    expect((await agent.post(`${api}/versions`).send({})).status).to.equal(201);
    expect(await prepared(2)).to.equal(3);
    expect(await GeneratedDocument.countDocuments({ eventId: event.id, version: 1 })).to.equal(0);
    const v2 = await readPdf(
      pdfOf(
        await request(foro.url)
          .get('/events/cuenca-2008/programme.pdf?lang=es')
          .buffer(true)
          .parse(binaryBody),
      ),
    );
    expect(v2.text).to.contain('Migración, desarrollo y derechos');
    expect(v2.text).to.contain('Versión 2');
  });

  it('breaks the longest unbroken title and names the limits allow, and keeps them inside the page', async () => {
    const { agent, actor } = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ slug: 'largos' }, actor);
    const api = `/api/v1/events/${event.id}`;
    const long = (c: string, n: number) => c.repeat(n);
    const person = await createTestPerson({
      givenName: long('Á', 120),
      familyName: long('ñ', 120),
      position: long('p', 120),
      organization: long('o', 120),
    });
    const session = await agent.post(`${api}/sessions`).send({
      type: 'panel',
      title: { es: long('M', 300) },
      roomId: event.rooms[0]!.id,
      date: '2008-04-10',
      start: '09:00',
      end: '10:00',
    });
    expect(session.status).to.equal(201);
    await agent
      .post(`${api}/sessions/${session.body.id}/assignments`)
      .send({ personId: person.id, role: 'speaker', status: 'confirmed' });
    expect((await agent.post(`${api}/versions`).send({})).status).to.equal(201);
    const res = await request(foro.url)
      .get('/events/largos/programme.pdf?lang=es')
      .buffer(true)
      .parse(binaryBody);
    expect(res.status).to.equal(200);
    const pdf = await readPdf(pdfOf(res));
    expect(pdf.text.replace(/[\s\u200b]/g, ''))
      .to.contain(long('M', 300))
      .and.contain(long('ñ', 120));
    expectInsideMargins(pdf);
  });

  it('keeps answering other requests while a 1,000-session programme renders', async function () {
    this.timeout(120_000);
    const { actor } = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ slug: 'mil-sesiones' }, actor);
    await ProgrammeVersion.create({
      eventId: event.id,
      number: 1,
      publishedAt: new Date('2008-04-01T12:00:00Z'),
      publishedBy: 'test',
      snapshot: JSON.stringify(largeProgrammeSnapshot(event, 1000)),
      changelog: '[]',
    });
    const finished: string[] = [];
    const get = (path: string, label: string) =>
      new Promise<Buffer>((resolve, reject) => {
        http
          .get(`${foro.url}${path}`, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              finished.push(label);
              resolve(Buffer.concat(chunks));
            });
          })
          .on('error', reject);
      });
    const big = get('/events/mil-sesiones/programme.pdf?lang=es', 'pdf');
    let done = false;
    void big.finally(() => (done = true));
    // Other readers keep asking, one after another, until the PDF arrives.
    for (let i = 0; !done && i < 200; i++) await get('/healthz', 'other');
    const pdf = await readPdf(await big);
    // Drawn on the request thread, the PDF would hold every other answer back until it was done.
    expect(finished.indexOf('pdf')).to.be.greaterThanOrEqual(3);
    expect(pdf.text).to.contain('Sesión 1000: migración, remesas y desarrollo');
    expect(pdf.pages.length).to.be.greaterThan(100);
  });
});
