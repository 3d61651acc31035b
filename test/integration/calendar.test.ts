import { expect } from 'chai';
import request from 'supertest';
import { Session } from '../../src/modules/agenda/sessions/session.model.js';
import { buildCalendar } from '../../src/modules/calendar/index.js';
import { latestVersion } from '../../src/modules/published-programme/index.js';
import { createTranslator } from '../../src/shared/i18n/index.js';
import { PLENARY } from '../factories/events.js';
import { createTestPerson, ROSA } from '../factories/people.js';
import { createForum } from '../factories/programme.js';
import { useTestForo } from '../support/foro.js';
import { withTimeZone } from '../support/time-zone.js';
import { csrfFor, signedInAs } from '../support/http.js';
import { parseCalendar } from '../support/ical.js';

const calendarText = (res: request.Response) =>
  typeof res.text === 'string' && res.text ? res.text : String(res.body);

describe('calendar: .ics for the programme, a session and a person', () => {
  const foro = useTestForo(import.meta.url);

  async function setup() {
    const { agent, actor } = await signedInAs(foro.url, 'organizer');
    const event = await createForum(actor, {}, [PLENARY]);
    const api = `/api/v1/events/${event.id}`;
    const rosa = await createTestPerson(ROSA);
    const mk = (title: string, date: string, start: string, end: string) =>
      agent.post(`${api}/sessions`).send({
        type: 'panel',
        title: { es: title, en: `${title} (en)` },
        roomId: event.rooms[0]!.id,
        date,
        start,
        end,
      });
    const a = (await mk('Apertura', '2008-04-10', '09:00', '10:00')).body;
    const b = (await mk('Remesas', '2008-04-10', '11:00', '12:30')).body;
    const c = (await mk('Clausura', '2008-04-11', '17:00', '18:00')).body;
    await agent
      .post(`${api}/sessions/${b.id}/assignments`)
      .send({ personId: rosa.id, role: 'speaker', status: 'confirmed' });
    expect((await agent.post(`${api}/versions`).send({})).status).to.equal(201);
    return { agent, event, api, sessions: { a, b, c }, rosa };
  }

  it('writes every published session with its stored instant, zone, UID, location and people', async () => {
    const { sessions } = await setup();
    for (const tz of ['America/Guayaquil', 'Asia/Tokyo']) {
      await withTimeZone(tz, async () => {
        const res = await request(foro.url).get('/events/cuenca-2008/calendar.ics?lang=es');
        expect(res.status).to.equal(200);
        expect(res.headers['content-type']).to.match(/^text\/calendar/);
        const parsed = parseCalendar(calendarText(res));
        expect(parsed.method).to.equal('PUBLISH');
        expect(parsed.timezones).to.deep.equal(['America/Guayaquil']);
        expect(parsed.events.map((e) => e.uid).sort()).to.deep.equal(
          [sessions.a.id, sessions.b.id, sessions.c.id].map((id) => `${id}@foro`).sort(),
        );
        const stored = await Session.find().lean();
        for (const event of parsed.events) {
          const session = stored.find((s) => `${s._id}@foro` === event.uid)!;
          expect(event.start.getTime(), tz).to.equal(session.startsAt!.getTime());
          expect(event.end.getTime(), tz).to.equal(session.endsAt!.getTime());
          expect(event.tzid).to.equal('America/Guayaquil');
          expect(event.sequence).to.equal(0);
          expect(event.status).to.equal('CONFIRMED');
        }
        const remesas = parsed.events.find((e) => e.uid === `${sessions.b.id}@foro`)!;
        expect(remesas.summary).to.equal('Remesas');
        expect(remesas.location).to.equal('Salón Plenario, Centro de Convenciones, Cuenca, Ecuador');
        expect(remesas.description).to.contain('Ponente: Dra. Rosa Quispe (FLACSO, Ecuador)');
      });
    }
  });

  it('writes the chosen language', async () => {
    const { sessions } = await setup();
    const parsed = parseCalendar(
      calendarText(await request(foro.url).get('/events/cuenca-2008/calendar.ics?lang=en')),
    );
    const remesas = parsed.events.find((e) => e.uid === `${sessions.b.id}@foro`)!;
    expect(remesas.summary).to.equal('Remesas (en)');
    expect(remesas.description).to.contain('Speaker: Dra. Rosa Quispe');
  });

  it('keeps the UID of a moved session with a higher SEQUENCE, and marks a cancelled one CANCELLED', async () => {
    const { agent, api, sessions } = await setup();
    await agent
      .patch(`${api}/sessions/${sessions.a.id}`)
      .send({ date: '2008-04-10', start: '08:30', end: '09:30' });
    await agent.patch(`${api}/sessions/${sessions.c.id}`).send({ status: 'cancelled' });
    expect((await agent.post(`${api}/versions`).send({})).status).to.equal(201);
    const parsed = parseCalendar(
      calendarText(await request(foro.url).get('/events/cuenca-2008/calendar.ics')),
    );
    const byUid = new Map(parsed.events.map((e) => [e.uid, e]));
    const moved = byUid.get(`${sessions.a.id}@foro`)!;
    expect(moved.sequence).to.equal(1);
    expect(moved.start.toISOString()).to.equal('2008-04-10T13:30:00.000Z');
    expect(byUid.get(`${sessions.c.id}@foro`)).to.include({ status: 'CANCELLED', sequence: 1 });
    expect(byUid.get(`${sessions.b.id}@foro`)?.sequence, 'untouched').to.equal(0);
  });

  it('writes one session, and 404 for one that is not published', async () => {
    const { sessions, agent, api } = await setup();
    const one = parseCalendar(
      calendarText(await request(foro.url).get(`/events/cuenca-2008/sessions/${sessions.b.id}/calendar.ics`)),
    );
    expect(one.events.map((e) => e.uid)).to.deep.equal([`${sessions.b.id}@foro`]);
    const draft = await agent
      .post(`${api}/sessions`)
      .send({ type: 'panel', title: { es: 'Nueva' }, date: '2008-04-11', start: '09:00', end: '10:00' });
    expect(
      (await request(foro.url).get(`/events/cuenca-2008/sessions/${draft.body.id}/calendar.ics`)).status,
    ).to.equal(404);
    expect((await request(foro.url).get('/events/nope/calendar.ics')).status).to.equal(404);
  });

  it("serves a person's sessions at a secret URL that follows new versions until it is revoked", async () => {
    const { agent, api, sessions, rosa } = await setup();
    const page = await agent.get(`/admin/people/${rosa.id}`);
    const url = /value="(http[^"]+\/calendar\.ics)"/.exec(page.text)?.[1];
    expect(url).to.be.a('string');
    const path = new URL(url!).pathname;
    const mine = parseCalendar(calendarText(await request(foro.url).get(path)));
    expect(mine.events.map((e) => e.uid)).to.deep.equal([`${sessions.b.id}@foro`]);

    await agent
      .post(`${api}/sessions/${sessions.c.id}/assignments`)
      .send({ personId: rosa.id, role: 'chair', status: 'confirmed' });
    await agent.post(`${api}/versions`).send({});
    const followed = parseCalendar(calendarText(await request(foro.url).get(path)));
    expect(followed.events.map((e) => e.uid).sort()).to.deep.equal(
      [`${sessions.b.id}@foro`, `${sessions.c.id}@foro`].sort(),
    );

    const forged = path.replace(/\/([A-Za-z0-9_-]{43})\/calendar\.ics$/, `/${'A'.repeat(43)}/calendar.ics`);
    expect((await request(foro.url).get(forged)).status).to.equal(404);
    const token = await csrfFor(agent, `/admin/people/${rosa.id}`);
    expect(
      (
        await agent
          .post(`/admin/people/${rosa.id}/calendar-reset`)
          .type('form')
          .send({ _csrf: token, confirmed: 'yes' })
      ).status,
    ).to.equal(303);
    expect((await request(foro.url).get(path)).status, 'revoked').to.equal(404);
    const fresh = /value="(http[^"]+\/calendar\.ics)"/.exec(
      (await agent.get(`/admin/people/${rosa.id}`)).text,
    )![1]!;
    expect(fresh).to.not.equal(url);
    expect((await request(foro.url).get(new URL(fresh).pathname)).status).to.equal(200);
  });

  it('builds METHOD:REQUEST and CANCEL attachments with ORGANIZER and ATTENDEE RSVP=FALSE', async () => {
    const { event } = await setup();
    const version = (await latestVersion(event.id))!;
    const session = version.snapshot.sessions[1]!;
    const options = {
      language: 'es' as const,
      t: createTranslator().forLanguage('es'),
      programmeUrl: 'https://foro.example/events/cuenca-2008/programme',
      name: 'Invitación',
      organizer: { name: 'CEPAL', email: 'foro@cepal.example' },
      attendee: { name: 'Rosa Quispe', email: 'rosa@example.org' },
      stamp: new Date('2008-03-01T12:00:00Z'),
    };
    const request = parseCalendar(
      buildCalendar(version.snapshot, [session], { ...options, method: 'REQUEST' }),
    );
    expect(request.method).to.equal('REQUEST');
    expect(request.events[0]).to.include({
      uid: `${session.id}@foro`,
      status: 'CONFIRMED',
      organizer: 'mailto:foro@cepal.example',
    });
    expect(request.events[0]?.attendees).to.deep.equal([{ value: 'mailto:rosa@example.org', rsvp: 'FALSE' }]);
    const cancel = parseCalendar(
      buildCalendar(version.snapshot, [session], { ...options, method: 'CANCEL' }),
    );
    expect(cancel.method).to.equal('CANCEL');
    expect(cancel.events[0]?.status).to.equal('CANCELLED');
  });
});
