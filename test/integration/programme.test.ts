import { expect } from 'chai';
import request from 'supertest';
import { ProgrammeVersion } from '../../src/modules/published-programme/version.model.js';
import { createTestEvent } from '../factories/events.js';
import { createTestPerson, ROSA } from '../factories/people.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { createForum, PANEL } from '../factories/programme.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfFor, signedInAs, signIn } from '../support/http.js';

describe('programme: versions, changelog, public programme and JSON', () => {
  const foro = useTestForo(import.meta.url);

  async function setup() {
    const { agent, actor } = await signedInAs(foro.url, 'organizer');
    const event = await createForum(actor);
    const api = `/api/v1/events/${event.id}`;
    const rosa = await createTestPerson({
      ...ROSA,
      email: 'rosa@example.org',
    });
    const luis = await createTestPerson({
      givenName: 'Luis',
      familyName: 'Soto',
      organization: 'OIM',
      country: 'PE',
    });
    const panel = await agent.post(`${api}/sessions`).send({ ...PANEL, roomId: event.rooms[0]!.id });
    const workshop = await agent.post(`${api}/sessions`).send({
      type: 'workshop',
      title: { es: 'Remesas' },
      roomId: event.rooms[1]!.id,
      date: '2008-04-11',
      start: '15:00',
      end: '16:00',
    });
    const hidden = await agent
      .post(`${api}/sessions`)
      .send({ type: 'side_event', title: { es: 'Borrador sin hora' } });
    await agent
      .post(`${api}/sessions/${panel.body.id}/assignments`)
      .send({ personId: rosa.id, role: 'speaker', status: 'confirmed' });
    await agent
      .post(`${api}/sessions/${panel.body.id}/assignments`)
      .send({ personId: luis.id, role: 'commentator', status: 'invited' });
    return {
      agent,
      event,
      api,
      panel: panel.body,
      workshop: workshop.body,
      hidden: hidden.body,
      rosa,
      luis,
      rooms: event.rooms,
    };
  }

  async function publish(agent: ReturnType<typeof browserAgent>, api: string) {
    return agent.post(`${api}/versions`).send({});
  }

  it('publishes version 1 with scheduled sessions and confirmed people only', async () => {
    const { agent, api, panel } = await setup();
    const res = await publish(agent, api);
    expect(res.status).to.equal(201);
    expect(res.body.version).to.equal(1);
    expect(res.body.sessions.map((s: { title: { es: string } }) => s.title.es)).to.deep.equal([
      'Migración y desarrollo',
      'Remesas',
    ]);
    const first = res.body.sessions[0];
    expect(first).to.include({
      id: panel.id,
      startsAt: '2008-04-10T09:00:00-05:00',
      endsAt: '2008-04-10T10:30:00-05:00',
      room: 'Salón Plenario',
    });
    expect(first.people).to.deep.equal([
      {
        role: 'speaker',
        honorific: 'Dra.',
        givenName: 'Rosa',
        familyName: 'Quispe',
        organization: 'FLACSO',
        country: 'EC',
      },
    ]);
    expect(JSON.stringify(res.body)).to.not.contain('rosa@example.org');
    const again = await publish(agent, api);
    expect(again.status).to.equal(409);
    expect(again.body.code).to.equal('NOTHING_TO_PUBLISH');
  });

  it('shows the public programme by day in each language, and its JSON for machines', async () => {
    const { agent, api } = await setup();
    expect((await request(foro.url).get('/events/cuenca-2008/programme?lang=en')).text).to.contain(
      'not been published yet',
    );
    expect((await request(foro.url).get('/events/cuenca-2008/programme.json')).status).to.equal(404);
    await publish(agent, api);
    const expected = {
      es: [
        'jueves, 10 de abril de 2008',
        'Migración y desarrollo',
        '09:00–10:30 (GMT-5)',
        'Ponente:',
        'Dra. Rosa Quispe',
        'FLACSO, Ecuador',
        'Todas las horas son hora de Guayaquil (GMT-5).',
        'Añadir a mi calendario',
        'Añadir esta sesión a mi calendario',
      ],
      pt: [
        'quinta-feira, 10 de abril de 2008',
        'Migração e desenvolvimento',
        'Palestrante:',
        'FLACSO, Equador',
        'Todos os horários seguem o horário de Guayaquil (GMT-5).',
        'Adicionar à minha agenda',
      ],
      en: [
        'Thursday, 10 April 2008',
        'Migration and development',
        'Speaker:',
        'Friday, 11 April 2008',
        'Remesas',
        'All times are Guayaquil time (GMT-5).',
        'Add to my calendar',
      ],
    };
    for (const [lang, texts] of Object.entries(expected)) {
      const page = await request(foro.url).get(`/events/cuenca-2008/programme?lang=${lang}`);
      for (const text of texts) expect(page.text, `${lang}: ${text}`).to.contain(text);
      expect(page.text).to.not.contain('Luis Soto');
      expect(page.text).to.not.contain('Borrador sin hora');
      expect(page.text, 'words for attendees, not file formats').to.not.match(/>JSON<|\.ics\)?<|America\//);
    }
    const json = await request(foro.url).get('/events/cuenca-2008/programme.json');
    expect(json.body).to.include({ version: 1 });
    expect(json.body.event).to.include({ slug: 'cuenca-2008', timezone: 'America/Guayaquil' });
  });

  it('never changes a published version when the working programme changes afterwards', async () => {
    const { agent, api, panel, rooms } = await setup();
    await publish(agent, api);
    const before = await ProgrammeVersion.findOne({ number: 1 }).lean();
    const v1 = (await agent.get(`${api}/versions/1`)).body;
    await agent.patch(`${api}/sessions/${panel.id}`).send({
      title: { es: 'Migración, desarrollo y derechos' },
      roomId: rooms[1]!.id,
      date: '2008-04-10',
      start: '11:00',
      end: '12:00',
    });
    const after = await ProgrammeVersion.findOne({ number: 1 }).lean();
    expect(after).to.deep.equal(before);
    expect((await agent.get(`${api}/versions/1`)).body).to.deep.equal(v1);
    const page = await request(foro.url).get('/events/cuenca-2008/programme');
    expect(page.text).to.contain('Migración y desarrollo').and.not.contain('derechos');
  });

  it('publishes version 2 with a changelog and higher SEQUENCE for changed sessions only', async () => {
    const { agent, api, panel, workshop, luis, rooms } = await setup();
    await publish(agent, api);
    await agent
      .patch(`${api}/sessions/${panel.id}`)
      .send({ roomId: rooms[1]!.id, date: '2008-04-10', start: '11:00', end: '12:00' });
    const luisAssignment = (await agent.get(`${api}/sessions/${panel.id}/assignments`)).body.find(
      (a: { personId: string }) => a.personId === luis.id,
    );
    await agent
      .patch(`${api}/sessions/${panel.id}/assignments/${luisAssignment.id}`)
      .send({ status: 'confirmed' });
    await agent.patch(`${api}/sessions/${workshop.id}`).send({ status: 'cancelled' });
    const added = await agent
      .post(`${api}/sessions`)
      .send({ type: 'closing', title: { es: 'Clausura' }, date: '2008-04-11', start: '17:00', end: '18:00' });

    const preview = await agent.get(`/admin/events/${(await agent.get(api)).body.id}/programme?lang=en`);
    expect(preview.text).to.match(
      /New time or room: Migration and development: [^<]*\d\d:\d\d–\d\d:\d\d \(GMT-5\)[^<]* → [^<]*11:00–12:00 \(GMT-5\)/,
    );
    expect(preview.text).to.contain('joining Luis Soto (Commentator)');

    const v2 = await publish(agent, api);
    expect(v2.status).to.equal(201);
    const kinds = v2.body.changelog.map(
      (c: { sessionId: string; kind: string }) =>
        `${c.sessionId === panel.id ? 'panel' : c.sessionId === workshop.id ? 'workshop' : 'closing'}:${c.kind}`,
    );
    expect(kinds).to.have.members(['panel:moved', 'panel:people', 'workshop:cancelled', 'closing:added']);
    expect(v2.body.changelog.find((c: { kind: string }) => c.kind === 'people').added).to.deep.equal([
      'Luis Soto (commentator)',
    ]);
    const stored = await ProgrammeVersion.findOne({ number: 2 }).lean();
    const sequences = Object.fromEntries(
      JSON.parse(stored!.snapshot).sessions.map((s: { id: string; sequence: number; status: string }) => [
        s.id,
        [s.sequence, s.status],
      ]),
    );
    expect(sequences[panel.id]).to.deep.equal([1, 'scheduled']);
    expect(sequences[workshop.id]).to.deep.equal([1, 'cancelled']);
    expect(sequences[added.body.id]).to.deep.equal([0, 'scheduled']);

    const latest = await request(foro.url).get('/events/cuenca-2008/programme?lang=en');
    expect(latest.text, 'the programme links to what changed').to.contain(
      'href="/events/cuenca-2008/programme/versions/2">What changed since version 1',
    );
    const current = await request(foro.url).get('/events/cuenca-2008/programme/versions/2?lang=en');
    expect(current.text).to.contain('Session cancelled: Remesas');
    expect(current.text).to.contain('version 2, the current one').and.not.contain('no longer current');
    const v1 = await request(foro.url).get('/events/cuenca-2008/programme/versions/1?lang=en');
    expect(v1.status).to.equal(200);
    expect(v1.text).to.contain('version 1, which is no longer current');
    expect((await request(foro.url).get('/events/cuenca-2008/programme/versions/9')).status).to.equal(404);
    expect((await request(foro.url).get('/events/cuenca-2008/programme/versions/x')).status).to.equal(404);
  });

  it('lets one of two simultaneous publishers win', async () => {
    const { agent, api } = await setup();
    const results = await Promise.all([publish(agent, api), publish(agent, api), publish(agent, api)]);
    expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409, 409]);
    expect(await ProgrammeVersion.countDocuments()).to.equal(1);
  });

  it('keeps publishing to the team, and drafts to organizers', async () => {
    const { api, event, agent } = await setup();
    const viewer = await createTestUser({ role: 'viewer' });
    const viewerAgent = browserAgent(foro.url);
    await signIn(viewerAgent, viewer.email, TEST_PASSWORD);
    expect((await publish(viewerAgent, api)).status).to.equal(403);
    const token = await csrfFor(viewerAgent, `/admin/events/${event.id}/programme`);
    expect(
      (
        await viewerAgent
          .post(`/admin/events/${event.id}/programme/publish`)
          .type('form')
          .send({ _csrf: token })
      ).status,
    ).to.equal(403);
    expect((await request(foro.url).get(`/admin/events/${event.id}/programme/preview`)).status).to.equal(303);
    const preview = await agent.get(`/admin/events/${event.id}/programme/preview?lang=en`);
    expect(preview.text)
      .to.contain('Preview of the unpublished programme')
      .and.contain('Migration and development');
    const form = await agent
      .post(`/admin/events/${event.id}/programme/publish`)
      .type('form')
      .send({ _csrf: await csrfFor(agent, `/admin/events/${event.id}/programme`) });
    expect(form.status).to.equal(303);
    const draft = await createTestEvent({ slug: 'borrador-2009' });
    expect((await request(foro.url).get(`/events/${draft.slug}/programme`)).status).to.equal(404);
  });
});
