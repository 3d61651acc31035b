import { expect } from 'chai';
import { Registration } from '../../src/modules/registrations/index.js';
import { createPlenary, delegationOf } from '../factories/plenary.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';
import { browserAgent, csrfTokenIn, signIn } from '../support/http.js';

describe('browser: a focal point inscribes a minister, the organizer runs the floor on a tablet', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const browser = useBrowserPage({ locale: 'es-EC' });

  it('inscribes in Spanish, marks two speakers at 768 px, and the public list shows them as spoken', async () => {
    foro.clock.set('2008-04-01T12:00:00Z');
    const user = await createTestUser({ role: 'organizer', name: 'Equipo CELADE' });
    const actor = { userId: user.id, label: user.email, via: 'ui' as const };
    const { event, session } = await createPlenary(actor, ['EC', 'PE', 'MX']);
    const organizer = browserAgent(foro.url);
    await signIn(organizer, user.email, TEST_PASSWORD);
    const listPage = `/admin/events/${event.id}/sessions/${session.id}/speakers`;
    const csrf = csrfTokenIn((await organizer.get(listPage)).text);
    const opened = await organizer.post(listPage).type('form').send({
      _csrf: csrf,
      opensDate: '2008-03-31',
      opensTime: '08:00',
      closesDate: '2008-04-09',
      closesTime: '18:00',
      minutes: '5',
      onePerDelegation: 'yes',
      moveNotice: '3',
    });
    expect(opened.status).to.equal(303);
    // Peru's ambassador is already on the list.
    const pe = await delegationOf(foro.url, event, 'PE');
    await pe.name('Rosa', 'Quispe', 'head');
    const rosa = (await Registration.findOne({ delegationId: pe.id }).lean())!;
    const peSent = await pe.focal
      .post(`/nominations/${pe.token}/speakers/${session.id}`)
      .type('form')
      .send({ _csrf: pe.csrf, speaker: rosa.personId, level: 'ambassador', language: 'es' });
    expect(peSent.status).to.equal(303);
    const ec = await delegationOf(foro.url, event, 'EC');
    await ec.name('María', 'Espinosa', 'head');

    // The focal point of Ecuador inscribes the minister, in Spanish, on a phone-sized screen.
    const page = browser.page;
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${foro.url}/nominations/${ec.token}`);
    await page.getByRole('link', { name: 'Inscribir a la delegación en las listas de oradores' }).click();
    const list = page.getByRole('region', { name: 'Plenario de apertura' });
    await list.getByLabel('Orador/a').selectOption({ label: 'María Espinosa (Jefe/a de delegación)' });
    await list.getByLabel('Nivel').selectOption({ label: 'Ministro/a' });
    await list.getByLabel('Idioma de la intervención').selectOption({ label: 'Español' });
    await list.getByRole('button', { name: 'Inscribir' }).click();
    await page.getByText('Inscripción registrada en la lista de oradores.').waitFor();
    // The minister goes before the ambassador who inscribed first.
    expect(await list.locator('ul.ours').innerText()).to.contain('María Espinosa (Ministro/a), lugar 1');

    const published = await organizer.post(`${listPage}/publish`).type('form').send({ _csrf: csrf });
    expect(published.status).to.equal(303);

    // The organizer runs the floor on a tablet.
    await page.setViewportSize({ width: 768, height: 1024 });
    await signInWithBrowser(page, foro.url, user.email, TEST_PASSWORD);
    await page.goto(`${foro.url}/admin/events/${event.id}/floor/${session.id}`);
    expect(await page.locator('#current').innerText()).to.contain('Ecuador');
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).to.be.at.most(768);
    await page.getByRole('button', { name: 'Give the floor' }).click();
    await page.getByText('Floor given.').waitFor();
    // The countdown runs in the browser from the five minutes.
    let shown = '';
    for (let i = 0; i < 40 && !/^0[34]:[0-5]\d$/.test(shown); i++) {
      await page.waitForTimeout(250);
      shown = await page.locator('#countdown').innerText();
    }
    expect(shown).to.match(/^0[34]:[0-5]\d$/);
    await page.getByRole('button', { name: 'Spoke' }).click();
    await page.getByText('Statement recorded.').waitFor();
    expect(await page.locator('#current').innerText()).to.contain('Peru');
    await page.getByRole('button', { name: 'Spoke' }).click();
    await page.getByText('Statement recorded.').waitFor();
    expect(await page.locator('#current').innerText()).to.contain('Nobody is left on the list.');

    await page.goto(`${foro.url}/events/${event.slug}/sessions/${session.id}/speakers?lang=es`);
    const rows = await page.locator('#speakers tbody tr').allInnerTexts();
    expect(rows).to.have.length(2);
    expect(rows[0]).to.contain('Ecuador').and.contain('María Espinosa').and.contain('Intervino');
    expect(rows[1]).to.contain('Perú').and.contain('Rosa Quispe').and.contain('Intervino');
  });
});
