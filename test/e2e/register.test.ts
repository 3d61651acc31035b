import { expect } from 'chai';
import { createPublishedEvent } from '../factories/events.js';
import { createTestUser } from '../factories/users.js';
import { useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';
import { deliverOutbox, startTestSmtp } from '../support/smtp.js';

describe('browser: registering for the forum', function () {
  this.timeout(90_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const browser = useBrowserPage({ locale: 'pt-BR' });

  it('registers in Portuguese, receives the mail, opens the private link and cancels', async () => {
    const organizer = await createTestUser({ role: 'organizer' });
    const event = await createPublishedEvent(
      { slug: 'cuenca-2008' },
      { userId: organizer.id, label: organizer.email, via: 'ui' },
    );
    const page = browser.page;
    await page.goto(`${foro.url}/events/${event.slug}`);
    await page.getByRole('link', { name: 'Inscrever-se' }).click();
    await page.getByLabel('Nome(s)', { exact: true }).fill('Beatriz');
    await page.getByLabel('Sobrenome').fill('Nascimento');
    await page.getByLabel('E-mail').fill('beatriz@ibge.example');
    await page.getByLabel('Organização').fill('IBGE');
    await page.locator('#country').selectOption('BR');
    await page.locator('#sector').selectOption('government');
    await page.locator('#category').selectOption('academia');
    await page.getByLabel('Alimentação (dieta, alergias)').fill('Vegetariana');
    await page.getByLabel(/Aceito que meus dados/).check();
    await page.getByRole('button', { name: 'Enviar inscrição' }).click();
    await page.waitForURL(/register\/thanks/);
    expect(await page.locator('#registration-status').innerText()).to.include(
      'Sua inscrição está confirmada.',
    );
    expect(await page.locator('#summary').innerText())
      .to.include('Beatriz Nascimento')
      .and.include('Academia');
    expect(await page.locator('#mail-sent').innerText()).to.include('b•••@ibge.example');
    await page.getByRole('button', { name: 'Reenviar o e-mail com meu link privado' }).click();
    await page.waitForURL(/resent=1/);
    expect(await page.locator('#resent').innerText()).to.include('Enviamos de novo');

    const smtp = await startTestSmtp();
    await deliverOutbox(smtp.url, foro.clock);
    await smtp.stop();
    expect(smtp.mails.map((m) => m.to)).to.deep.equal([['beatriz@ibge.example'], ['beatriz@ibge.example']]);
    const mail = smtp.mails.find((m) => /^Inscrição confirmada/.test(m.subject ?? ''));
    const link = new URL(/https?:\/\/\S+\/registrations\/\S+/.exec(mail!.parsed.text ?? '')![0]);

    await page.goto(`${foro.url}${link.pathname}${link.search}`);
    expect(await page.locator('#status').innerText()).to.equal('Confirmada');
    expect(await page.getByLabel('Alimentação (dieta, alergias)').inputValue()).to.equal('Vegetariana');
    await page.getByRole('button', { name: 'Cancelar minha inscrição' }).click();
    await page.getByRole('button', { name: 'Sim, cancelar minha inscrição' }).click();
    await page.waitForURL(/cancelled=1/);
    expect(await page.locator('#status').innerText()).to.equal('Cancelada');
  });
});
