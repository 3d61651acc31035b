import { expect } from 'chai';
import request from 'supertest';
import { Message } from '../../src/modules/messaging/index.js';
import { Registration, saveRegistrationRules, scopes } from '../../src/modules/registrations/index.js';
import { Seat } from '../../src/modules/registrations/places/seat.model.js';
import { PassportData } from '../../src/modules/registrations/registration.model.js';
import { AuditEntry } from '../../src/modules/audit/audit.model.js';
import { runNpm } from '../support/npm.js';
import { createPublishedEvent } from '../factories/events.js';
import { registrationForm } from '../factories/registrations.js';
import { createPanel } from '../factories/invitations.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfFor, csrfTokenIn, signedInAs } from '../support/http.js';

describe('registrations: the public form, approval, self-service', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, { env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000' } });

  async function event(rules?: Parameters<typeof saveRegistrationRules>[1]) {
    const organizer = await signedInAs(foro.url, 'organizer');
    const created = await createPublishedEvent({}, organizer.actor);
    if (rules) await saveRegistrationRules(created.id, rules, foro.clock);
    return { organizer, event: created };
  }

  async function submit(slug: string, fields: Record<string, unknown>, lang = 'es') {
    const agent = browserAgent(foro.url);
    const csrf = await csrfFor(agent, `/login?lang=${lang}`);
    return agent
      .post(`/events/${slug}/register?lang=${lang}`)
      .type('form')
      .send({ _csrf: csrf, ...fields });
  }

  const manageLink = (text: string) => /\/registrations\/([A-Za-z0-9_-]{43})/.exec(text)![1]!;

  it('registers in Portuguese, confirms at once where no approval is needed, and mails the private link', async () => {
    const { event: e } = await event();
    const res = await submit(
      e.slug,
      registrationForm({ language: 'pt', email: 'Ana.Lima@Example.org' }),
      'pt',
    );
    expect(res.status).to.equal(303);
    const thanks = await request(foro.url).get(res.headers['location'] as string);
    expect(thanks.text).to.include('Recebemos seu envio');
    const [registration] = await Registration.find({ eventId: e.id }).lean();
    expect(registration!.status).to.equal('confirmed');
    const [mail] = await Message.find({ template: 'registration.confirmed' }).lean();
    expect(mail!.to[0]!.email, 'email compared without case').to.equal('ana.lima@example.org');
    expect(mail!.subject).to.match(/^Inscrição confirmada/);
    const page = await request(foro.url).get(`/registrations/${manageLink(mail!.text)}`);
    expect(page.status).to.equal(200);
    expect(page.text).to.include('Confirmada');
  });

  it('keeps what was typed and names each bad field in the chosen language', async () => {
    const { event: e } = await event();
    const res = await submit(
      e.slug,
      registrationForm({
        email: 'not-an-email',
        givenName: '',
        privacyConsent: undefined,
        diet: 'Sin gluten',
      }),
      'en',
    );
    expect(res.status).to.equal(422);
    expect(res.text).to.include('There is a problem');
    expect(res.text).to.include('Enter your given name.');
    expect(res.text).to.include('value="not-an-email"');
    expect(res.text).to.include('Sin gluten');
    const bot = await submit(e.slug, registrationForm({ website: 'http://spam.example' }));
    expect(bot.status, 'the honeypot').to.equal(422);
    expect(await Registration.countDocuments({})).to.equal(0);
  });

  it('gives one registration for one email sent twice at once (a double click), and one mail with the owner’s link', async () => {
    const { event: e } = await event();
    const fields = registrationForm({ email: 'doble@example.org' });
    const results = await Promise.all([
      submit(e.slug, fields),
      submit(e.slug, { ...fields, email: 'DOBLE@example.org' }),
    ]);
    expect(results.map((r) => r.status)).to.deep.equal([303, 303]);
    for (const res of results) expect(res.headers['location']).to.match(/\/register\/thanks\?lang=es&ref=/);
    expect(await Registration.countDocuments({ eventId: e.id })).to.equal(1);
    // The form that lost the race says nothing more: the first one's mail carries the link.
    const mails = await Message.find({ 'to.email': 'doble@example.org' }).lean();
    expect(mails.map((m) => m.template)).to.deep.equal(['registration.confirmed']);
    expect(mails[0]!.text).to.match(/\/registrations\/[A-Za-z0-9_-]{43}/);

    // Sent again later, the form mails the owner their link instead of registering twice.
    expect((await submit(e.slug, fields)).status).to.equal(303);
    expect(await Registration.countDocuments({ eventId: e.id })).to.equal(1);
    expect(await Message.countDocuments({ template: 'registration.link' })).to.equal(1);
  });

  it('moderates categories that need approval, and refuses to approve beyond capacity', async () => {
    const { organizer, event: e } = await event({
      categories: [{ key: 'media', capacity: 1, approval: true }],
    });
    await submit(e.slug, registrationForm({ category: 'media', email: 'prensa1@example.org' }));
    await submit(e.slug, registrationForm({ category: 'media', email: 'prensa2@example.org' }));
    const pending = await Registration.find({ eventId: e.id }).sort({ arrival: 1 }).lean();
    expect(pending.map((r) => r.status)).to.deep.equal(['pending', 'pending']);
    expect(await Message.countDocuments({ template: 'registration.received' })).to.equal(2);

    const list = await organizer.agent.get(`/admin/events/${e.id}/registrations`);
    const decide = (id: string) =>
      organizer.agent
        .post(`/admin/events/${e.id}/registrations/decisions`)
        .type('form')
        .send({ _csrf: csrfTokenIn(list.text), ids: id, decision: 'approve' });
    expect((await decide(String(pending[0]!._id))).status).to.equal(303);
    const full = await decide(String(pending[1]!._id));
    expect(full.status).to.equal(409);
    expect(full.text).to.include('No quedan plazas');
    expect((await Registration.findById(pending[1]!._id).lean())!.status).to.equal('pending');
  });

  it('shows viewers the registrations without contact details, and passport data to admins only', async () => {
    const { event: e } = await event();
    await submit(
      e.slug,
      registrationForm({
        email: 'visa@example.org',
        visaLetter: 'yes',
        nationality: 'HT',
        passportNumber: 'PP1234567',
        dateOfBirth: '1980-05-01',
      }),
    );
    const registration = await Registration.findOne({}).lean();
    const viewer = await signedInAs(foro.url, 'viewer');
    const seen = await viewer.agent.get(`/admin/events/${e.id}/registrations`);
    expect(seen.status).to.equal(200);
    expect(seen.text).not.to.include('visa@example.org');
    expect(seen.text).not.to.include('PP1234567');
    const organizer = await signedInAs(foro.url, 'organizer');
    const passportPath = `/admin/events/${e.id}/registrations/${String(registration!._id)}/passport`;
    expect((await organizer.agent.get(passportPath)).status).to.equal(403);
    const admin = await signedInAs(foro.url, 'admin');
    const list = await admin.agent.get(`/admin/events/${e.id}/registrations`);
    expect(list.text).to.include('visa@example.org');
    expect(list.text, 'never in lists').not.to.include('PP1234567');
    expect((await admin.agent.get(passportPath)).text).to.include('PP1234567');
  });

  it('answers a closed registration with a clear message in each language', async () => {
    const { event: e } = await event({ closesOn: '2008-03-01', categories: [] });
    const form = await request(foro.url).get(`/events/${e.slug}/register?lang=pt`);
    expect(form.text).to.include('As inscrições para este evento não estão abertas');
    expect(form.text, 'the page names the event').to.include(
      `<title>Inscrição · ${e.title.pt} · Foro</title>`,
    );
    expect(form.text).to.include('<h1>Inscrição</h1>');
    const res = await submit(e.slug, registrationForm(), 'en');
    expect(res.status).to.equal(409);
    expect(res.text).to.include('Registration for this event is not open');
  });

  it('lets the person update their needs and cancel through the link, which frees the place for the next in line', async () => {
    const { event: e } = await event({ capacity: 1, categories: [] });
    await submit(e.slug, registrationForm({ email: 'first@example.org' }));
    await submit(e.slug, registrationForm({ email: 'second@example.org' }));
    const [first, second] = await Registration.find({ eventId: e.id }).sort({ arrival: 1 }).lean();
    expect([first!.status, second!.status]).to.deep.equal(['confirmed', 'waitlisted']);
    const mail = await Message.findOne({ template: 'registration.confirmed' }).lean();
    const token = manageLink(mail!.text);
    const agent = browserAgent(foro.url);
    const page = await agent.get(`/registrations/${token}`);
    const saved = await agent
      .post(`/registrations/${token}`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), diet: 'Vegana', arrivalDate: '2008-04-09' });
    expect(saved.status).to.equal(303);
    expect((await Registration.findById(first!._id).lean())!.needs?.diet).to.equal('Vegana');
    const asked = await agent
      .post(`/registrations/${token}/cancel`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text) });
    expect(asked.status, 'a page that asks first').to.equal(200);
    expect(asked.text).to.include('¿Cancelar su inscripción?').and.include('name="confirmed" value="yes"');
    expect((await Registration.findById(first!._id).lean())!.status, 'nothing done yet').to.equal(
      'confirmed',
    );
    const cancelled = await agent
      .post(`/registrations/${token}/cancel`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page.text), confirmed: 'yes' });
    expect(cancelled.status).to.equal(303);
    expect((await Registration.findById(first!._id).lean())!.status).to.equal('cancelled');
    expect((await Registration.findById(second!._id).lean())!.status).to.equal('confirmed');
    expect(await Message.countDocuments({ template: 'registration.promoted' })).to.equal(1);
    expect(await Seat.countDocuments({ scope: scopes.event(e.id) })).to.equal(1);

    await submit(e.slug, registrationForm({ email: 'first@example.org' }));
    const again = await Registration.findById(first!._id).lean();
    expect(again!.status, 'the same registration, reactivated, at the back of the line').to.equal(
      'waitlisted',
    );
    expect(await Registration.countDocuments({ eventId: e.id })).to.equal(2);
  });

  it('erases passport and travel data after the retention period, from the admin button or npm run privacy:purge', async () => {
    const { event: e } = await event();
    await submit(
      e.slug,
      registrationForm({
        email: 'visa2@example.org',
        visaLetter: 'yes',
        nationality: 'HT',
        passportNumber: 'PP7654321',
        dateOfBirth: '1980-05-01',
        hotel: 'Hotel Crespo',
      }),
    );
    const admin = await signedInAs(foro.url, 'admin');
    const settings = await admin.agent.get(`/admin/events/${e.id}/registrations/settings`);
    const purge = () =>
      admin.agent
        .post(`/admin/events/${e.id}/registrations/purge`)
        .type('form')
        .send({ _csrf: csrfTokenIn(settings.text), confirmed: 'yes' });
    expect((await purge()).status, 'not before the retention period').to.equal(409);
    foro.clock.set('2008-07-15T12:00:00Z');
    try {
      expect((await purge()).status).to.equal(303);
    } finally {
      foro.clock.set('2008-04-01T12:00:00Z');
    }
    expect(await PassportData.countDocuments({})).to.equal(0);
    const registration = await Registration.findOne({ eventId: e.id }).lean();
    expect(registration!.travel?.hotel).to.equal(undefined);
    const history = await AuditEntry.find({ action: 'privacy.purged' }).lean();
    expect(history).to.have.length(1);

    await submit(
      e.slug,
      registrationForm({
        email: 'visa3@example.org',
        visaLetter: 'yes',
        nationality: 'HT',
        passportNumber: 'PP1',
        dateOfBirth: '1990-01-01',
      }),
    );
    const run = await runNpm(import.meta.url, 'privacy:purge', []);
    expect(run.code, run.stderr).to.equal(0);
    expect(run.stdout).to.include(`${e.slug}: 1 passport records`);
    expect(await PassportData.countDocuments({})).to.equal(0);
  });

  it('lists in public only the confirmed people who agreed to appear, without contact details', async () => {
    const { event: e } = await event();
    await submit(
      e.slug,
      registrationForm({ givenName: 'Visible', email: 'visible@example.org', consentToList: 'yes' }),
    );
    await submit(e.slug, registrationForm({ givenName: 'Discreta', email: 'discreta@example.org' }));
    const list = await request(foro.url).get(`/events/${e.slug}/participants`);
    expect(list.status).to.equal(200);
    expect(list.text).to.include('Visible');
    expect(list.text).not.to.include('Discreta');
    expect(list.text).not.to.include('visible@example.org');
  });

  it('registers a person confirmed in the programme by an organizer as a programme participant, outside capacity', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event: e, session, assignments, people } = await createPanel(organizer.actor);
    await saveRegistrationRules(e.id, { capacity: 0, categories: [] }, foro.clock);
    const res = await organizer.agent
      .patch(`/api/v1/events/${e.id}/sessions/${session.id}/assignments/${assignments.chair.id}`)
      .send({ status: 'confirmed' });
    expect(res.status).to.equal(200);
    const registration = await Registration.findOne({ personId: people.chair.id }).lean();
    expect(registration).to.include({ category: 'programme_participant', status: 'confirmed' });
  });
});
