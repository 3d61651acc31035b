import { expect } from 'chai';
import { BadgeCode } from '../../src/modules/documents/badges/badge-code.model.js';
import { createPublishedEvent } from '../factories/events.js';
import { createTestRegistration } from '../factories/registrations.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';

describe('browser: checking people in at the door, on a phone', function () {
  this.timeout(90_000);
  const foro = useTestForo(import.meta.url);
  const browser = useBrowserPage({ locale: 'es-EC' });

  it('prints badges, types a badge code, finds someone by name, and sees the counts', async () => {
    const organizer = await createTestUser({ role: 'organizer' });
    const event = await createPublishedEvent(
      { slug: 'cuenca-2008' },
      { userId: organizer.id, label: organizer.email, via: 'ui' },
    );
    const register = async (givenName: string, familyName: string, category: string) =>
      (await createTestRegistration(event.id, { givenName, familyName, organization: 'CEPAL' }, { category }))
        .id;
    const ana = await register('Ana', 'Núñez', 'academia');
    await register('Íñigo', 'Echeverría', 'media');

    const page = browser.page;
    await page.setViewportSize({ width: 360, height: 740 });
    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);
    // Printing the badges issues their codes; the door then reads one of them.
    const badges = await page.request.get(`${foro.url}/admin/events/${event.id}/badges.pdf`);
    expect(badges.headers()['content-type']).to.equal('application/pdf');
    const code = (await BadgeCode.findOne({ registrationId: ana }).lean())!._id;

    await page.goto(`${foro.url}/admin/events/${event.id}/check-in?lang=es&day=2008-04-10`);
    await page.getByLabel('Código de la credencial').fill(String(code).toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Registrar presencia' }).first().click();
    await page.waitForLoadState();
    expect(await page.locator('#outcome').innerText())
      .to.include('Ana Núñez')
      .and.include('presente.');

    await page.getByLabel('Buscar por nombre').fill('echeverria');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Íñigo Echeverría' }).getByRole('button').click();
    await page.waitForLoadState();
    expect(await page.locator('#outcome').innerText()).to.include('Íñigo Echeverría');

    const counts = await page.locator('#counts tbody tr').first().innerText();
    expect(counts).to.match(/jueves, 10 de abril de 2008\s+1\s+1\s+2/);
    // Evaluated in the page (a string: the project compiles without DOM types).
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).to.be.at.most(0);
  });
});
