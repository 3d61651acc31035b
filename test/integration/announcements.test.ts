import { expect } from 'chai';
import { updateAssignment } from '../../src/modules/agenda/index.js';
import request from 'supertest';
import { Message } from '../../src/modules/messaging/index.js';
import { registrationForm } from '../factories/registrations.js';
import { createPanel } from '../factories/invitations.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';

describe('announcements: a free message to a group the data defines', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, {
    env: { OUTBOX_WORKER: 'off', REGISTRATION_RATE_LIMIT_PER_ADDRESS: '1000' },
  });

  async function setUp() {
    const organizer = await signedInAs(foro.url, 'organizer');
    const panel = await createPanel(organizer.actor);
    const { session, assignments } = panel;
    await updateAssignment(
      session.id,
      assignments.chair.id,
      { status: 'confirmed' },
      organizer.actor,
      foro.clock,
    );
    await updateAssignment(
      session.id,
      assignments.speaker.id,
      { status: 'confirmed' },
      organizer.actor,
      foro.clock,
    );
    await updateAssignment(
      session.id,
      assignments.commentator.id,
      { status: 'invited' },
      organizer.actor,
      foro.clock,
    );
    const form = await organizer.agent.get(`/admin/events/${panel.event.id}/announcements/new`);
    const draftKey = /name="draftKey" value="([0-9a-f-]{36})"/.exec(form.text)![1]!;
    return { organizer, ...panel, csrf: csrfTokenIn(form.text), draftKey };
  }

  it('previews who gets it in which language, then sends it once even if the form is sent twice', async () => {
    const { organizer, event, csrf, draftKey } = await setUp();
    const fields = {
      _csrf: csrf,
      draftKey,
      group: 'confirmed',
      subject_es: 'Traslado desde el aeropuerto',
      message_es: 'El bus sale a las 8:00. Su enlace: {{confirmUrl}}',
      subject_en: 'Airport shuttle',
      message_en: 'The bus leaves at 8:00.',
    };
    const preview = await organizer.agent
      .post(`/admin/events/${event.id}/announcements`)
      .type('form')
      .send({ ...fields, action: 'preview' });
    expect(preview.status).to.equal(200);
    expect(preview.text).to.include('Destinatarios: 2');
    expect(preview.text).to.include('Alicia Bárcena (ES)');
    expect(preview.text).to.include('João Silva (PT)');
    expect(preview.text, 'not the invited commentator').not.to.include('Mary Smith');

    const send = () =>
      organizer.agent
        .post(`/admin/events/${event.id}/announcements`)
        .type('form')
        .send({ ...fields, action: 'send' });
    const [first, second] = await Promise.all([send(), send()]);
    expect([first.status, second.status]).to.deep.equal([303, 303]);
    const mails = await Message.find({ template: 'announcement' }).lean();
    expect(mails).to.have.length(2);
    const pt = mails.find((m) => m.to[0]!.email === 'joao@itamaraty.example')!;
    expect(pt.subject, 'Portuguese falls back to the first language written').to.include(
      'Traslado desde el aeropuerto',
    );
    expect(pt.text).to.match(/^Saudações, João Silva,/);
    const es = mails.find((m) => m.to[0]!.email === 'alicia@cepal.example')!;
    expect(es.text, 'placeholders in the message stay text').to.include('Su enlace: {{confirmUrl}}');

    const list = await organizer.agent.get(`/admin/events/${event.id}/announcements`);
    expect(list.text).to.include('Traslado desde el aeropuerto');
    expect(list.text).to.include('Todas las personas confirmadas');
  });

  it('reaches everyone invited or confirmed on one session, and refuses an unknown group or an empty message', async () => {
    const { organizer, event, session, csrf, draftKey } = await setUp();
    const post = (fields: Record<string, string>) =>
      organizer.agent
        .post(`/admin/events/${event.id}/announcements`)
        .type('form')
        .send({ _csrf: csrf, draftKey, ...fields });
    expect(
      (await post({ group: 'everyone', subject_es: 'x', message_es: 'y', action: 'send' })).status,
    ).to.equal(422);
    expect((await post({ group: 'confirmed', subject_es: 'x', action: 'send' })).status).to.equal(422);
    expect(await Message.countDocuments({})).to.equal(0);
    const sent = await post({
      group: `session:${session.id}`,
      subject_en: 'Room change',
      message_en: 'Now in Sala Azuay.',
      action: 'send',
    });
    expect(sent.status).to.equal(303);
    expect(await Message.countDocuments({ template: 'announcement' })).to.equal(3);
  });

  it('reaches registrants by state, category or country represented', async () => {
    const { organizer, event, csrf, draftKey } = await setUp();
    for (const [email, country] of [
      ['quito@example.org', 'EC'],
      ['lima@example.org', 'PE'],
      ['cusco@example.org', 'PE'],
    ] as const) {
      const res = await request(foro.url)
        .post(`/events/${event.slug}/register`)
        .set('Accept', 'application/json')
        .send(registrationForm({ email, country }));
      expect(res.status).to.equal(303);
    }
    const form = await organizer.agent.get(`/admin/events/${event.id}/announcements/new`);
    expect(form.text).to.include('Inscripciones: Perú');
    const sent = await organizer.agent.post(`/admin/events/${event.id}/announcements`).type('form').send({
      _csrf: csrf,
      draftKey,
      group: 'registrants:country:PE',
      subject_es: 'Delegación peruana',
      message_es: 'Reunión de coordinación.',
      action: 'send',
    });
    expect(sent.status).to.equal(303);
    const mails = await Message.find({ template: 'announcement' }).lean();
    expect(mails.map((m) => m.to[0]!.email).sort()).to.deep.equal(['cusco@example.org', 'lima@example.org']);
  });
});
