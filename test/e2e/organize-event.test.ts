import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { launchChromium } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';

describe('browser: an organizer sets up and publishes an event', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url);
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'es-EC' })).newPage();
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('signs in, creates the event with a room, publishes it and opens its public page', async () => {
    const organizer = await createTestUser({ role: 'organizer', name: 'Equipo CELADE' });

    await page.goto(`${foro.url}/admin/events`);
    await page.waitForURL(/\/login\?returnTo=/);
    await page.getByLabel('Correo electrónico').fill(organizer.email);
    await page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.waitForURL(/\/admin\/events$/);
    expect(await page.getByText('Todavía no hay eventos').isVisible()).to.equal(true);

    await page.getByRole('link', { name: 'Nuevo evento' }).click();
    await page.getByLabel('Identificador en la dirección').fill('cuenca-2008');
    await page.locator('#title_es').fill('Foro Iberoamericano sobre Migración y Desarrollo');
    await page.locator('#title_pt').fill('Fórum Ibero-Americano sobre Migração e Desenvolvimento');
    await page.locator('#title_en').fill('Ibero-American Forum on Migration and Development');
    await page.getByLabel('Ciudad').fill('Cuenca');
    await page.locator('#venue_country').selectOption('EC');
    await page.getByLabel('Primer día').fill('2008-04-10');
    await page.getByLabel('Último día').fill('2008-04-11');
    await page.getByLabel('Añadir los 22 Estados miembros iberoamericanos').check();
    await page.getByRole('button', { name: 'Crear evento' }).click();
    await page.waitForURL(/\/admin\/events\/[0-9a-f]{24}$/);
    expect(await page.locator('h1').innerText()).to.equal('Foro Iberoamericano sobre Migración y Desarrollo');

    const addRoom = page.locator('form[action$="/rooms"]');
    await addRoom.getByLabel('Sala').fill('Salón Plenario');
    await addRoom.getByLabel('Aforo').fill('400');
    await addRoom.getByLabel('PT').check();
    await addRoom.getByRole('button', { name: 'Añadir sala' }).click();
    await page.waitForURL(/#rooms$/);
    expect(await page.locator('#rooms input[name="name"]').first().inputValue()).to.equal('Salón Plenario');

    await page.getByRole('button', { name: 'Publicar' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.title-row .badge').innerText()).to.equal('Publicado');

    await page.getByRole('link', { name: 'página pública' }).click();
    await page.waitForURL(/\/events\/cuenca-2008$/);
    expect(await page.locator('h1').innerText()).to.equal('Foro Iberoamericano sobre Migración y Desarrollo');
    expect(await page.getByText('Salón Plenario').isVisible()).to.equal(true);
    expect(await page.getByText('Países participantes (22)').isVisible()).to.equal(true);

    await page.getByRole('link', { name: 'Português' }).click();
    expect(await page.locator('h1').innerText()).to.equal(
      'Fórum Ibero-Americano sobre Migração e Desenvolvimento',
    );
  });
});
