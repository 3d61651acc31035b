import { expect } from 'chai';
import { addRoom, setEventStatus } from '../../src/modules/events/index.js';
import { createTestEvent } from '../factories/events.js';
import { createTestPerson } from '../factories/people.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';

describe('browser: an organizer builds and publishes the programme', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url);
  const browser = useBrowserPage({ locale: 'en-GB' });

  it('builds a session, assigns a speaker, confirms, publishes, and sees it on the public page', async () => {
    const organizer = await createTestUser({ role: 'organizer' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const event = await createTestEvent(
      { slug: 'cuenca-2008', title: { es: 'Foro Iberoamericano', en: 'Ibero-American Forum' } },
      actor,
    );
    await addRoom(event.id, { name: 'Salón Plenario', capacity: 400, interpretation: [] }, actor, foro.clock);
    await setEventStatus(event.id, 'published', actor, foro.clock);
    await createTestPerson({
      honorific: 'Dra.',
      givenName: 'Gioconda',
      familyName: 'Herrera',
      organization: 'FLACSO Ecuador',
      country: 'EC',
    });
    const page = browser.page;

    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);

    await page.goto(`${foro.url}/admin/events/${event.id}/agenda`);
    await page.getByRole('link', { name: 'New session' }).click();
    await page.locator('#type').selectOption('panel');
    await page.locator('#title_en').fill('Human rights of migrants');
    await page.locator('#title_es').fill('Derechos humanos de las personas migrantes');
    await page.locator('#roomId').selectOption({ label: 'Salón Plenario (400)' });
    await page.locator('#date').fill('2008-04-10');
    await page.locator('#start').fill('14:00');
    await page.locator('#end').fill('16:00');
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);

    await page.getByLabel('Name or organization').fill('herrera');
    await page.getByRole('button', { name: 'Search' }).click();
    const candidate = page.locator('form.candidate').filter({ hasText: 'Gioconda Herrera' });
    await candidate.locator('select[name="role"]').selectOption('speaker');
    await candidate.getByRole('button', { name: 'Add' }).click();
    await page.waitForURL(/\/sessions\/[0-9a-f]{24}$/);

    const row = page.locator('#people tr').filter({ hasText: 'Gioconda Herrera' });
    await row.locator('select[name="status"]').selectOption('confirmed');
    await row.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Gioconda Herrera (Speaker): Confirmed.' }).waitFor();
    expect(
      await page
        .locator('#people tr')
        .filter({ hasText: 'Gioconda Herrera' })
        .locator('select[name="status"]')
        .inputValue(),
    ).to.equal('confirmed');

    await page.goto(`${foro.url}/admin/events/${event.id}/agenda?day=2008-04-10`);
    expect(
      await page.locator('.builder .block').filter({ hasText: 'Human rights of migrants' }).innerText(),
    ).to.contain('Speaker: Dra. Gioconda Herrera (Confirmed)');

    await page.getByRole('link', { name: 'Publish the programme' }).click();
    await page.getByRole('button', { name: 'Publish a new version' }).click();
    await page.waitForURL(/\/programme$/);
    expect(await page.getByRole('status').first().innerText()).to.equal('Version 1 published.');

    await page.goto(`${foro.url}/events/cuenca-2008/programme?lang=en`);
    const session = page.locator('.programme-session').filter({ hasText: 'Human rights of migrants' });
    expect(await session.innerText()).to.contain('14:00–16:00 (GMT-5)');
    expect(await session.innerText()).to.contain('Speaker: Dra. Gioconda Herrera, FLACSO Ecuador, Ecuador');
    await page.getByRole('link', { name: 'Español', exact: true }).click();
    expect(await page.locator('.programme-session h3').first().innerText()).to.equal(
      'Derechos humanos de las personas migrantes',
    );
  });
});
