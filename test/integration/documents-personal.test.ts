import { expect } from 'chai';
import request from 'supertest';
import { updateAssignment } from '../../src/modules/agenda/index.js';
import { mailSettingsOf, sendInvitations } from '../../src/modules/invitations/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { publishProgramme } from '../../src/modules/published-programme/index.js';
import { createPublishedEvent } from '../factories/events.js';
import { registrationForm } from '../factories/registrations.js';
import { createPanel, tokenIn } from '../factories/invitations.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfFor, signedInAs } from '../support/http.js';
import { parseCalendar } from '../support/ical.js';
import { binaryBody, readPdf } from '../support/pdf.js';

/** The path of a link on a page, found by what it points to. */
function hrefTo(html: string, pattern: RegExp): string {
  const found = [...html.matchAll(/href="([^"]+)"/g)]
    .map((m) => m[1]!.replace(/&amp;/g, '&'))
    .find((h) => pattern.test(h));
  expect(found, `a link matching ${pattern}`).to.be.a('string');
  return new URL(found!).pathname + new URL(found!).search;
}

describe('documents: personal programme and calendar', () => {
  const foro = useTestForo(import.meta.url);

  async function programmeWithWorkshops() {
    const { agent, actor } = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ slug: 'cuenca-2008' }, actor);
    const api = `/api/v1/events/${event.id}`;
    const add = async (type: string, es: string, date: string, start: string, end: string) =>
      (
        await agent
          .post(`${api}/sessions`)
          .send({ type, title: { es }, roomId: event.rooms[0]!.id, date, start, end })
      ).body as { id: string; startsAt: string; endsAt: string };
    const sessions = {
      plenary: await add('plenary', 'Sesión plenaria de apertura', '2008-04-10', '09:00', '10:00'),
      panel: await add('panel', 'Panel sobre remesas', '2008-04-10', '10:30', '12:00'),
      mine: await add('workshop', 'Taller de niñez migrante', '2008-04-10', '15:00', '16:30'),
      other: await add('workshop', 'Taller de estadísticas', '2008-04-11', '15:00', '16:30'),
      side: await add('side_event', 'Evento paralelo de la OIM', '2008-04-11', '13:00', '14:00'),
      pause: await add('break', 'Pausa café', '2008-04-10', '10:00', '10:30'),
    };
    return { agent, api, event, sessions };
  }

  async function register(slug: string, workshopId: string) {
    const agent = browserAgent(foro.url);
    const csrf = await csrfFor(agent, '/login?lang=es');
    const res = await agent
      .post(`/events/${slug}/register?lang=es`)
      .type('form')
      .send({
        _csrf: csrf,
        ...registrationForm({ givenName: 'Conceição', familyName: 'Araújo', workshops: workshopId }),
      });
    expect(res.status).to.be.oneOf([200, 303]);
    const mail = await Message.findOne({ template: 'registration.confirmed' }).lean();
    return /\/registrations\/([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
  }

  it('gives a confirmed registrant their workshop and the sessions for everyone, as a feed and a PDF, from their page', async () => {
    const { agent, api, sessions } = await programmeWithWorkshops();
    const token = await register('cuenca-2008', sessions.mine.id);
    expect((await agent.post(`${api}/versions`).send({})).status).to.equal(201);

    const page = await request(foro.url).get(`/registrations/${token}`);
    expect(page.status).to.equal(200);
    const feed = hrefTo(page.text, /\/calendar\.ics/);
    const pdfPath = hrefTo(page.text, /\/programme\.pdf\?lang=pt/);

    const calendar = parseCalendar((await request(foro.url).get(feed)).text);
    const byTitle = new Map(calendar.events.map((e) => [e.summary, e]));
    expect([...byTitle.keys()].sort()).to.deep.equal([
      'Panel sobre remesas',
      'Sesión plenaria de apertura',
      'Taller de niñez migrante',
    ]);
    for (const s of [sessions.plenary, sessions.panel, sessions.mine]) {
      const event = calendar.events.find((e) => e.uid === `${s.id}@foro`)!;
      expect(event.start.toISOString()).to.equal(new Date(s.startsAt).toISOString());
      expect(event.end.toISOString()).to.equal(new Date(s.endsAt).toISOString());
      expect(event.tzid).to.equal('America/Guayaquil');
    }

    const pdf = await readPdf(
      (await request(foro.url).get(pdfPath).buffer(true).parse(binaryBody)).body as Buffer,
    );
    expect(pdf.text).to.contain('PROGRAMA PESSOAL');
    expect(pdf.text).to.contain('Programa de Persona Araújo'.replace('Persona', 'Conceição'));
    // Each heading is named twice: in the contents, then where its section starts.
    const mineStarts = pdf.text.lastIndexOf('Suas sessões');
    const fullStarts = pdf.text.lastIndexOf('Programa completo');
    expect(mineStarts).to.be.greaterThan(-1);
    expect(fullStarts).to.be.greaterThan(mineStarts);
    const mine = pdf.text.slice(mineStarts, fullStarts);
    expect(mine).to.contain('Taller de niñez migrante').and.contain('Oficina em que você está inscrito/a');
    expect(mine).to.contain('Sesión plenaria de apertura').and.contain('Panel sobre remesas');
    expect(mine)
      .to.not.contain('Taller de estadísticas')
      .and.not.contain('Evento paralelo')
      .and.not.contain('Pausa café');
    expect(pdf.text.slice(fullStarts)).to.contain('Taller de estadísticas').and.contain('Pausa café');
  });

  it('gives a speaker their sessions with their role first, linked from the invitation page', async () => {
    const { actor } = await signedInAs(foro.url, 'organizer');
    const panel = await createPanel(actor);
    await sendInvitations(panel.event, { all: true }, actor, {
      clock: foro.clock,
      settings: mailSettingsOf(foro.config),
    });
    await updateAssignment(
      panel.session.id,
      panel.assignments.commentator.id,
      { status: 'confirmed' },
      actor,
      foro.clock,
    );
    await publishProgramme(panel.event, actor, foro.clock);
    const mail = await Message.findOne({ template: 'invitation.commentator' }).lean();
    const page = await request(foro.url).get(`/invitations/${tokenIn(mail!.text)}`);
    const pdfPath = hrefTo(page.text, /\/programme\.pdf\?lang=en/);
    const pdf = await readPdf(
      (await request(foro.url).get(pdfPath).buffer(true).parse(binaryBody)).body as Buffer,
    );
    const mine = pdf.text.slice(
      pdf.text.lastIndexOf('Your sessions'),
      pdf.text.lastIndexOf('Full programme'),
    );
    expect(mine).to.contain('Migration and development').and.contain('Your role: Commentator');
    expect(pdf.text).to.contain('Programme of Mary Smith');
  });

  it("refuses a forged address, and one person's address for another person", async () => {
    const { agent, api, sessions } = await programmeWithWorkshops();
    const token = await register('cuenca-2008', sessions.mine.id);
    await agent.post(`${api}/versions`).send({});
    const page = await request(foro.url).get(`/registrations/${token}`);
    const feed = hrefTo(page.text, /\/calendar\.ics/);
    const [, , slug, , personId, secret] = feed.split('?')[0]!.split('/');
    const forged = `${secret!.slice(0, -2)}${secret!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(
      (await request(foro.url).get(`/events/${slug}/people/${personId}/${forged}/programme.pdf`)).status,
    ).to.equal(404);
    expect(
      (await request(foro.url).get(`/events/${slug}/people/0123456789abcdef01234567/${secret}/programme.pdf`))
        .status,
    ).to.equal(404);
    expect(
      (await request(foro.url).get(`/events/${slug}/people/${personId}/${secret}/programme.pdf`)).status,
    ).to.equal(200);
  });
});
