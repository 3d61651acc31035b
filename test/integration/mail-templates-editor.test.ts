import { expect } from 'chai';
import { assignPerson, getSession } from '../../src/modules/agenda/index.js';
import { mailSettingsOf, sendInvitations } from '../../src/modules/invitations/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { Person } from '../../src/modules/people/index.js';
import { createPanel } from '../factories/invitations.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { deliverOutbox, startTestSmtp } from '../support/smtp.js';

describe('mail templates: organizers edit and preview an event’s mails', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const deps = () => ({ clock: foro.clock, settings: mailSettingsOf(foro.config) });

  it('edits the Portuguese speaker invitation, previews it with the event’s data, and sends it', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event } = await createPanel(organizer.actor);
    const path = `/admin/events/${event.id}/mail-templates/invitation.speaker/pt`;
    const list = await organizer.agent.get(`/admin/events/${event.id}/mail-templates`);
    expect(list.status).to.equal(200);
    expect(list.text).to.include(path);

    const editor = await organizer.agent.get(path);
    expect(editor.text).to.include('{{confirmUrl}}');
    expect(editor.text, 'preview with the real session').to.include('Migração e desenvolvimento');
    const csrf = csrfTokenIn(editor.text);
    const body = 'Olá {{name}}, venha falar em {{session}} às {{time}}.\nResponda: {{responseUrl}}';

    const unknown = await organizer.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, subject: 'Convite {{passport}}', body, action: 'save' });
    expect(unknown.status).to.equal(422);
    expect(unknown.text).to.include('passport');

    const preview = await organizer.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, subject: 'Venha ao {{event}}', body, action: 'preview' });
    expect(preview.status).to.equal(200);
    expect(preview.text).to.match(/Olá João Silva, venha falar em Migração e desenvolvimento às 09:00–10:30/);
    expect(preview.text, 'action prefix kept').to.include('[Confirmação necessária] Venha ao Fórum de teste');

    const saved = await organizer.agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, subject: 'Venha ao {{event}}', body, action: 'save' });
    expect(saved.status).to.equal(303);
    await sendInvitations(event, { all: true }, organizer.actor, deps());
    const mail = await Message.findOne({ 'to.email': 'joao@itamaraty.example' }).lean();
    expect(mail!.subject).to.match(/^\[Confirmação necessária\] Venha ao Fórum de teste/);
    expect(mail!.text).to.match(/^Olá João Silva/);
    const spanish = await Message.findOne({ 'to.email': 'alicia@cepal.example' }).lean();
    expect(spanish!.text, 'other templates untouched').to.match(/^Estimada Dra\. Alicia Bárcena:/);

    const reset = await organizer.agent
      .post(`${path}/reset`)
      .type('form')
      .send({ _csrf: csrf, confirmed: 'yes' });
    expect(reset.status).to.equal(303);
    expect((await organizer.agent.get(path)).text).to.include('texto predeterminado');
  });

  it('keeps viewers out of the template editor and the invitation actions', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event } = await createPanel(organizer.actor);
    const viewer = await signedInAs(foro.url, 'viewer');
    expect((await viewer.agent.get(`/admin/events/${event.id}/mail-templates`)).status).to.equal(403);
    expect((await viewer.agent.get(`/admin/events/${event.id}/invitations/preview`)).status).to.equal(403);
    const dashboard = await viewer.agent.get(`/admin/events/${event.id}/invitations`);
    expect(dashboard.status, 'viewers follow the answers').to.equal(200);
    const outsider = await signedInAs(foro.url, 'organizer');
    expect(
      (await outsider.agent.get(`/admin/events/${event.id}/invitations/preview`)).status,
      'an organizer of another team',
    ).to.equal(403);
  });

  it('lets names and titles with line breaks, markup or placeholders inject nothing', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const { event, session } = await createPanel(organizer.actor);
    // Data as an import from elsewhere might hold it, written straight to the database.
    const hostile = await Person.create({
      givenName: 'Eve\r\nBcc: spy@evil.example',
      familyName: '<script>alert(1)</script> {{confirmUrl}}',
      email: 'eve@example.org',
      emailKey: 'eve@example.org',
      language: 'en',
      searchText: 'eve',
    });
    await assignPerson(
      await getSession(event.id, session.id),
      { personId: String(hostile._id), role: 'speaker' },
      organizer.actor,
      foro.clock,
    );
    await sendInvitations(event, { all: true }, organizer.actor, deps());

    const smtp = await startTestSmtp();
    await deliverOutbox(smtp.url, foro.clock);
    await smtp.stop();
    const mail = smtp.mails.find((m) => m.to.includes('eve@example.org'))!;
    expect(
      smtp.mails.flatMap((m) => m.to),
      'no extra recipient',
    ).not.to.include('spy@evil.example');
    expect(mail.parsed.headers.has('bcc')).to.equal(false);
    const headers = mail.raw.split('\r\n\r\n')[0]!;
    expect(headers).not.to.match(/^Bcc:/im);
    expect(mail.parsed.text, 'the name stays on one line').to.include('Dear Eve Bcc: spy@evil.example');
    expect(mail.parsed.html).to.include('&lt;script&gt;');
    expect(mail.parsed.html).not.to.include('<script>');
    expect(mail.parsed.text, 'a placeholder in data stays text').to.include('{{confirmUrl}}');
    const others = smtp.mails.filter((m) => m !== mail);
    for (const other of others)
      expect(other.parsed.text, 'the panel line is text').not.to.include('<script>alert(1)</script> https');
  });
});
