import { expect } from 'chai';
import { simpleParser } from 'mailparser';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enqueueMessage, Message, outboxWorkerFor } from '../../src/modules/messaging/index.js';
import { createLogger } from '../../src/shared/logger.js';
import { MessageClaim } from '../../src/modules/messaging/message.model.js';
import { createTestEvent } from '../factories/events.js';
import { useTestForo } from '../support/foro.js';
import { csrfFor, signedInAs } from '../support/http.js';

describe('messaging: the outbox pages', () => {
  const dataDir = join(tmpdir(), `foro-outbox-pages-${process.pid}`);
  const foro = useTestForo(import.meta.url, { env: { DATA_DIR: dataDir } });
  after(() => rm(dataDir, { recursive: true, force: true }));

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

  it('pages through the outbox newest first, filters kept, each mail once', async () => {
    for (let i = 0; i < 120; i += 1)
      await queue(`Aviso ${String(i).padStart(3, '0')}`, `p${i}@example.org`, `n${i}`);
    const { agent } = await signedInAs(foro.url, 'admin');
    const subjects = (html: string) => [...html.matchAll(/>(Aviso \d{3})</g)].map((m) => m[1]!);
    const link = (html: string, rel: string) =>
      new RegExp(`rel="${rel}" href="([^"]+)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');
    let page = await agent.get('/admin/outbox?template=invitation&lang=en');
    const seen = subjects(page.text);
    expect(seen).to.have.length(50);
    for (let next = link(page.text, 'next'); next; next = link(page.text, 'next')) {
      expect(next).to.contain('template=invitation');
      page = await agent.get(`/admin/outbox${next}`);
      seen.push(...subjects(page.text));
    }
    const expected = Array.from({ length: 120 }, (_, i) => `Aviso ${String(119 - i).padStart(3, '0')}`);
    expect(seen).to.deep.equal(expected);
    const newer = await agent.get(`/admin/outbox${link(page.text, 'prev')}`);
    expect(subjects(newer.text)).to.deep.equal(expected.slice(50, 100));
    expect(newer.text).to.contain('Older →');
  });

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
    expect(all.text).to.contain('Newest first, 50 per page.');
    expect(all.text.indexOf('Recordatorio'), 'newest first').to.be.below(all.text.indexOf('Invitación'));
    expect(all.text).to.contain('Invitación &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(all.text).to.not.contain('<script>alert(1)</script>');
    const failed = await agent.get('/admin/outbox?status=failed&lang=en');
    expect(failed.text).to.contain('550 5.1.1').and.not.contain('Recordatorio');
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

  it('shows each mail’s time in the zone of its event, and a mail of no event in UTC, said so', async () => {
    const event = await createTestEvent({ timezone: 'America/Guayaquil' });
    const ofEvent = await enqueueMessage(
      {
        to: [{ name: 'Rosa Quispe', email: 'rosa@example.org' }],
        locale: 'es',
        template: 'invitation',
        subject: 'Del foro',
        text: 'Texto',
        dedupeKey: 'of-event',
        related: [{ type: 'event', id: event.id }],
      },
      foro.clock,
      'foro.example',
    );
    await queue('De ninguno', 'luis@example.org', 'of-none');
    await Message.updateOne({ _id: ofEvent.id }, { $set: { status: 'sent', sentAt: foro.clock.now() } });
    const { agent } = await signedInAs(foro.url, 'admin');
    const rows = (await agent.get('/admin/outbox?lang=es')).text.split('<tr>');
    const row = (subject: string) => rows.find((r) => r.includes(subject)) ?? '';
    // The clock says 2008-04-01 12:00 UTC: 07:00 in Cuenca.
    expect(row('Del foro')).to.contain('1 abr 2008, 7:00 (GMT-5)');
    expect(row('De ninguno')).to.contain('1 abr 2008, 12:00 (UTC)');
    const opened = await agent.get(`/admin/outbox/${ofEvent.id}?lang=es`);
    expect(opened.text).to.contain('1 abr 2008, 7:00 (GMT-5)').and.not.contain('(UTC)');
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
      (
        await agent
          .post(`/admin/outbox/${queued.id}/cancel`)
          .type('form')
          .send({ _csrf: token, confirmed: 'yes' })
      ).status,
    ).to.equal(303);
    expect((await Message.findById(queued.id).lean())?.status).to.equal('cancelled');

    await MessageClaim.create({ _id: `${taken.id}:1`, worker: 'a worker', claimedAt: foro.clock.now() });
    const late = await agent
      .post(`/admin/outbox/${taken.id}/cancel`)
      .type('form')
      .set('Accept-Language', 'en')
      .send({ _csrf: token, confirmed: 'yes' });
    expect(late.status).to.equal(409);
    expect(late.text).to.contain('already being sent');
    expect((await Message.findById(taken.id).lean())?.status).to.equal('queued');
  });

  it('without a mail server, offers each sent mail as the .eml file written for it', async () => {
    const mail = await queue('Invitación a Cuenca', 'rosa@example.org', 'eml');
    const worker = outboxWorkerFor(foro.config, foro.clock, createLogger('silent'));
    expect((await worker.runOnce()).sent).to.equal(1);
    await worker.stop();
    const { agent } = await signedInAs(foro.url, 'organizer');
    expect((await agent.get('/admin/outbox?lang=en')).text).to.contain('No mail server is configured');
    const page = await agent.get(`/admin/outbox/${mail.id}`);
    expect(page.text).to.contain(`/admin/outbox/${mail.id}/eml`);
    const eml = await agent
      .get(`/admin/outbox/${mail.id}/eml`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(eml.status).to.equal(200);
    expect(eml.headers['content-type']).to.match(/^message\/rfc822/);
    const parsed = await simpleParser(eml.body as Buffer);
    expect(parsed.subject).to.equal('Invitación a Cuenca');
    expect(parsed.messageId).to.equal(mail.messageId);
    const viewer = await signedInAs(foro.url, 'viewer');
    expect((await viewer.agent.get(`/admin/outbox/${mail.id}/eml`)).status).to.equal(403);
  });
});
