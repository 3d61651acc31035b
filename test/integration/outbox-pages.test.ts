import { expect } from 'chai';
import { enqueueMessage, Message } from '../../src/modules/messaging/index.js';
import { MessageClaim } from '../../src/modules/messaging/message.model.js';
import { useTestForo } from '../support/foro.js';
import { csrfFor, signedInAs } from '../support/http.js';

describe('messaging: the outbox pages', () => {
  const foro = useTestForo(import.meta.url);

  const queue = (subject: string, email: string, key: string, html?: string) =>
    enqueueMessage(
      {
        to: [{ name: 'Rosa Quispe', email }],
        locale: 'es',
        template: 'invitation',
        subject,
        text: `Texto de ${subject}`,
        ...(html && { html }),
        dedupeKey: key,
      },
      foro.clock,
      'foro.example',
    );

  it('lists mails with filters, and opens one as it will be sent', async () => {
    const a = await queue(
      'Invitación <script>alert(1)</script>',
      'rosa@example.org',
      'a',
      '<p>Hola <b>Rosa</b></p><script>alert(1)</script>',
    );
    await queue('Recordatorio', 'luis@example.org', 'b');
    await Message.updateOne(
      { _id: a.id },
      { $set: { status: 'failed', lastError: '550 5.1.1 Mailbox unavailable' } },
    );
    const { agent } = await signedInAs(foro.url, 'organizer');
    const all = await agent.get('/admin/outbox?lang=en');
    expect(all.text).to.contain('2 messages');
    expect(all.text).to.contain('Invitación &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(all.text).to.not.contain('<script>alert(1)</script>');
    const failed = await agent.get('/admin/outbox?status=failed&lang=en');
    expect(failed.text).to.contain('1 messages').and.contain('550 5.1.1');
    const byRecipient = await agent.get('/admin/outbox?to=luis');
    expect(byRecipient.text).to.contain('Recordatorio').and.not.contain('Invitación');
    const opened = await agent.get(`/admin/outbox/${a.id}`);
    expect(opened.text)
      .to.contain('Texto de Invitación')
      .and.contain(a.messageId.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    const html = await agent.get(`/admin/outbox/${a.id}/html`);
    expect(html.headers['content-security-policy']).to.contain('sandbox').and.contain("default-src 'none'");
    expect((await agent.get('/admin/outbox?status=lost')).status).to.equal(422);
  });

  it('shows viewers the list without addresses, and not the contents', async () => {
    const a = await queue('Invitación', 'rosa@example.org', 'a');
    const { agent } = await signedInAs(foro.url, 'viewer');
    const list = await agent.get('/admin/outbox');
    expect(list.status).to.equal(200);
    expect(list.text).to.contain('Rosa Quispe').and.not.contain('rosa@example.org');
    expect((await agent.get(`/admin/outbox/${a.id}`)).status).to.equal(403);
  });

  it('retries a failed mail and cancels a queued one, but not one a worker has taken', async () => {
    const failed = await queue('Uno', 'a@example.org', 'a');
    const queued = await queue('Dos', 'b@example.org', 'b');
    const taken = await queue('Tres', 'c@example.org', 'c');
    await Message.updateOne({ _id: failed.id }, { $set: { status: 'failed', attempts: 3 } });
    const { agent } = await signedInAs(foro.url, 'organizer');
    const token = await csrfFor(agent, `/admin/outbox/${failed.id}`);
    expect(
      (await agent.post(`/admin/outbox/${failed.id}/retry`).type('form').send({ _csrf: token })).status,
    ).to.equal(303);
    expect((await Message.findById(failed.id).lean())?.status).to.equal('queued');
    expect(
      (await agent.post(`/admin/outbox/${queued.id}/retry`).type('form').send({ _csrf: token })).status,
    ).to.equal(409);

    expect(
      (await agent.post(`/admin/outbox/${queued.id}/cancel`).type('form').send({ _csrf: token })).status,
    ).to.equal(303);
    expect((await Message.findById(queued.id).lean())?.status).to.equal('cancelled');

    await MessageClaim.create({ _id: `${taken.id}:1`, worker: 'a worker', claimedAt: foro.clock.now() });
    const late = await agent
      .post(`/admin/outbox/${taken.id}/cancel`)
      .type('form')
      .set('Accept-Language', 'en')
      .send({ _csrf: token });
    expect(late.status).to.equal(409);
    expect(late.text).to.contain('already being sent');
    expect((await Message.findById(taken.id).lean())?.status).to.equal('queued');
  });
});
