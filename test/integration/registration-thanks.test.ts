import { expect } from 'chai';
import request from 'supertest';
import { RateLimitHit } from '../../src/modules/limits/hit.model.js';
import { Message } from '../../src/modules/messaging/index.js';
import { Registration, saveRegistrationRules } from '../../src/modules/registrations/index.js';
import { createPublishedEvent } from '../factories/events.js';
import { registrationForm } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfFor, csrfTokenIn, signedInAs } from '../support/http.js';

describe('registrations: the page after the form', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, { env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000' } });

  async function event(rules?: Parameters<typeof saveRegistrationRules>[1]) {
    const organizer = await signedInAs(foro.url, 'organizer');
    const created = await createPublishedEvent({}, organizer.actor);
    if (rules) await saveRegistrationRules(created.id, rules, foro.clock);
    return { organizer, event: created };
  }

  /** A browser that opens the form and sends it; then the page it is sent on to. */
  async function register(slug: string, fields: Record<string, unknown>, lang = 'es') {
    const agent = browserAgent(foro.url);
    const csrf = csrfTokenIn((await agent.get(`/events/${slug}/register?lang=${lang}`)).text);
    const sent = await agent
      .post(`/events/${slug}/register?lang=${lang}`)
      .type('form')
      .send({ _csrf: csrf, ...fields });
    expect(sent.status, sent.text.slice(0, 300)).to.equal(303);
    const location = sent.headers['location'] as string;
    return { agent, location, page: await agent.get(location) };
  }

  const resend = (agent: ReturnType<typeof browserAgent>, slug: string, page: string) =>
    agent
      .post(`/events/${slug}/register/thanks/resend?lang=es`)
      .type('form')
      .send({ _csrf: csrfTokenIn(page), ref: /name="ref" value="([^"]+)"/.exec(page)![1] });

  it('tells the sender their registration is confirmed, what they sent, where the mail went, and nothing not yet ready', async () => {
    const { organizer, event: e } = await event();
    const { agent, location, page } = await register(
      e.slug,
      registrationForm({
        givenName: 'Beatriz',
        familyName: 'Nascimento',
        email: 'beatriz@ibge.example',
        organization: 'IBGE',
        country: 'BR',
        category: 'academia',
      }),
    );
    expect(location).to.match(new RegExp(`^/events/${e.slug}/register/thanks\\?lang=es&ref=`));
    expect(location, 'the registration is not named by its id alone').to.match(
      /ref=[a-f0-9]{24}\.1\.[0-9a-z]+\.\S{43}$/,
    );
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Su inscripción está confirmada.');
    expect(page.text)
      .to.contain('Beatriz Nascimento')
      .and.contain('IBGE')
      .and.contain('Academia')
      .and.contain('Brasil');
    expect(page.text).to.contain('Enviamos «Inscripción confirmada');
    expect(page.text).to.contain('b•••@ibge.example');
    expect(page.text, 'the address is masked').not.to.contain('beatriz@ibge.example');
    // No programme published yet: no download is offered, the page says when they come.
    expect(page.text).not.to.contain('programme.pdf').and.not.to.contain('calendar.ics');
    expect(page.text).to.contain('aparecerán en su enlace privado cuando se publique el programa');

    // Once a programme is published, the sender's own programme and calendar are there.
    const api = `/api/v1/events/${e.id}`;
    await organizer.agent.post(`${api}/sessions`).send({
      type: 'plenary',
      title: { es: 'Apertura' },
      roomId: e.rooms[0]!.id,
      date: '2008-04-10',
      start: '09:00',
      end: '10:00',
    });
    expect((await organizer.agent.post(`${api}/versions`).send({})).status).to.equal(201);
    const later = await agent.get(location);
    expect(later.text).to.match(/\/people\/[a-f0-9]{24}\/[A-Za-z0-9_-]{43}\/programme\.pdf\?lang=es/);
    expect(later.text).to.match(/\/people\/[a-f0-9]{24}\/[A-Za-z0-9_-]{43}\/calendar\.ics/);
    expect(later.text).not.to.contain('certificate.pdf');
  });

  it('gives someone on the waiting list their position, counted in the line they stand in', async () => {
    // Categories full, the event not: each category is its own line.
    const { event: byCategory } = await event({
      categories: [
        { key: 'academia', capacity: 1, approval: false },
        { key: 'civil_society', capacity: 1, approval: false },
      ],
    });
    const form = (category: string) => registrationForm({ category });
    await register(byCategory.slug, form('academia'));
    const academia2 = await register(byCategory.slug, form('academia'));
    const academia3 = await register(byCategory.slug, form('academia'));
    await register(byCategory.slug, form('civil_society'));
    const civil2 = await register(byCategory.slug, form('civil_society'));
    expect(academia2.page.text).to.contain('Está en la lista de espera, en el puesto 1.');
    expect(academia3.page.text).to.contain('en el puesto 2.');
    expect(civil2.page.text, 'the academics waiting are in another line').to.contain('en el puesto 1.');

    // The event full: everyone who waits is in one line, whatever their category.
    const { event: full } = await event({ capacity: 1, categories: [] });
    await register(full.slug, form('academia'));
    await register(full.slug, form('academia'));
    const third = await register(full.slug, form('civil_society'), 'en');
    expect(third.page.text).to.contain('You are on the waiting list, in position 2.');
    // Someone ahead leaves the line: the position follows.
    const first = await Registration.findOne({ eventId: full.id, status: 'waitlisted' }).sort({ arrival: 1 });
    await Registration.updateOne({ _id: first!._id }, { $set: { status: 'cancelled' } });
    expect((await third.agent.get(third.location)).text).to.contain('in position 1.');
  });

  it('says a registration awaits approval, in the sender’s language', async () => {
    const { event: e } = await event({ categories: [{ key: 'media', approval: true }] });
    const { page } = await register(e.slug, registrationForm({ category: 'media', language: 'pt' }), 'pt');
    expect(page.text).to.contain('Sua inscrição aguarda a aprovação da equipe organizadora.');
    expect(page.text).to.contain('Imprensa');
    expect(page.text).to.contain('Enviamos “Inscrição recebida');
  });

  it('shows another browser nothing of someone’s registration, and someone who typed a registered address only where the mail went', async () => {
    const { event: e } = await event();
    const fields = registrationForm({
      givenName: 'Rosa',
      familyName: 'Quispe',
      email: 'rosa@flacso.example',
    });
    const owner = await register(e.slug, fields);
    expect(owner.page.text).to.contain('Rosa Quispe');

    // The same address, opened without the sender's session: with none, or with another.
    const stranger = await request(foro.url).get(owner.location);
    const other = browserAgent(foro.url);
    await csrfFor(other, `/events/${e.slug}/register`);
    const otherSession = await other.get(owner.location);
    for (const res of [stranger, otherSession]) {
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('Hemos recibido su envío.');
      expect(res.text).not.to.contain('Rosa').and.not.to.contain('confirmada').and.not.to.contain('r•••');
      expect(res.text).not.to.contain('name="ref"');
    }
    // A receipt altered to say "own", or from another session, opens nothing either.
    const forged = owner.location.replace(/\.1\./, '.0.');
    expect((await owner.agent.get(forged)).text).not.to.contain('Rosa');

    // Someone else types Rosa's address: no status, no summary, only that her mail went to her.
    const typist = await register(e.slug, { ...fields, givenName: 'Otra', familyName: 'Persona' });
    expect(typist.location).to.match(/ref=[a-f0-9]{24}\.0\./);
    expect(typist.page.text)
      .to.contain('Esta dirección ya tenía una inscripción')
      .and.contain('r•••@flacso.example');
    expect(typist.page.text)
      .not.to.contain('Rosa')
      .and.not.to.contain('confirmada')
      .and.not.to.contain('Lo que envió');
    expect(await Registration.countDocuments({ eventId: e.id })).to.equal(1);

    // The sender sending the form again from the same browser still sees their registration.
    const csrf = csrfTokenIn((await owner.agent.get(`/events/${e.slug}/register`)).text);
    const again = await owner.agent
      .post(`/events/${e.slug}/register?lang=es`)
      .type('form')
      .send({ _csrf: csrf, ...fields });
    expect((await owner.agent.get(again.headers['location'] as string)).text).to.contain(
      'Su inscripción está confirmada.',
    );
  });

  it('shows the sender of a double click their registration after both forms', async () => {
    const { event: e } = await event();
    const agent = browserAgent(foro.url);
    const csrf = csrfTokenIn((await agent.get(`/events/${e.slug}/register`)).text);
    const fields = { _csrf: csrf, ...registrationForm({ email: 'doble@example.org' }) };
    const sent = await Promise.all(
      [1, 2].map(() => agent.post(`/events/${e.slug}/register`).type('form').send(fields)),
    );
    expect(await Registration.countDocuments({ eventId: e.id })).to.equal(1);
    for (const res of sent) {
      expect(res.headers['location']).to.match(/ref=[a-f0-9]{24}\.1\./);
      expect((await agent.get(res.headers['location'] as string)).text).to.match(
        /Su inscripción está confirmada/,
      );
    }
  });

  it('mails the private link again once per press, three times an hour, counted in the database', async () => {
    const { event: e } = await event();
    const { agent, page } = await register(e.slug, registrationForm({ email: 'ana@ibge.example' }));
    const registration = await Registration.findOne({ eventId: e.id }).lean();
    const linkMails = () =>
      Message.find({
        template: 'registration.link',
        relatedKeys: `registration:${String(registration!._id)}`,
      }).lean();

    // Another browser holding the page's form sends nothing.
    const other = browserAgent(foro.url);
    const otherCsrf = await csrfFor(other, `/events/${e.slug}/register`);
    const ref = /name="ref" value="([^"]+)"/.exec(page.text)![1]!;
    const refused = await other
      .post(`/events/${e.slug}/register/thanks/resend`)
      .type('form')
      .send({ _csrf: otherCsrf, ref });
    expect(refused.status).to.equal(303);
    expect(refused.headers['location']).not.to.contain('ref=');
    expect(await linkMails()).to.have.length(0);

    for (let press = 1; press <= 3; press++) {
      const res = await resend(agent, e.slug, page.text);
      expect(res.status).to.equal(303);
      expect(res.headers['location']).to.contain('resent=1');
      expect(await linkMails(), `press ${press}`).to.have.length(press);
      const shown = await agent.get(res.headers['location'] as string);
      expect(shown.text).to.contain(
        'Le enviamos de nuevo el mensaje con su enlace privado a a•••@ibge.example.',
      );
    }
    const mails = await linkMails();
    expect(mails.every((m) => m.to[0]!.email === 'ana@ibge.example')).to.equal(true);
    expect(mails[0]!.text).to.match(/\/registrations\/[A-Za-z0-9_-]{43}/);

    const limited = await resend(agent, e.slug, page.text);
    expect(limited.status).to.equal(429);
    expect(Number(limited.headers['retry-after'])).to.be.greaterThan(0);
    expect(limited.text).to.contain('Ya se reenvió el mensaje 3 veces en esta hora').and.contain('(GMT-5)');
    expect(await linkMails()).to.have.length(3);
    // The count lives in the database, where every Foro process takes its slots.
    expect(
      await RateLimitHit.countDocuments({ key: `registration-link-resend:${String(registration!._id)}` }),
    ).to.equal(3);

    // The next hour the button works again (the receipt itself lasts two hours).
    foro.clock.advance(61 * 60_000);
    expect((await resend(agent, e.slug, page.text)).status).to.equal(303);
    expect(await linkMails()).to.have.length(4);
  });
});
