import { expect } from 'chai';
import { AuditEntry } from '../../src/modules/audit/audit.model.js';
import { SeatingDraw } from '../../src/modules/plenary/seating/seating.model.js';
import { IBERO_AMERICAN_STATES, countryName } from '../../src/shared/countries.js';
import { createPublishedEvent } from '../factories/events.js';
import { createTestRegistration } from '../factories/registrations.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { binaryBody, readPdf } from '../support/pdf.js';

describe('plenary: seating in protocol order and name plates', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url);

  it('draws the first state by lot (recorded, again until frozen), orders the room from it, and prints the plan and the plates', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ countries: [...IBERO_AMERICAN_STATES] }, organizer.actor);
    const room = event.rooms[0]!;
    const base = `/admin/events/${event.id}/seating`;
    const csrf = csrfTokenIn((await organizer.agent.get(base)).text);
    const post = (path: string, fields: Record<string, string> = {}) =>
      organizer.agent
        .post(`${base}/${room.id}${path}`)
        .type('form')
        .send({ _csrf: csrf, ...fields });
    expect((await post('', { extraSeats: '2', language: 'es' })).status).to.equal(303);
    expect((await post('/draw')).status).to.equal(303);
    expect((await post('/draw')).status, 'drawn again before it is frozen').to.equal(303);
    const draws = await SeatingDraw.find({}).sort({ n: 1 }).lean();
    expect(draws.map((d) => d.n)).to.deep.equal([1, 2]);
    expect(draws[1]!.drawnBy).to.equal(organizer.user.email);
    expect(await AuditEntry.countDocuments({ action: 'seating.drawn' })).to.equal(1);
    expect(await AuditEntry.countDocuments({ action: 'seating.redrawn' })).to.equal(1);

    const page = await organizer.agent.get(base);
    const section = page.text.slice(page.text.indexOf(`id="room-${room.id}"`));
    const order = [...section.matchAll(/<li>([^<]+)<\/li>/g)].slice(0, 22).map((m) => m[1]);
    expect(order[0]).to.equal(countryName(draws[1]!.country, 'es'));
    expect(new Set(order).size).to.equal(22);

    expect((await post('/freeze')).status).to.equal(303);
    const refused = await post('/draw');
    expect(refused.status).to.equal(409);
    expect(refused.text).to.contain('ya es definitivo');
    expect(await SeatingDraw.countDocuments({})).to.equal(2);

    const plan = await organizer.agent.get(`${base}/${room.id}/plan.pdf`).buffer(true).parse(binaryBody);
    expect(plan.status).to.equal(200);
    // A long name ("República Dominicana") may wrap in its cell: compare words, not lines.
    const planText = (await readPdf(plan.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(planText)
      .to.contain(`1. ${countryName(draws[1]!.country, 'es')}`)
      .and.contain('Presidencia');

    const plates = await organizer.agent.get(`${base}/${room.id}/plates.pdf`).buffer(true).parse(binaryBody);
    const read = await readPdf(plates.body as Buffer);
    expect(read.pages).to.have.length(22);
    expect(read.pages[0]!.width).to.be.greaterThan(read.pages[0]!.height);
    // Every plate, in the room's order, bears its state's name on both faces. A long name
    // ("República Dominicana") breaks over two lines, so count words, not runs of text.
    order.forEach((name, i) => {
      const words = read.items
        .filter((item) => item.page === i + 1)
        .flatMap((item) => item.text.split(/\s+/))
        .filter((word) => word !== '');
      for (const word of name!.split(' ')) {
        expect(
          words.filter((w) => w === word),
          `"${word}" on both faces of plate ${i + 1}`,
        ).to.have.length(2);
      }
    });

    // The page keeps the draws as history lines in the reader's language: who, which state, when, again.
    const [firstName, secondName] = draws.map((d) => countryName(d.country, 'es'));
    const history = (await organizer.agent.get(base)).text;
    const lines = history.slice(history.indexOf(`id="history-${room.id}"`));
    expect(lines)
      .to.contain(`sorteó el Estado que se sienta primero: ${firstName}.`)
      .and.contain(`volvió a sortear el Estado que se sienta primero: ${secondName} (antes: ${firstName}).`)
      .and.contain('dejó el plano como definitivo')
      .and.contain('1 abr 2008');
    const viewer = await signedInAs(foro.url, 'viewer');
    const seen = await viewer.agent.get(`${base}?lang=en`);
    expect(seen.status).to.equal(200);
    expect(seen.text).to.contain(
      `drew again the state that sits first: ${countryName(draws[1]!.country, 'en')} (before: ${countryName(draws[0]!.country, 'en')}).`,
    );
    expect((await viewer.agent.get(`${base}/${room.id}/plates.pdf`)).status).to.equal(403);
  });

  it('seats after the states the organizations, then the others, of confirmed participants only, each once', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ countries: ['EC', 'PE'] }, organizer.actor);
    const elsewhere = await createPublishedEvent({ countries: ['EC'] }, organizer.actor);
    const room = event.rooms[0]!;
    const seat = (organization: string, category: string, status = 'confirmed', eventId = event.id) =>
      createTestRegistration(eventId, { organization }, { category, status });
    await seat('OIM', 'international_organization');
    await seat('OIM', 'international_organization');
    await seat('BID', 'international_organization');
    await seat('OIT', 'international_organization', 'pending');
    await seat('Ministerio de Relaciones Exteriores', 'government_delegation');
    await seat('El Universo', 'media');
    await seat('FLACSO', 'academia');
    await seat('Red de Migrantes', 'civil_society', 'cancelled');
    await seat('Santa Sede', 'observer');
    await seat('UNICEF', 'international_organization', 'confirmed', elsewhere.id);
    // A registration from before people were copied onto registrations: its person is read.
    const older = await seat('CEPAL', 'international_organization');
    await Registration.updateOne({ _id: older.id }, { $unset: { listing: 1 } });

    const page = await organizer.agent.get(`/admin/events/${event.id}/seating`);
    const section = page.text.slice(page.text.indexOf(`id="room-${room.id}"`));
    const order = section.slice(0, section.indexOf('</ol>'));
    expect([...order.matchAll(/<li>([^<]+)<\/li>/g)].map((m) => m[1])).to.deep.equal([
      'Ecuador',
      'Perú',
      'BID',
      'CEPAL',
      'OIM',
      'FLACSO',
      'Santa Sede',
    ]);
  });
});
