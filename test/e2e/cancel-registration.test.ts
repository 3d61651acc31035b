import { expect } from 'chai';
import request from 'supertest';
import { Registration } from '../../src/modules/registrations/index.js';
import { scopes } from '../../src/modules/registrations/places/seats.js';
import { Seat } from '../../src/modules/registrations/places/seat.model.js';
import { createPublishedEvent, createWorkshop } from '../factories/events.js';
import { registrationForm } from '../factories/registrations.js';
import { createTestUser } from '../factories/users.js';
import { useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';
import { deliverOutbox, startTestSmtp } from '../support/smtp.js';

describe('browser: cancelling a registration', function () {
  this.timeout(120_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const browser = useBrowserPage({ locale: 'es-EC' });

  it('asks first on a page of its own, then frees the workshop place for the next in line', async () => {
    const organizer = await createTestUser({ role: 'organizer' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const event = await createPublishedEvent({}, actor);
    const workshop = await createWorkshop(event, actor, 1);
    for (const email of ['ana@example.org', 'beto@example.org']) {
      const sent = await request(foro.url)
        .post(`/events/${event.slug}/register`)
        .set('Accept', 'application/json')
        .send(registrationForm({ email, workshops: [workshop.id] }));
      expect(sent.status, sent.text).to.equal(303);
    }
    const workshopStatus = async (email: string) => {
      const all = await Registration.find({ eventId: event.id }).lean();
      const one = all.find((r) => r.listing?.email === email);
      return { status: one?.status, workshop: one?.workshops[0]?.status };
    };
    expect(await workshopStatus('beto@example.org')).to.deep.equal({
      status: 'confirmed',
      workshop: 'waitlisted',
    });

    const smtp = await startTestSmtp();
    await deliverOutbox(smtp.url, foro.clock);
    await smtp.stop();
    const mail = smtp.mails.find((m) => m.to[0] === 'ana@example.org');
    const link = new URL(/https?:\/\/\S+\/registrations\/\S+/.exec(mail!.parsed.text ?? '')![0]);

    const page = browser.page;
    await page.goto(`${foro.url}${link.pathname}${link.search}`);
    expect(await page.locator('.workshops').innerText()).to.include('plaza confirmada');
    await page.getByRole('button', { name: 'Cancelar mi inscripción' }).click();

    // The confirmation page says what will happen; nothing has happened yet.
    expect(await page.getByRole('heading', { level: 1 }).innerText()).to.equal('¿Cancelar su inscripción?');
    const consequences = await page.locator('.consequences').innerText();
    expect(consequences).to.include('Taller de datos censales').and.include('lista de espera');
    expect((await workshopStatus('ana@example.org')).status).to.equal('confirmed');

    await page.getByRole('button', { name: 'Sí, cancelar mi inscripción' }).click();
    await page.waitForURL(/cancelled=1/);
    expect(await page.locator('#status').innerText()).to.equal('Cancelada');
    expect(await page.locator('.workshops').innerText()).to.include('plaza liberada');
    expect(await page.getByRole('status').first().innerText()).to.include('quedaron libres');

    expect(await workshopStatus('beto@example.org')).to.deep.equal({
      status: 'confirmed',
      workshop: 'confirmed',
    });
    expect(await Seat.countDocuments({ scope: scopes.workshop(workshop.id) })).to.equal(1);
  });
});
