import { expect } from 'chai';
import request from 'supertest';
import { Event } from '../../src/modules/events/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { createPublishedEvent } from '../factories/events.js';
import { registrationForm } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { csrfTokenIn, signedInAs } from '../support/http.js';
import { deliverOutbox, startTestSmtp } from '../support/smtp.js';

describe('mail sender: each event’s mails come from its own sender, else the configuration’s', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });

  const editForm = (event: { slug: string; revision: number }, sender: Record<string, string>) => ({
    slug: event.slug,
    title_es: 'Foro Iberoamericano sobre Migración y Desarrollo',
    timezone: 'America/Guayaquil',
    startDate: '2008-04-10',
    endDate: '2008-04-11',
    languages: ['es', 'pt', 'en'],
    countries: ['EC', 'PE'],
    revision: String(event.revision),
    sender_name: '',
    sender_address: '',
    sender_replyTo: '',
    ...sender,
  });

  it('is set in the event’s form, refuses an address without a real domain, and shows on the settings', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    const edit = await organizer.agent.get(`/admin/events/${event.id}/edit`);
    expect(edit.text).to.contain('Foro &lt;foro@localhost&gt;');
    const csrf = csrfTokenIn(edit.text);
    const revision = Number(/name="revision" value="(\d+)"/.exec(edit.text)![1]);
    const bad = await organizer.agent
      .post(`/admin/events/${event.id}`)
      .type('form')
      .send({
        _csrf: csrf,
        ...editForm(
          { slug: event.slug, revision },
          { sender_name: 'Secretaría', sender_address: 'foro@localhost' },
        ),
      });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('Escriba la dirección del remitente con el formato nombre@ejemplo.org.');
    expect(bad.text, 'what was typed stays').to.contain('value="Secretaría"');
    expect((await Event.findById(event.id).lean())!.sender?.name).to.equal(undefined);

    const saved = await organizer.agent
      .post(`/admin/events/${event.id}`)
      .type('form')
      .send({
        _csrf: csrf,
        ...editForm(
          { slug: event.slug, revision },
          {
            sender_name: 'Foro Iberoamericano',
            sender_address: 'Foro@CEPAL.example',
            sender_replyTo: 'secretaria@segib.example',
          },
        ),
      });
    expect(saved.status).to.equal(303);
    const settings = await organizer.agent.get(`/admin/events/${event.id}/settings`);
    expect(settings.text).to.contain(
      'Foro Iberoamericano &lt;foro@cepal.example&gt; · Dirección de respuesta (Reply-To): secretaria@segib.example',
    );
    const history = /<section id="history">.*<\/section>/s.exec(settings.text)![0];
    expect(history)
      .to.contain('Remitente de los correos')
      .and.contain('Foro Iberoamericano &lt;foro@cepal.example&gt; · secretaria@segib.example');
  });

  it('sends each event’s mails with its sender, part by part over the configuration’s', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const own = await createPublishedEvent({ slug: 'con-remitente' }, organizer.actor);
    const named = await createPublishedEvent({ slug: 'solo-nombre' }, organizer.actor);
    const plain = await createPublishedEvent({ slug: 'sin-remitente' }, organizer.actor);
    await Event.updateOne(
      { _id: own.id },
      {
        $set: {
          sender: {
            name: 'Foro Iberoamericano',
            address: 'foro@cepal.example',
            replyTo: 'secretaria@segib.example',
          },
        },
      },
    );
    await Event.updateOne({ _id: named.id }, { $set: { sender: { name: 'Secretaría del Foro' } } });
    for (const [slug, email] of [
      ['con-remitente', 'a@example.org'],
      ['solo-nombre', 'b@example.org'],
      ['sin-remitente', 'c@example.org'],
    ] as const) {
      const sent = await request(foro.url)
        .post(`/events/${slug}/register`)
        .set('Accept', 'application/json')
        .send(registrationForm({ email }));
      expect(sent.status).to.equal(303);
    }
    expect(plain.sender).to.deep.equal({});
    // The outbox shows each mail's sender as it will be sent (here the app's own MAIL_FROM).
    const outbox = async (email: string) => {
      const mail = (await Message.findOne({ 'to.email': email }).lean())!;
      return /<dd id="from">([^<]*)<\/dd>/.exec(
        (await organizer.agent.get(`/admin/outbox/${String(mail._id)}`)).text,
      )![1];
    };
    expect(await outbox('a@example.org')).to.equal(
      'Foro Iberoamericano &lt;foro@cepal.example&gt; · Responder a: secretaria@segib.example',
    );
    expect(await outbox('b@example.org')).to.equal('Secretaría del Foro &lt;foro@localhost&gt;');

    const smtp = await startTestSmtp();
    try {
      // The test worker's configured sender is "Foro <foro@configurado.example>".
      await deliverOutbox(smtp.url, foro.clock, { from: 'Foro <foro@configurado.example>' });
    } finally {
      await smtp.stop();
    }
    const to = (email: string) => smtp.mails.find((m) => m.to.includes(email))!.parsed;
    expect(to('a@example.org').from?.value).to.deep.equal([
      { name: 'Foro Iberoamericano', address: 'foro@cepal.example' },
    ]);
    expect(to('a@example.org').replyTo?.value[0]?.address).to.equal('secretaria@segib.example');
    expect(to('b@example.org').from?.value).to.deep.equal([
      { name: 'Secretaría del Foro', address: 'foro@configurado.example' },
    ]);
    expect(to('c@example.org').from?.value).to.deep.equal([
      { name: 'Foro', address: 'foro@configurado.example' },
    ]);
    expect(to('c@example.org').replyTo).to.equal(undefined);
  });
});
