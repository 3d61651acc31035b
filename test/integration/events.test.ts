import { expect } from 'chai';
import request from 'supertest';
import { AuditEntry } from '../../src/modules/audit/audit.model.js';
import { Event, setEventStatus } from '../../src/modules/events/index.js';
import { createTestEvent } from '../factories/events.js';
import { createTestUser } from '../factories/users.js';
import { useTestForo } from '../support/foro.js';
import { csrfFor, signedInAs } from '../support/http.js';

describe('events: organizers edit, the public reads', () => {
  const foro = useTestForo(import.meta.url);

  const signedIn = (role: 'admin' | 'organizer' | 'viewer') => signedInAs(foro.url, role);

  const eventForm = (overrides: Record<string, string | string[]> = {}) => ({
    slug: 'cuenca-2008',
    title_es: 'Foro Iberoamericano sobre Migración y Desarrollo',
    title_en: 'Ibero-American Forum on Migration and Development',
    timezone: 'America/Guayaquil',
    startDate: '2008-04-10',
    endDate: '2008-04-11',
    languages: ['es', 'pt', 'en'],
    preset: 'ibero-american',
    ...overrides,
  });

  it('lets an organizer create an event from the form, joining its team', async () => {
    const { user, agent } = await signedIn('organizer');
    const token = await csrfFor(agent, '/admin/events/new');
    const res = await agent
      .post('/admin/events')
      .type('form')
      .send({ _csrf: token, ...eventForm() });
    expect(res.status).to.equal(303);
    const event = await Event.findOne({ slug: 'cuenca-2008' }).lean();
    expect(event?.countries).to.have.length(22);
    expect(event?.status).to.equal('draft');
    expect(res.headers['location']).to.equal(`/admin/events/${String(event!._id)}`);
    const page = await agent.get(`${String(res.headers['location'])}/settings`);
    expect(page.text).to.contain(user.name);
    expect(page.text).to.contain('Andorra');
  });

  it('answers a taken slug with 409 and a clear message, in the form and in the API', async () => {
    await createTestEvent({ slug: 'cuenca-2008' });
    const { agent } = await signedIn('organizer');
    const token = await csrfFor(agent, '/admin/events/new');
    const form = await agent
      .post('/admin/events')
      .type('form')
      .set('Accept-Language', 'en')
      .send({ _csrf: token, ...eventForm() });
    expect(form.status).to.equal(409);
    expect(form.text).to.contain('An event already uses “cuenca-2008”');
    expect(form.text).to.contain('value="Ibero-American Forum on Migration and Development"');

    const api = await agent
      .post('/api/v1/events')
      .set('Accept-Language', 'es')
      .send({
        slug: 'cuenca-2008',
        title: { es: 'Otro' },
        startDate: '2008-04-10',
        endDate: '2008-04-11',
      });
    expect(api.status).to.equal(409);
    expect(api.body).to.include({ code: 'SLUG_TAKEN' });
    expect(api.body.detail).to.contain('cuenca-2008');
  });

  it('refuses an end before the start with 422, in the form and in the API', async () => {
    const { agent } = await signedIn('organizer');
    const token = await csrfFor(agent, '/admin/events/new');
    const form = await agent
      .post('/admin/events')
      .type('form')
      .set('Accept-Language', 'en')
      .send({ _csrf: token, ...eventForm({ endDate: '2008-04-09' }) });
    expect(form.status).to.equal(422);
    expect(form.text).to.contain('The last day cannot be before the first.');
    const api = await agent
      .post('/api/v1/events')
      .send({ slug: 'x-2008', title: { pt: 'X' }, startDate: '2008-04-10', endDate: '2008-04-01' });
    expect(api.status).to.equal(422);
    expect(api.body.errors).to.deep.include({
      field: 'endDate',
      code: 'end_before_start',
      message: 'El último día no puede ser anterior al primero.',
    });
    const impossible = await agent.post('/api/v1/events').send({
      slug: 'x-2008',
      title: { pt: 'X' },
      startDate: '2008-02-30',
      endDate: '2008-03-01',
      timezone: 'Mars/Olympus',
    });
    expect(impossible.body.errors.map((e: { field: string }) => e.field)).to.have.members([
      'startDate',
      'timezone',
    ]);
    expect(await Event.countDocuments()).to.equal(0);
  });

  it('forbids viewers to edit (403), in the UI and the API', async () => {
    const event = await createTestEvent();
    const { agent } = await signedIn('viewer');
    expect((await agent.get(`/admin/events/${event.id}`)).status, 'viewers read').to.equal(200);
    const token = await csrfFor(agent, `/admin/events/${event.id}`);
    const ui = await agent
      .post(`/admin/events/${event.id}/status`)
      .type('form')
      .send({ _csrf: token, status: 'published' });
    expect(ui.status).to.equal(403);
    expect((await agent.get('/admin/events/new')).status).to.equal(403);
    const api = await agent.patch(`/api/v1/events/${event.id}`).send({ title: { es: 'Cambiado' } });
    expect(api.status).to.equal(403);
    expect((await Event.findById(event.id).lean())?.status).to.equal('draft');
  });

  it("forbids an organizer outside an event's team to edit it, and lets the team in", async () => {
    const { actor: ownerActor } = await signedIn('organizer');
    const event = await createTestEvent({}, ownerActor);
    const outsider = await signedIn('organizer');
    const token = await csrfFor(outsider.agent, `/admin/events/${event.id}`);
    const denied = await outsider.agent
      .post(`/admin/events/${event.id}/rooms`)
      .type('form')
      .send({ _csrf: token, name: 'Sala 1' });
    expect(denied.status).to.equal(403);
    expect(
      (await outsider.agent.patch(`/api/v1/events/${event.id}`).send({ endDate: '2008-04-12' })).status,
    ).to.equal(403);

    const admin = await signedIn('admin');
    const adminToken = await csrfFor(admin.agent, `/admin/events/${event.id}`);
    const added = await admin.agent
      .post(`/admin/events/${event.id}/team`)
      .type('form')
      .send({ _csrf: adminToken, userId: outsider.user.id });
    expect(added.status).to.equal(303);
    const allowed = await outsider.agent
      .post(`/admin/events/${event.id}/rooms`)
      .type('form')
      .send({ _csrf: token, name: 'Sala 1', capacity: '80', interpretation: ['es', 'pt'] });
    expect(allowed.status).to.equal(303);
    const stored = await Event.findById(event.id).lean();
    expect(stored?.rooms.map((r) => [r.name, r.capacity, [...r.interpretation]])).to.deep.equal([
      ['Sala 1', 80, ['es', 'pt']],
    ]);
  });

  it('lets only admins change a team', async () => {
    const owner = await signedIn('organizer');
    const event = await createTestEvent({}, owner.actor);
    const colleague = await createTestUser({ role: 'organizer' });
    const token = await csrfFor(owner.agent, `/admin/events/${event.id}`);
    const res = await owner.agent
      .post(`/admin/events/${event.id}/team`)
      .type('form')
      .send({ _csrf: token, userId: colleague.id });
    expect(res.status).to.equal(403);
    const removeSelf = await owner.agent
      .post(`/admin/events/${event.id}/team/${owner.user.id}/delete`)
      .type('form')
      .send({ _csrf: token });
    expect(removeSelf.status).to.equal(403);
    const admin = await signedIn('admin');
    const adminToken = await csrfFor(admin.agent, `/admin/events/${event.id}`);
    const viewer = await createTestUser({ role: 'viewer' });
    const refused = await admin.agent
      .post(`/admin/events/${event.id}/team`)
      .type('form')
      .send({ _csrf: adminToken, userId: viewer.id });
    expect(refused.status, 'viewers cannot join a team').to.equal(422);
    const removed = await admin.agent
      .post(`/admin/events/${event.id}/team/${owner.user.id}/delete`)
      .type('form')
      .send({ _csrf: adminToken, confirmed: 'yes' });
    expect(removed.status).to.equal(303);
    const denied = await owner.agent
      .post(`/admin/events/${event.id}/rooms`)
      .type('form')
      .send({ _csrf: token, name: 'Sala' });
    expect(denied.status, 'out of the team, out of editing').to.equal(403);
  });

  it('refuses an edit saved from a stale copy with 409', async () => {
    const { agent, actor } = await signedIn('organizer');
    const event = await createTestEvent({}, actor);
    const token = await csrfFor(agent, `/admin/events/${event.id}/edit`);
    const first = await agent
      .post(`/admin/events/${event.id}`)
      .type('form')
      .send({ _csrf: token, ...eventForm({ slug: event.slug, revision: String(event.revision) }) });
    expect(first.status).to.equal(303);
    const stale = await agent
      .post(`/admin/events/${event.id}`)
      .type('form')
      .set('Accept-Language', 'en')
      .send({
        _csrf: token,
        ...eventForm({ slug: event.slug, title_es: 'Otra versión', revision: String(event.revision) }),
      });
    expect(stale.status).to.equal(409);
    expect(stale.text).to.contain('Someone else saved changes');
    const api = await agent
      .patch(`/api/v1/events/${event.id}`)
      .send({ revision: event.revision, title: { es: 'API' } });
    expect(api.status).to.equal(409);
    expect(api.body.code).to.equal('STALE_EDIT');
  });

  it('shows the public page in each language, 404 for drafts, 200 with a notice for archived events', async () => {
    const { actor } = await signedIn('organizer');
    const event = await createTestEvent(
      {
        slug: 'cuenca-2008',
        title: { es: 'Foro Iberoamericano', pt: 'Fórum Ibero-Americano', en: 'Ibero-American Forum' },
        venue: { city: 'Cuenca', country: 'EC' },
      },
      actor,
    );
    expect((await request(foro.url).get('/events/cuenca-2008')).status, 'draft').to.equal(404);
    await setEventStatus(event.id, 'published', actor, foro.clock);

    const expectations = {
      es: [
        '<title>Foro Iberoamericano · Foro</title>',
        '10–11 de abril de 2008',
        'Todas las horas son hora de Guayaquil (GMT-5)',
        'Ecuador',
      ],
      pt: [
        '<title>Fórum Ibero-Americano · Foro</title>',
        '10\u2009–\u200911 de abril de 2008',
        'Todos os horários seguem o horário de Guayaquil (GMT-5)',
        'Equador',
      ],
      en: [
        '<title>Ibero-American Forum · Foro</title>',
        '10\u2009–\u200911 April 2008',
        'All times are Guayaquil time (GMT-5)',
        'Ecuador',
      ],
    };
    for (const [lang, texts] of Object.entries(expectations)) {
      const page = await request(foro.url).get(`/events/cuenca-2008?lang=${lang}`);
      expect(page.status).to.equal(200);
      for (const text of texts) expect(page.text, `${lang}: ${text}`).to.contain(text);
      expect(page.text, 'the zone as people say it, not its identifier').to.not.contain('America/Guayaquil');
    }
    const home = await request(foro.url).get('/?lang=pt');
    expect(home.text).to.contain('href="/events/cuenca-2008"');

    await setEventStatus(event.id, 'archived', actor, foro.clock);
    const archived = await request(foro.url).get('/events/cuenca-2008?lang=en');
    expect(archived.status).to.equal(200);
    expect(archived.text).to.contain('This event is archived');
  });

  it('names the right person in the audit trail for a UI change and an API change', async () => {
    const organizer = await signedIn('organizer');
    const event = await createTestEvent({}, organizer.actor);
    const token = await csrfFor(organizer.agent, `/admin/events/${event.id}`);
    await organizer.agent
      .post(`/admin/events/${event.id}/status`)
      .type('form')
      .send({ _csrf: token, status: 'published' });

    const admin = await signedIn('admin');
    const adminToken = await csrfFor(admin.agent, '/admin/tokens');
    const created = await admin.agent
      .post('/admin/tokens')
      .type('form')
      .send({ _csrf: adminToken, name: 'Integración SEGIB', userId: admin.user.id });
    const secret = /value="(foro_[^"]+)"/.exec(created.text)?.[1];
    expect(secret).to.match(/^foro_[A-Za-z0-9_-]{43}$/);
    const patched = await request(foro.url)
      .patch(`/api/v1/events/${event.id}`)
      .set('Authorization', `Bearer ${secret}`)
      .send({ endDate: '2008-04-12' });
    expect(patched.status).to.equal(200);
    expect(patched.body.endDate).to.equal('2008-04-12');

    const history = await request(foro.url)
      .get(`/api/v1/events/${event.id}/history`)
      .set('Authorization', `Bearer ${secret}`);
    const byAction = Object.fromEntries(
      history.body.map((entry: { action: string }) => [entry.action, entry]),
    );
    expect(byAction['event.published'].actor).to.include({
      label: organizer.user.email,
      via: 'ui',
      userId: organizer.user.id,
    });
    expect(byAction['event.updated'].actor).to.include({ via: 'api', userId: admin.user.id });
    expect(byAction['event.updated'].actor.label).to.contain('Integración SEGIB');
    expect(byAction['event.updated'].changes).to.deep.equal([
      { field: 'endDate', from: '2008-04-11', to: '2008-04-12' },
    ]);
    const overview = await organizer.agent.get(`/admin/events/${event.id}`);
    expect(overview.text, 'titled by the event, not its slug').to.contain(
      `<title>${event.title.es} · Foro</title>`,
    );
    const page = await organizer.agent.get(`/admin/events/${event.id}/settings`);
    expect(page.text).to.contain('<dd>hora de Guayaquil (GMT-5)</dd>');
    expect(page.text, 'a sentence with the name, not the account address').to.contain(
      `${admin.user.name} modificó el evento.`,
    );
    expect(page.text).to.contain('Último día: 11 de abril de 2008 → 12 de abril de 2008');
    expect(page.text).to.contain(`${organizer.user.name} publicó el evento.`);
    expect(page.text).to.not.contain('event.updated');
    expect(await AuditEntry.countDocuments({ subjectId: event.id })).to.be.at.least(4);
  });
});
