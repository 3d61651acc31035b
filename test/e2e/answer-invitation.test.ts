import { expect } from 'chai';
import { createPanel } from '../factories/invitations.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';
import { parseCalendar } from '../support/ical.js';
import { deliverOutbox, useTestSmtp } from '../support/smtp.js';

describe('browser: invitations are sent, opened and confirmed', function () {
  this.timeout(90_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const browser = useBrowserPage({ locale: 'en-GB' });
  const smtp = useTestSmtp();

  const deliver = () => deliverOutbox(smtp.url, foro.clock);

  it('an organizer invites the panel; a speaker opens the link, confirms, and receives the receipt', async () => {
    const organizer = await createTestUser({ role: 'organizer' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const { event, session } = await createPanel(actor);
    const page = browser.page;

    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);
    await page.goto(`${foro.url}/admin/events/${event.id}`);
    await page
      .getByRole('navigation', { name: /^Menu of the event/ })
      .getByRole('link', { name: 'Invitations' })
      .click();
    await page.getByRole('link', { name: 'Invite everyone proposed (4)' }).click();
    expect(await page.locator('.lead').innerText()).to.include('3 invitations will be sent');
    expect(await page.locator('.alert').innerText()).to.include('Sin Correo');
    await page.getByRole('button', { name: 'Send 3 invitations' }).click();
    await page.waitForURL(/\/admin\/outbox\/batches\//);
    expect(await page.locator('progress').getAttribute('max')).to.equal('3');

    await deliver();
    await page.reload();
    expect(await page.getByRole('status').first().innerText()).to.include('Done: 3 of 3 sent');

    const invitation = smtp.mails.find((m) => m.to.includes('joao@itamaraty.example'))!;
    const confirmUrl = /https?:\/\/\S+answer=confirm/.exec(invitation.parsed.text ?? '')![0];
    const speaker = await browser.page.context().browser()!.newContext({ locale: 'pt-BR' });
    const inbox = await speaker.newPage();
    await inbox.goto(`${foro.url}${new URL(confirmUrl).pathname}${new URL(confirmUrl).search}`);
    expect(await inbox.locator('h1').innerText()).to.equal('Convite');
    expect(await inbox.locator('body').innerText()).to.include('Migração e desenvolvimento');
    expect(await inbox.getByLabel('Sim, confirmo minha participação').isChecked()).to.equal(true);
    await inbox.getByLabel('Data de chegada').fill('2008-04-09');
    await inbox.getByLabel('Data de partida').fill('2008-04-11');
    await inbox.getByLabel('Alimentação (dieta, alergias)').fill('Sem glúten');
    await inbox.getByRole('button', { name: 'Enviar resposta' }).click();
    await inbox.waitForURL(/answered=1/);
    expect(await inbox.getByRole('status').first().innerText()).to.include(
      'sua participação está confirmada',
    );
    await speaker.close();

    await deliver();
    const receipt = smtp.mails.find((m) => m.subject?.startsWith('Participação confirmada'));
    expect(receipt, 'the receipt reached the mail server').to.not.equal(undefined);
    const ics = receipt!.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    const calendar = parseCalendar(ics.content.toString('utf8'));
    expect(calendar.method).to.equal('REQUEST');
    expect(calendar.events[0]!.uid).to.equal(`${session.id}@foro`);

    await page.goto(`${foro.url}/admin/events/${event.id}/invitations`);
    expect(await page.locator('body').innerText()).to.include('Sem glúten');
  });
});
