import { expect } from 'chai';
import { Message } from '../../src/modules/messaging/index.js';
import { Delegation } from '../../src/modules/registrations/delegations/delegation.model.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { createFocalPoint, inviteDelegation, LUIS_VEGA, ROSA_QUISPE } from '../factories/delegations.js';
import { createPublishedEvent } from '../factories/events.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfTokenIn, signedInAs } from '../support/http.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('nominations: the focal point’s steps and the organizers’ delegation page', function () {
  this.timeout(90_000);
  const foro = useTestForo(import.meta.url, {
    env: { REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000', LINK_RATE_LIMIT_PER_ADDRESS: '1000' },
  });

  async function forum() {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ countries: ['EC', 'PE', 'DO', 'CU'] }, organizer.actor);
    const pe = await createFocalPoint('PE', 'es', ROSA_QUISPE);
    const ec = await createFocalPoint('EC', 'en', LUIS_VEGA);
    return { organizer, event, pe, ec };
  }

  async function invite(country: 'PE' | 'EC', quota: number) {
    const f = await forum();
    const contact = country === 'PE' ? f.pe : f.ec;
    const { token, delegationId } = await inviteDelegation(f.organizer.agent, f.event.id, contact, quota);
    const focal = browserAgent(foro.url);
    const csrf = csrfTokenIn((await focal.get(`/nominations/${token}`)).text);
    const name = (fields: Record<string, string>) =>
      focal
        .post(`/nominations/${token}/members`)
        .type('form')
        .send({ _csrf: csrf, ...fields });
    return { ...f, delegationId, token, focal, csrf, name };
  }

  it('refuses a focal point of another country in the form, keeping what was typed and writing nothing', async () => {
    const { organizer, event, pe, ec } = await forum();
    const list = await organizer.agent.get(`/admin/events/${event.id}/delegations`);
    // Countries in Spanish order, not by code: Cuba, Ecuador, Perú, República Dominicana.
    expect([...list.text.matchAll(/<tr data-country="(\w\w)">/g)].map((m) => m[1])).to.deep.equal([
      'CU',
      'EC',
      'PE',
      'DO',
    ]);
    const sent = await organizer.agent
      .post(`/admin/events/${event.id}/delegations`)
      .type('form')
      .send({ _csrf: csrfTokenIn(list.text), country: 'EC', contactId: pe.id, quota: '4' });
    expect(sent.status).to.equal(422);
    expect(sent.text).to.contain(
      'Rosa Quispe es punto focal de Perú, no de Ecuador. Elija un punto focal de Ecuador o cambie el país.',
    );
    expect(sent.text).to.not.contain('No existe un registro');
    const select = /<select id="contactId"[^>]*>(.*?)<\/select>/s.exec(sent.text)![1]!;
    expect(select, 'only Ecuador’s focal points are offered now').to.contain(ec.id).and.not.contain(pe.id);
    expect(sent.text).to.match(/<option value="EC" selected>Ecuador<\/option>/);
    expect(sent.text).to.contain('value="4"');
    expect(await Delegation.countDocuments({ eventId: event.id })).to.equal(0);
    expect(await Message.countDocuments({})).to.equal(0);

    const filtered = await organizer.agent.get(`/admin/events/${event.id}/delegations?country=PE`);
    const offered = /<select id="contactId"[^>]*>(.*?)<\/select>/s.exec(filtered.text)![1]!;
    expect(offered).to.contain(pe.id).and.not.contain(ec.id);
  });

  it('shows the deadline, the quota and each role, names one head, and says at the quota that it is full', async () => {
    const { token, focal, name } = await invite('PE', 3);
    const page = await focal.get(`/nominations/${token}`);
    expect(page.text)
      .to.contain('Plazo para designar')
      .and.match(/id="deadline">[^<]*2008[^<]*\(/);
    expect(page.text).to.contain('Designados: 0 de 3');
    expect(page.text).to.contain('<option value="alternate">Suplente</option>');

    const added = await name({
      givenName: 'Ana',
      familyName: 'Pérez',
      email: 'ana@rree.pe.example',
      role: 'head',
    });
    expect(added.status).to.equal(303);
    const after = await focal.get(String(added.headers['location']));
    expect(after.text).to.contain('Ana Pérez figura ahora en la delegación como Jefe/a de delegación.');
    const second = await name({
      givenName: 'Otro',
      familyName: 'Jefe',
      email: 'otro@rree.pe.example',
      role: 'head',
    });
    expect(second.status).to.equal(422);
    expect(second.text).to.contain('La delegación ya tiene jefe/a: Ana Pérez.');
    expect(second.text, 'what was typed stays').to.contain('value="otro@rree.pe.example"');
    for (const [who, role] of [
      ['Beto', 'alternate'],
      ['Carla', 'adviser'],
    ] as const)
      expect(
        (await name({ givenName: who, familyName: 'Delegado', email: `${who}@rree.pe.example`, role }))
          .status,
      ).to.equal(303);
    const full = await focal.get(`/nominations/${token}`);
    expect(full.text)
      .to.contain('Designados: 3 de 3')
      .and.contain('Ha designado a todas las personas que permite el cupo (3)');
    expect(full.text).to.not.contain('action="/nominations/' + token + '/members"');
    const roles = [
      ...full.text.matchAll(/<td data-label="Función">(Jefe\/a de delegación|Suplente|Asesor\/a|Miembro)/g),
    ].map((m) => m[1]);
    expect(roles).to.deep.equal(['Jefe/a de delegación', 'Suplente', 'Asesor/a']);

    const mail = await Message.findOne({
      template: 'registration.nominee',
      'to.email': 'ana@rree.pe.example',
    }).lean();
    expect(mail!.subject).to.match(/^Su designación en la delegación de Perú: Foro de prueba/);
    expect(mail!.text)
      .to.contain('El punto focal de su país le ha designado en la delegación')
      .and.contain('País: Perú')
      .and.contain('Función en la delegación: Jefe/a de delegación')
      .and.contain('Estado de su inscripción: Pendiente');
  });

  it('sends the nomination after a confirmation: a summary to the focal point and the team, once', async () => {
    const { organizer, token, focal, csrf, name, delegationId } = await invite('PE', 3);
    await name({ givenName: 'Ana', familyName: 'Pérez', email: 'ana@rree.pe.example', role: 'head' });
    const send = (confirmed?: 'yes') =>
      focal
        .post(`/nominations/${token}/send`)
        .type('form')
        .send({ _csrf: csrf, ...(confirmed && { confirmed }) });
    const asked = await send();
    expect(asked.status).to.equal(200);
    expect(asked.text)
      .to.contain('¿Enviar la designación de Perú?')
      .and.contain('Todavía no ha subido la nota oficial.');
    expect(await Message.countDocuments({ template: 'registration.nominationSent' })).to.equal(0);

    const results = await Promise.all([send('yes'), send('yes')]);
    expect(results.map((r) => r.status)).to.deep.equal([303, 303]);
    const summaries = await Message.find({ template: 'registration.nominationSent' }).lean();
    expect(summaries.map((m) => m.to[0]!.email).sort()).to.deep.equal(
      [organizer.user.email, 'rosa@rree.pe.example'].sort(),
    );
    const toFocal = summaries.find((m) => m.to[0]!.email === 'rosa@rree.pe.example')!;
    expect(toFocal.subject).to.match(/^Designación enviada: delegación de Perú al /);
    expect(toFocal.text)
      .to.contain('(cupo: 1 de 3)')
      .and.contain('- Ana Pérez — Jefe/a de delegación (Pendiente)')
      .and.contain('Nota oficial: todavía no se ha subido')
      .and.contain(`/nominations/${token}`);
    const toTeam = summaries.find((m) => m.to[0]!.email === organizer.user.email)!;
    expect(toTeam.text).to.contain(`/admin/events/`).and.contain(`/delegations/${delegationId}`);
    expect((await Delegation.findById(delegationId).lean())!.submittedAt).to.be.instanceOf(Date);

    const again = await send('yes');
    expect((await focal.get(String(again.headers['location']))).text).to.contain(
      'ya se había enviado tal como está',
    );
    expect(await Message.countDocuments({ template: 'registration.nominationSent' })).to.equal(2);

    await focal
      .post(`/nominations/${token}/note?_csrf=${encodeURIComponent(csrf)}`)
      .attach('note', PDF, 'Nota 45.pdf')
      .expect(303);
    const changed = await focal.get(`/nominations/${token}`);
    expect(changed.text).to.contain('La delegación cambió después del último envío');
    await send('yes').expect(303);
    expect(await Message.countDocuments({ template: 'registration.nominationSent' })).to.equal(4);
  });

  it('writes the nomination, nominee and summary mails in es, pt and en with the country, role and status', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ countries: ['BR', 'ES', 'PE'] }, organizer.actor);
    const cases = [
      { language: 'es', country: 'PE', name: 'Perú', role: 'Suplente', status: 'Pendiente' },
      { language: 'pt', country: 'BR', name: 'Brasil', role: 'Assessor/a', status: 'Pendente' },
      { language: 'en', country: 'ES', name: 'Spain', role: 'Head of delegation', status: 'Pending' },
    ] as const;
    const roleOf = { es: 'alternate', pt: 'adviser', en: 'head' } as const;
    for (const c of cases) {
      const contact = await createFocalPoint(c.country, c.language, { name: `Punto ${c.country}` });
      const { token } = await inviteDelegation(organizer.agent, event.id, contact, 2);
      const invitation = (await Message.findOne({ 'to.email': contact.email }).lean())!;
      expect(invitation.locale).to.equal(c.language);
      expect(invitation.subject, c.language).to.contain(c.name);
      expect(invitation.text, c.language)
        .to.contain(c.name)
        .and.not.match(/\{\{|de :|of :/);
      const focal = browserAgent(foro.url);
      const csrf = csrfTokenIn((await focal.get(`/nominations/${token}?lang=${c.language}`)).text);
      await focal
        .post(`/nominations/${token}/members`)
        .type('form')
        .send({
          _csrf: csrf,
          givenName: 'Nome',
          familyName: c.country,
          email: `delegado@${c.country.toLowerCase()}.example`,
          role: roleOf[c.language],
          language: c.language,
        })
        .expect(303);
      const nominee = (await Message.findOne({
        template: 'registration.nominee',
        'to.email': `delegado@${c.country.toLowerCase()}.example`,
      }).lean())!;
      expect(nominee.locale).to.equal(c.language);
      expect(nominee.subject, c.language).to.contain(c.name);
      expect(nominee.text, c.language)
        .to.contain(`${c.name}`)
        .and.contain(c.role)
        .and.contain(c.status)
        .and.not.match(/\{\{|de :|of :|: $/m);
      await focal
        .post(`/nominations/${token}/send`)
        .type('form')
        .send({ _csrf: csrf, confirmed: 'yes' })
        .expect(303);
      const summary = (await Message.findOne({
        template: 'registration.nominationSent',
        'to.email': contact!.email,
      }).lean())!;
      expect(summary.locale).to.equal(c.language);
      expect(summary.text, c.language).to.contain(c.name).and.contain(`— ${c.role} (${c.status})`);
    }
    const english = (await Message.findOne({ template: 'registration.nominee', locale: 'en' }).lean())!;
    expect(english.text)
      .to.contain('The focal point of your country has nominated you to its delegation')
      .and.contain('Country: Spain')
      .and.contain('Role in the delegation: Head of delegation')
      .and.contain('Status of your registration: Pending');
    const portuguese = (await Message.findOne({ template: 'registration.nominee', locale: 'pt' }).lean())!;
    expect(portuguese.text)
      .to.contain('O ponto focal do seu país designou você para a delegação')
      .and.contain('País: Brasil')
      .and.contain('Função na delegação: Assessor/a')
      .and.contain('Situação da sua inscrição: Pendente');
  });

  it('opens each delegation to its members, note and history, with addresses for the team only', async () => {
    const { organizer, event, token, focal, csrf, name, delegationId } = await invite('PE', 2);
    await name({ givenName: 'Ana', familyName: 'Pérez', email: 'ana@rree.pe.example', role: 'head' });
    await focal
      .post(`/nominations/${token}/note?_csrf=${encodeURIComponent(csrf)}`)
      .attach('note', PDF, 'Nota 45.pdf')
      .expect(303);
    const path = `/admin/events/${event.id}/delegations/${delegationId}`;
    const list = await organizer.agent.get(`/admin/events/${event.id}/delegations`);
    expect(list.text).to.contain(`<a href="${path}">Perú</a>`);
    const page = await organizer.agent.get(path);
    expect(page.status).to.equal(200);
    expect(page.text)
      .to.contain('Delegación de Perú')
      .and.contain('Rosa Quispe')
      .and.contain('rosa@rree.pe.example')
      .and.contain('ana@rree.pe.example')
      .and.contain('Jefe/a de delegación')
      .and.contain(`${path}/note`)
      .and.contain('designó a esta persona en la delegación')
      .and.contain('subió la nota oficial de la delegación');
    const viewer = await signedInAs(foro.url, 'viewer');
    const seen = await viewer.agent.get(path);
    expect(seen.status).to.equal(200);
    expect(seen.text).to.contain('Ana').and.contain('Nota 45.pdf');
    expect(seen.text).to.not.contain('@rree.pe.example').and.not.contain(`${path}/note`);
    expect(seen.text, 'no resend or quota forms').to.not.contain('name="shown"');
    const elsewhere = await organizer.agent.get(`/admin/events/${event.id}/delegations/${'a'.repeat(24)}`);
    expect(elsewhere.status).to.equal(404);
  });

  it('resends the link once per click, within a limit, and the new link works', async () => {
    const { organizer, event, delegationId } = await invite('EC', 2);
    const path = `/admin/events/${event.id}/delegations/${delegationId}`;
    const page = await organizer.agent.get(path);
    const shown = /name="shown" value="(\d+)"/.exec(page.text)![1]!;
    const resend = () =>
      organizer.agent
        .post(`${path}/resend`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), shown });
    const twice = await Promise.all([resend(), resend()]);
    expect(twice.map((r) => r.status)).to.deep.equal([303, 303]);
    const mails = await Message.find({ template: 'registration.nomination' }).sort({ createdAt: 1 }).lean();
    expect(mails, 'the invitation and one resend').to.have.length(2);
    expect(mails[1]!.subject).to.match(/^\[Confirmation required\] Nominating the delegation of Ecuador/);
    const link = /\/nominations\/([A-Za-z0-9_-]{43})/.exec(mails[1]!.text)![1]!;
    expect((await browserAgent(foro.url).get(`/nominations/${link}`)).status).to.equal(200);
    const after = await organizer.agent.get(path);
    expect(after.text).to.contain('envió de nuevo el enlace para designar la delegación');
    // The same page sent again (a stale form) mails nobody; each new page may, up to three an hour.
    expect((await organizer.agent.get(String(twice[0]!.headers['location']))).text).to.match(
      /Se ha enviado de nuevo|ya se había enviado de nuevo/,
    );
    await resend().expect(303);
    expect(await Message.countDocuments({ template: 'registration.nomination' })).to.equal(2);
    const fresh = () =>
      organizer.agent.get(path).then((p) =>
        organizer.agent
          .post(`${path}/resend`)
          .type('form')
          .send({ _csrf: csrfTokenIn(p.text), shown: /name="shown" value="(\d+)"/.exec(p.text)![1]! }),
      );
    // Three tries have been counted in this hour: the fourth is refused.
    const limited = await fresh();
    expect(limited.status).to.equal(429);
    expect(limited.text).to.contain('Demasiadas');
  });

  it('changes the quota exactly: raising frees a place, lowering below those named asks first and removes nobody', async () => {
    const { organizer, event, delegationId, name } = await invite('PE', 2);
    const person = (i: number) => ({
      givenName: 'Delegado',
      familyName: `${i}`,
      email: `d${i}@rree.pe.example`,
    });
    expect((await name(person(1))).status).to.equal(303);
    expect((await name(person(2))).status).to.equal(303);
    expect((await name(person(3))).status).to.equal(409);
    const path = `/admin/events/${event.id}/delegations/${delegationId}`;
    const quota = async (value: string, confirmed?: 'yes') => {
      const page = await organizer.agent.get(path);
      return organizer.agent
        .post(`${path}/quota`)
        .type('form')
        .send({ _csrf: csrfTokenIn(page.text), quota: value, ...(confirmed && { confirmed }) });
    };
    expect((await quota('3')).status).to.equal(303);
    expect((await name(person(3))).status).to.equal(303);
    expect((await name(person(4))).status).to.equal(409);

    const asked = await quota('1');
    expect(asked.status).to.equal(200);
    expect(asked.text).to.contain('¿Bajar el cupo de Perú a 1?').and.contain('Hay 3 personas designadas');
    expect((await Delegation.findById(delegationId).lean())!.quota).to.equal(3);
    expect((await quota('1', 'yes')).status).to.equal(303);
    const named = await Registration.find({ delegationId }).lean();
    expect(
      named.filter((r) => r.status !== 'cancelled'),
      'nobody removed',
    ).to.have.length(3);
    expect((await name(person(5))).status).to.equal(409);
    const page = await organizer.agent.get(path);
    expect(page.text).to.contain('Designados: 3 de 1').and.contain('cambió el cupo de la delegación');
    expect((await quota('0')).status).to.equal(422);
  });
});
