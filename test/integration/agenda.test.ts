import { expect } from 'chai';
import mongoose from 'mongoose';
import { Assignment } from '../../src/modules/agenda/assignments/assignment.model.js';
import { Session } from '../../src/modules/agenda/sessions/session.model.js';
import { addRoom } from '../../src/modules/events/index.js';
import { createTestEvent } from '../factories/events.js';
import { createTestPerson } from '../factories/people.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { useTestForo } from '../support/foro.js';
import { withTimeZone } from '../support/time-zone.js';
import { browserAgent, csrfFor, signedInAs, signIn } from '../support/http.js';

describe('agenda: sessions, people in their roles, checks', () => {
  const foro = useTestForo(import.meta.url);

  async function setup() {
    const { agent, actor } = await signedInAs(foro.url, 'organizer');
    const event = await createTestEvent({ slug: 'cuenca-2008', countries: ['EC', 'PE', 'ES'] }, actor);
    await addRoom(
      event.id,
      { name: 'Salón Plenario', capacity: 400, interpretation: ['es', 'pt'] },
      actor,
      foro.clock,
    );
    const withRooms = await addRoom(
      event.id,
      { name: 'Sala Azuay', capacity: 60, interpretation: [] },
      actor,
      foro.clock,
    );
    const [plenary, azuay] = withRooms.rooms;
    return { agent, event: withRooms, plenary: plenary!, azuay: azuay!, api: `/api/v1/events/${event.id}` };
  }

  for (const tz of ['America/Guayaquil', 'Asia/Tokyo']) {
    it(`stores 09:00 in Cuenca as 14:00 UTC and shows 09:00 (GMT-5), with the process in ${tz}`, async () => {
      await withTimeZone(tz, async () => {
        const { agent, event, plenary, api } = await setup();
        const token = await csrfFor(agent, `/admin/events/${event.id}/sessions/new`);
        const res = await agent.post(`/admin/events/${event.id}/sessions`).type('form').send({
          _csrf: token,
          type: 'opening',
          title_es: 'Inauguración',
          roomId: plenary.id,
          date: '2008-04-10',
          start: '09:00',
          end: '10:00',
        });
        expect(res.status).to.equal(303);
        const stored = await Session.findOne().lean();
        expect(stored?.startsAt?.toISOString()).to.equal('2008-04-10T14:00:00.000Z');
        expect(stored?.status).to.equal('scheduled');
        const page = await agent.get(String(res.headers['location'])).set('Accept-Language', 'en');
        expect(page.text).to.contain('value="09:00"');
        expect(page.text).to.contain('(GMT-5)');
        const builder = await agent.get(`/admin/events/${event.id}/agenda?day=2008-04-10`);
        expect(builder.text).to.contain('Inauguración');
        const json = await agent.get(`${api}/sessions/${stored?._id}`);
        expect(json.body.startsAt).to.equal('2008-04-10T09:00:00-05:00');
      });
    });
  }

  it('answers unknown room or person ids in a body with 422 and in a path with 404', async () => {
    const { agent, api } = await setup();
    const missing = new mongoose.Types.ObjectId().toString();
    const room = await agent
      .post(`${api}/sessions`)
      .send({ type: 'panel', title: { es: 'X' }, roomId: missing });
    expect(room.status).to.equal(422);
    expect(room.body.errors[0]).to.include({ field: 'roomId', code: 'unknown_reference' });
    const session = await agent.post(`${api}/sessions`).send({ type: 'panel', title: { es: 'Panel' } });
    expect(session.status).to.equal(201);
    expect(session.body.status).to.equal('draft');
    const person = await agent
      .post(`${api}/sessions/${session.body.id}/assignments`)
      .send({ personId: missing, role: 'speaker' });
    expect(person.status).to.equal(422);
    expect(person.body.errors[0]).to.include({ field: 'personId', code: 'unknown_reference' });
    expect((await agent.get(`${api}/sessions/${missing}`)).status).to.equal(404);
    expect((await agent.get(`${api}/sessions/nope`)).status).to.equal(404);
    expect((await agent.patch(`${api}/sessions/${missing}`).send({ theme: 'x' })).status).to.equal(404);
    expect((await agent.get(`/api/v1/events/${missing}/sessions`)).status).to.equal(404);
    const half = await agent
      .post(`${api}/sessions`)
      .send({ type: 'panel', title: { es: 'X' }, date: '2008-04-10' });
    expect(half.status).to.equal(422);
    expect(half.body.errors.map((e: { field: string }) => e.field)).to.have.members(['start', 'end']);
    const backwards = await agent
      .post(`${api}/sessions`)
      .send({ type: 'panel', title: { es: 'X' }, date: '2008-04-10', start: '11:00', end: '10:00' });
    expect(backwards.body.errors[0]).to.include({ field: 'end', code: 'end_not_after_start' });
  });

  it('keeps a session from another event out of reach', async () => {
    const first = await setup();
    const other = await createTestEvent({ slug: 'lima-2009' });
    const session = await first.agent
      .post(`${first.api}/sessions`)
      .send({ type: 'panel', title: { es: 'Panel' } });
    expect((await first.agent.get(`/api/v1/events/${other.id}/sessions/${session.body.id}`)).status).to.equal(
      404,
    );
  });

  it('forbids viewers and organizers outside the team to edit', async () => {
    const { api, event } = await setup();
    for (const role of ['viewer', 'organizer'] as const) {
      const outsider = await createTestUser({ role });
      const agent = browserAgent(foro.url);
      await signIn(agent, outsider.email, TEST_PASSWORD);
      expect((await agent.get(`/admin/events/${event.id}/agenda`)).status, `${role} reads`).to.equal(200);
      expect(
        (await agent.post(`${api}/sessions`).send({ type: 'panel', title: { es: 'X' } })).status,
        role,
      ).to.equal(403);
      const token = await csrfFor(agent, `/admin/events/${event.id}/agenda`);
      expect(
        (
          await agent
            .post(`/admin/events/${event.id}/sessions`)
            .type('form')
            .send({ _csrf: token, type: 'panel', title_es: 'X' })
        ).status,
      ).to.equal(403);
    }
    expect(await Session.countDocuments()).to.equal(0);
  });

  it('cancels and restores a session with the buttons on its page, and refuses a post without a status', async () => {
    const { agent, api, event } = await setup();
    const created = await agent.post(`${api}/sessions`).send({ type: 'panel', title: { es: 'Panel' } });
    const page = `/admin/events/${event.id}/sessions/${created.body.id}`;
    const token = await csrfFor(agent, page);
    const post = (form: Record<string, string>) =>
      agent
        .post(`${page}/status`)
        .type('form')
        .send({ _csrf: token, confirmed: 'yes', ...form });
    expect((await post({ status: 'cancelled' })).status).to.equal(303);
    expect((await Session.findById(created.body.id).lean())!.status).to.equal('cancelled');
    expect((await post({})).status).to.equal(422);
    expect((await post({ status: 'draft' })).status).to.equal(303);
    expect((await Session.findById(created.body.id).lean())!.status).to.equal('draft');
  });

  it('refuses a session edit saved from a stale copy with 409', async () => {
    const { agent, api, event } = await setup();
    const created = await agent.post(`${api}/sessions`).send({ type: 'panel', title: { es: 'Panel' } });
    const token = await csrfFor(agent, `/admin/events/${event.id}/sessions/${created.body.id}`);
    const path = `/admin/events/${event.id}/sessions/${created.body.id}`;
    const form = { _csrf: token, type: 'panel', title_es: 'Panel A', revision: '1' };
    expect((await agent.post(path).type('form').send(form)).status).to.equal(303);
    const stale = await agent
      .post(path)
      .type('form')
      .set('Accept-Language', 'en')
      .send({ ...form, title_es: 'Panel B' });
    expect(stale.status).to.equal(409);
    expect(stale.text).to.contain('Someone else saved changes');
    expect(stale.text).to.contain('value="Panel B"');
  });

  it('moves and cancels sessions, and lists a person’s roles on their page', async () => {
    const { agent, api, event, plenary, azuay } = await setup();
    const person = await createTestPerson({ givenName: 'Rosa', familyName: 'Quispe' });
    const session = await agent.post(`${api}/sessions`).send({
      type: 'panel',
      title: { es: 'Remesas' },
      roomId: plenary.id,
      date: '2008-04-10',
      start: '11:00',
      end: '12:00',
    });
    const assigned = await agent
      .post(`${api}/sessions/${session.body.id}/assignments`)
      .send({ personId: person.id, role: 'commentator', status: 'invited' });
    expect(assigned.status).to.equal(201);
    const moved = await agent
      .patch(`${api}/sessions/${session.body.id}`)
      .send({ roomId: azuay.id, date: '2008-04-11', start: '15:00', end: '16:00' });
    expect(moved.body).to.include({ roomId: azuay.id, startsAt: '2008-04-11T15:00:00-05:00', revision: 2 });
    const cancelled = await agent.patch(`${api}/sessions/${session.body.id}`).send({ status: 'cancelled' });
    expect(cancelled.body.status).to.equal('cancelled');
    const unscheduled = await agent
      .patch(`${api}/sessions/${session.body.id}`)
      .send({ date: null, start: null, end: null, roomId: null, status: 'draft' });
    expect(unscheduled.body).to.not.have.property('startsAt');
    expect(unscheduled.body).to.not.have.property('roomId');
    const page = await agent.get(`/admin/people/${person.id}`).set('Accept-Language', 'en');
    expect(page.text).to.contain('Roles in the programme');
    expect(page.text).to.contain('Remesas');
    expect(page.text).to.contain('Commentator');
    const history = await agent.get(`/admin/events/${event.id}/sessions/${session.body.id}?lang=en`);
    const trail = /<section id="history">[\s\S]*?<\/section>/.exec(history.text)?.[0] ?? '';
    expect(trail)
      .to.match(/moved the session to another time or room\./)
      .and.contain('Room: ');
    expect(trail)
      .to.match(/cancelled the session\./)
      .and.contain('Status: Scheduled → Cancelled');
    expect(trail, 'no action keys or field paths').to.not.match(/session\.moved|roomId|startsAt/);
  });

  it('filters the people directory by role in a programme', async () => {
    const { agent, api } = await setup();
    const rosa = await createTestPerson({ givenName: 'Rosa', familyName: 'Quispe' });
    const luis = await createTestPerson({ givenName: 'Luis', familyName: 'Soto' });
    await createTestPerson({ givenName: 'Nadie', familyName: 'Más' });
    const session = await agent.post(`${api}/sessions`).send({ type: 'panel', title: { es: 'Panel' } });
    await agent
      .post(`${api}/sessions/${session.body.id}/assignments`)
      .send({ personId: rosa.id, role: 'commentator' });
    await agent
      .post(`${api}/sessions/${session.body.id}/assignments`)
      .send({ personId: luis.id, role: 'chair', status: 'declined' });
    const names = async (role: string) =>
      (await agent.get(`/api/v1/people?role=${role}`)).body.people.map(
        (p: { familyName: string }) => p.familyName,
      );
    expect(await names('commentator')).to.deep.equal(['Quispe']);
    expect(await names('chair'), 'declined roles do not count').to.deep.equal([]);
    const page = await agent.get('/admin/people?role=commentator');
    expect(page.text).to.contain('Quispe').and.not.contain('Soto');
    expect((await agent.get('/api/v1/people?role=king')).status).to.equal(422);
  });

  it('gives one person one role in a session once, even when asked twice at the same time', async () => {
    const { agent, api } = await setup();
    const person = await createTestPerson();
    const session = await agent.post(`${api}/sessions`).send({ type: 'panel', title: { es: 'Panel' } });
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        agent
          .post(`${api}/sessions/${session.body.id}/assignments`)
          .send({ personId: person.id, role: 'speaker' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409, 409, 409]);
    expect(await Assignment.countDocuments()).to.equal(1);
    const chair = await agent
      .post(`${api}/sessions/${session.body.id}/assignments`)
      .send({ personId: person.id, role: 'chair' });
    expect(chair.status, 'another role is fine').to.equal(201);
  });

  it('shows the checks in the builder, on the session and in the API, and never blocks saving', async () => {
    const { agent, api, event, plenary, azuay } = await setup();
    const ana = await createTestPerson({
      givenName: 'Ana',
      familyName: 'Pérez',
      gender: 'female',
      country: 'EC',
      sector: 'government',
    });
    const a = await agent.post(`${api}/sessions`).send({
      type: 'panel',
      title: { es: 'Migración y desarrollo' },
      roomId: plenary.id,
      date: '2008-04-10',
      start: '10:00',
      end: '12:00',
      expectedAttendance: 500,
    });
    const b = await agent.post(`${api}/sessions`).send({
      type: 'workshop',
      title: { es: 'Remesas' },
      roomId: azuay.id,
      date: '2008-04-10',
      start: '11:00',
      end: '12:30',
    });
    expect([a.status, b.status]).to.deep.equal([201, 201]);
    await agent.post(`${api}/sessions/${a.body.id}/assignments`).send({ personId: ana.id, role: 'speaker' });
    await agent.post(`${api}/sessions/${b.body.id}/assignments`).send({ personId: ana.id, role: 'chair' });
    const checks = await agent.get(`${api}/checks`);
    expect(checks.body.warnings.map((w: { code: string }) => w.code).sort()).to.deep.equal([
      'over_room_capacity',
      'person_double_booked',
    ]);
    expect(checks.body.figures.countriesWithoutSpeakers).to.have.members(['PE', 'ES']);
    const builder = await agent.get(`/admin/events/${event.id}/agenda?day=2008-04-10&lang=en`);
    expect(builder.text).to.contain(
      'Ana Pérez is in two sessions at once: «Migración y desarrollo» / «Remesas».',
    );
    expect(builder.text).to.contain('expects 500 people but room Salón Plenario seats 400');
    // Each warning links to its sessions by name, not by a bare arrow.
    const warnings = /<ul class="warnings">([\s\S]*?)<\/ul>/.exec(builder.text)![1]!;
    expect(warnings).to.not.match(/>\s*→\s*</);
    expect(warnings).to.contain(`href="/admin/events/${event.id}/sessions/${b.body.id}">Open “Remesas”</a>`);
    expect(warnings).to.contain(
      `href="/admin/events/${event.id}/sessions/${a.body.id}">Open “Migración y desarrollo”</a>`,
    );
    const sessionPage = await agent.get(`/admin/events/${event.id}/sessions/${b.body.id}?lang=en`);
    expect(sessionPage.text).to.contain('Ana Pérez is in two sessions at once');
    expect(sessionPage.text).to.not.contain('expects 500 people');
  });

  it('shows a block’s people that do not fit as "+n", the whole block in its title, and statuses without gender', async () => {
    const { agent, api, event, plenary } = await setup();
    const session = await agent.post(`${api}/sessions`).send({
      type: 'panel',
      title: { es: 'Integración regional y movilidad de las personas en Iberoamérica' },
      roomId: plenary.id,
      date: '2008-04-10',
      start: '09:00',
      end: '10:00',
    });
    const people = [
      { givenName: 'Alicia', familyName: 'Bárcena', gender: 'female' as const, role: 'chair' },
      { givenName: 'José Miguel', familyName: 'Guzmán', gender: 'male' as const, role: 'speaker' },
      { givenName: 'Gioconda', familyName: 'Herrera', gender: 'female' as const, role: 'speaker' },
      { givenName: 'Jorge', familyName: 'Martínez Pizarro', gender: 'male' as const, role: 'commentator' },
    ];
    for (const { role, ...person } of people) {
      const created = await createTestPerson(person);
      const assigned = await agent
        .post(`${api}/sessions/${session.body.id}/assignments`)
        .send({ personId: created.id, role, status: 'confirmed' });
      expect(assigned.status).to.equal(201);
    }
    const page = await agent.get(`/admin/events/${event.id}/agenda?day=2008-04-10&lang=es`);
    const block = new RegExp(`<a id="session-${session.body.id}"[^>]*>([\\s\\S]*?)</a>`).exec(page.text)!;
    // An hour is four rows: the type and title take two, one name shows, and "+3" counts the rest.
    expect(block[1]).to.match(/<span class="more-count" aria-hidden="true">\+3<\/span>/);
    expect(block[1]!.match(/class="person status-confirmed more"/g)).to.have.length(3);
    const title = /title="([^"]*)"/.exec(block[0])![1]!;
    for (const { givenName, familyName } of people) expect(title).to.contain(`${givenName} ${familyName}`);
    expect(title).to.contain('Integración regional y movilidad de las personas en Iberoamérica');
    // The same word after a man's name as after a woman's.
    expect(block[1]).to.contain('Ponente: José Miguel Guzmán (Confirmó)');
    expect(block[1]).to.contain('Ponente: Gioconda Herrera (Confirmó)');
    expect(page.text).to.not.contain('(Confirmada)');
  });

  it('offers the people found for a session in Spanish name order ("Bárcena" before "Beltrand", "Ñandú" after "Nyberg")', async () => {
    const { agent, api, event, plenary } = await setup();
    const session = await agent.post(`${api}/sessions`).send({
      type: 'panel',
      title: { es: 'Demografía' },
      roomId: plenary.id,
      date: '2008-04-10',
      start: '09:00',
      end: '10:00',
    });
    // Added in byte order, which the directory keeps: the picker must not.
    for (const familyName of ['Beltrand', 'Bárcena', 'Nuñez', 'Nyberg', 'Ñandú', 'Olmedo'])
      await createTestPerson({ givenName: 'Ana', familyName, organization: 'CELADE' });
    const page = await agent.get(`/admin/events/${event.id}/sessions/${session.body.id}?find=celade`);
    const found = [...page.text.matchAll(/<span>Ana ([^<]+?) · <small>CELADE/g)].map((m) => m[1]);
    expect(found).to.deep.equal(['Bárcena', 'Beltrand', 'Nuñez', 'Nyberg', 'Ñandú', 'Olmedo']);
  });
});
