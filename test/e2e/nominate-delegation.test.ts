import { expect } from 'chai';
import { createFocalPoint, LUIS_VEGA, ROSA_QUISPE } from '../factories/delegations.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { createPublishedEvent } from '../factories/events.js';
import { createTestRegistration } from '../factories/registrations.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';
import { deliverOutbox, useTestSmtp } from '../support/smtp.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('browser: a delegation from the invitation to the nomination, and the coverage', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const browser = useBrowserPage({ locale: 'en-GB' });
  const smtp = useTestSmtp();
  // The configuration's sender here is a test one; the event sets its own.
  const deliver = () => deliverOutbox(smtp.url, foro.clock, { from: 'Foro <foro@configurado.example>' });
  const textOf = (to: string, subject: RegExp) => {
    const mail = smtp.mails.find((m) => m.to.includes(to) && subject.test(m.subject ?? ''));
    expect(mail, `a mail to ${to} with ${subject}`).to.not.equal(undefined);
    return mail!;
  };

  it('the organizer sets the sender and invites a focal point, surviving a mismatch; the focal point nominates and sends; the organizer resends and changes the quota', async () => {
    const organizer = await createTestUser({ role: 'organizer', name: 'Equipo CELADE' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const event = await createPublishedEvent({ countries: ['EC', 'PE', 'DO', 'CU'] }, actor);
    await createFocalPoint('PE', 'es', ROSA_QUISPE);
    await createFocalPoint('EC', 'es', LUIS_VEGA);
    const page = browser.page;
    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);
    const menu = page.getByRole('navigation', { name: /^Menu of the event/ });

    // 6. The event's own sender.
    await page.goto(`${foro.url}/admin/events/${event.id}`);
    await menu.getByRole('link', { name: 'Details, rooms and team' }).click();
    await page.getByRole('link', { name: 'Edit event' }).click();
    expect(await page.locator('#sender').innerText()).to.contain(
      'Whatever you leave blank comes from the configuration: Foro <foro@localhost>.',
    );
    await page.getByLabel("Sender's name").fill('Foro Iberoamericano');
    await page.getByLabel("Sender's address").fill('foro@cepal.example');
    await page.getByLabel('Reply-to address').fill('secretaria@segib.example');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/settings$/);
    expect(await page.locator('dd#sender').innerText()).to.equal(
      'Foro Iberoamericano <foro@cepal.example> · Reply-to address: secretaria@segib.example',
    );

    // 4. Countries in English order; a focal point of another country is refused, nothing lost.
    await menu.getByRole('link', { name: 'Delegations' }).click();
    expect(await page.locator('#delegations tbody tr td:first-child').allInnerTexts()).to.deep.equal([
      'Cuba',
      'Dominican Republic',
      'Ecuador',
      'Peru',
    ]);
    await page.locator('#country').selectOption({ label: 'Ecuador' });
    await page.locator('#contactId').selectOption({ label: 'Rosa Quispe (Focal point)' });
    await page.getByLabel('Quota').fill('2');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const summary = page.locator('.error-summary');
    expect(await summary.innerText()).to.contain(
      'Rosa Quispe is the focal point of Peru, not of Ecuador. Choose a focal point of Ecuador, or change the country.',
    );
    expect(await page.locator('#country').inputValue()).to.equal('EC');
    expect(await page.getByLabel('Quota').inputValue()).to.equal('2');
    expect(await page.locator('#contactId option').allInnerTexts()).to.deep.equal([
      '',
      'Luis Vega (Focal point)',
    ]);
    expect(await Registration.countDocuments({}), 'nothing written').to.equal(0);
    await page.locator('#contactId').selectOption({ label: 'Luis Vega (Focal point)' });
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.waitForURL(/\/delegations\/[0-9a-f]{24}\?done=invited/);
    expect(await page.locator('#done').innerText()).to.equal(
      'Invitation sent to the focal point of Ecuador.',
    );
    const delegationUrl = page.url().replace(/\?.*$/, '');

    await deliver();
    const invitation = textOf('luis@cancilleria.ec.example', /Designación de la delegación de Ecuador/);
    expect(invitation.parsed.from?.value).to.deep.equal([
      { name: 'Foro Iberoamericano', address: 'foro@cepal.example' },
    ]);
    expect(invitation.parsed.replyTo?.value[0]?.address).to.equal('secretaria@segib.example');
    const link = new URL(/https?:\/\/\S+\/nominations\/\S+/.exec(invitation.parsed.text ?? '')![0]);

    // 3. The focal point, in Spanish: deadline, quota, roles, each step said, the quota full, the send.
    const focalContext = await page.context().browser()!.newContext({ locale: 'es-EC' });
    const focal = await focalContext.newPage();
    await focal.goto(`${foro.url}${link.pathname}${link.search}`);
    expect(await focal.locator('h1').innerText()).to.equal('Delegación de Ecuador');
    expect(await focal.locator('#deadline').innerText()).to.match(/2008.*\(GMT-5\)/);
    expect(await focal.locator('#quota').innerText()).to.equal('Designados: 0 de 2');
    const nominate = async (given: string, family: string, email: string, role: string) => {
      await focal.getByLabel('Nombre(s)').fill(given);
      await focal.getByLabel('Apellido(s)').fill(family);
      await focal.getByLabel('Correo electrónico').fill(email);
      await focal.getByLabel('Función').selectOption({ label: role });
      await focal.getByRole('button', { name: 'Designar', exact: true }).click();
      await focal.waitForURL(/done=added/);
    };
    await nominate('Ana', 'Pérez', 'ana@cancilleria.ec.example', 'Jefe/a de delegación');
    expect(await focal.locator('#done').innerText()).to.equal(
      'Ana Pérez figura ahora en la delegación como Jefe/a de delegación. Le hemos escrito para comunicárselo.',
    );
    await nominate('Beto', 'Ramos', 'beto@cancilleria.ec.example', 'Asesor/a');
    expect(await focal.locator('#quota').innerText()).to.equal('Designados: 2 de 2');
    expect(await focal.locator('#quota-full').innerText()).to.contain(
      'Ha designado a todas las personas que permite el cupo (2)',
    );
    expect(await focal.locator('#members tbody tr td:nth-child(3)').allInnerTexts()).to.deep.equal([
      'Jefe/a de delegación',
      'Asesor/a',
    ]);
    await focal.getByLabel('Nota oficial (PDF, hasta 5 MB)').setInputFiles({
      name: 'Nota 45.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await focal.getByRole('button', { name: 'Subir' }).click();
    await focal.waitForURL(/done=note/);
    expect(await focal.locator('#done').innerText()).to.equal('Nota oficial recibida: Nota 45.pdf.');
    await focal.getByRole('button', { name: 'Enviar la designación' }).click();
    expect(await focal.locator('h1').innerText()).to.equal('¿Enviar la designación de Ecuador?');
    await focal.getByRole('button', { name: 'Sí, enviar la designación' }).click();
    await focal.waitForURL(/done=sent/);
    expect(await focal.locator('#done').innerText()).to.contain('Designación enviada');
    expect(await focal.locator('#sent-state').innerText()).to.match(/^Designación enviada el /);

    await deliver();
    const nominee = textOf('ana@cancilleria.ec.example', /Su designación en la delegación de Ecuador/);
    expect(nominee.parsed.text)
      .to.contain('País: Ecuador')
      .and.contain('Función en la delegación: Jefe/a de delegación')
      .and.contain('Estado de su inscripción: Pendiente');
    const toFocal = textOf('luis@cancilleria.ec.example', /^Designación enviada: delegación de Ecuador/);
    expect(toFocal.parsed.text)
      .to.contain('- Ana Pérez — Jefe/a de delegación (Pendiente)')
      .and.contain('- Beto Ramos — Asesor/a (Pendiente)')
      .and.contain('Nota oficial: Nota 45.pdf');
    const toTeam = textOf(organizer.email, /^Designación enviada: delegación de Ecuador/);
    expect(toTeam.parsed.text).to.contain(delegationUrl.replace(/^https?:\/\/[^/]+/, ''));

    // 4. The organizer opens the delegation: members, note, history; resends; changes the quota.
    await page.goto(`${foro.url}/admin/events/${event.id}/delegations`);
    await page.getByRole('link', { name: 'Ecuador' }).click();
    expect(await page.locator('#members').innerText())
      .to.contain('Ana Pérez')
      .and.contain('Head of delegation')
      .and.contain('Adviser')
      .and.contain('ana@cancilleria.ec.example');
    expect(await page.locator('#nomination-status').innerText()).to.match(/^Sent on /);
    expect(await page.locator('#note').innerText()).to.contain('Nota 45.pdf');
    expect(await page.locator('#history').innerText())
      .to.contain('sent the delegation’s nomination')
      .and.contain('uploaded the delegation’s official note')
      .and.contain('nominated this person to the delegation');
    const before = smtp.mails.length;
    await page.getByRole('button', { name: 'Send the nomination link again' }).click();
    await page.waitForURL(/done=resent/);
    await deliver();
    expect(smtp.mails.length - before, 'one mail').to.equal(1);
    expect(smtp.mails.at(-1)!.subject).to.contain('Designación de la delegación de Ecuador');
    await page.getByLabel('Quota').fill('3');
    await page.getByRole('button', { name: 'Save the quota' }).click();
    await page.waitForURL(/done=quota/);
    expect(await page.locator('#done').innerText()).to.equal('Quota changed to 3.');
    await focal.goto(`${foro.url}${link.pathname}`);
    expect(await focal.locator('#quota').innerText()).to.equal('Designados: 2 de 3');
    expect(await focal.getByRole('button', { name: 'Designar', exact: true }).isVisible()).to.equal(true);
    await focalContext.close();
  });

  it('shows coverage by the country each person represents, with proportional bars, in the reader’s language', async () => {
    const organizer = await createTestUser({ role: 'organizer' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const event = await createPublishedEvent({ countries: ['EC', 'PE', 'DO', 'CU'] }, actor);
    const delegate = (country: string, i: number) =>
      createTestRegistration(
        event.id,
        { givenName: 'Delegado', familyName: `${country} ${i}`, country },
        { category: 'government_delegation', countryRepresented: country },
      );
    for (let i = 0; i < 4; i += 1) await delegate('EC', i);
    for (let i = 0; i < 2; i += 1) await delegate('DO', i);
    // A speaker from Brazil, confirmed and registered by the programme: no country represented.
    await createTestRegistration(
      event.id,
      { givenName: 'Beatriz', familyName: 'Nascimento', country: 'BR', sector: 'academia' },
      { category: 'programme_participant' },
    );
    const page = browser.page;
    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);
    await page.goto(`${foro.url}/admin/events/${event.id}?lang=pt`);
    await page
      .getByRole('navigation', { name: /^Menu do evento/ })
      .getByRole('link', { name: 'Viagens e hospedagem' })
      .click();
    expect(await page.locator('#coverage tbody tr td:first-child').allInnerTexts()).to.deep.equal([
      'Cuba',
      'Equador',
      'Peru',
      'República Dominicana',
    ]);
    const byCountry = page.locator('table.bars').nth(1);
    expect(await byCountry.locator('tbody td:first-child').allInnerTexts()).to.deep.equal([
      'Equador',
      'República Dominicana',
      'Brasil',
    ]);
    const width = async (key: string) =>
      (await byCountry.locator(`tr[data-key="${key}"] .bar`).boundingBox())!.width;
    const [ec, dominican, brazil] = [await width('EC'), await width('DO'), await width('BR')];
    expect(dominican / ec).to.be.closeTo(0.5, 0.02);
    expect(brazil / ec).to.be.closeTo(0.25, 0.02);
  });
});
