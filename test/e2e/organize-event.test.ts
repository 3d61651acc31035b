import { expect } from 'chai';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';

describe('browser: an organizer sets up and publishes an event', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url);
  const browser = useBrowserPage();

  it('signs in, creates the event with a room, publishes it and opens its public page', async () => {
    const organizer = await createTestUser({ role: 'organizer', name: 'Equipo CELADE' });

    await browser.page.goto(`${foro.url}/admin/events`);
    await browser.page.waitForURL(/\/login\?returnTo=/);
    await browser.page.getByLabel('Correo electrónico').fill(organizer.email);
    await browser.page.getByLabel('Contraseña').fill(TEST_PASSWORD);
    await browser.page.getByRole('button', { name: 'Iniciar sesión' }).click();
    await browser.page.waitForURL(/\/admin\/events$/);
    expect(await browser.page.getByText('Todavía no hay eventos').isVisible()).to.equal(true);

    await browser.page.getByRole('link', { name: 'Nuevo evento' }).click();
    await browser.page.getByLabel('Identificador en la dirección').fill('cuenca-2008');
    await browser.page.locator('#title_es').fill('Foro Iberoamericano sobre Migración y Desarrollo');
    await browser.page.locator('#title_pt').fill('Fórum Ibero-Americano sobre Migração e Desenvolvimento');
    await browser.page.locator('#title_en').fill('Ibero-American Forum on Migration and Development');
    await browser.page.getByLabel('Ciudad').fill('Cuenca');
    await browser.page.locator('#venue_country').selectOption('EC');
    await browser.page.getByLabel('Primer día').fill('2008-04-10');
    await browser.page.getByLabel('Último día').fill('2008-04-11');
    await browser.page.getByLabel('Añadir los 22 Estados miembros iberoamericanos').check();
    await browser.page.getByRole('button', { name: 'Crear evento' }).click();
    await browser.page.waitForURL(/\/admin\/events\/[0-9a-f]{24}$/);
    expect(await browser.page.locator('h1').innerText()).to.equal(
      'Foro Iberoamericano sobre Migración y Desarrollo',
    );
    expect(await browser.page.getByText('El programa aún no tiene sesiones.').isVisible()).to.equal(true);

    const menu = browser.page.getByRole('navigation', { name: /^Menú del evento/ });
    await menu.getByRole('link', { name: 'Datos, salas y equipo' }).click();
    await browser.page.waitForURL(/\/settings$/);
    const addRoom = browser.page.locator('form[action$="/rooms"]');
    await addRoom.getByLabel('Sala').fill('Salón Plenario');
    await addRoom.getByLabel('Aforo').fill('400');
    await addRoom.getByLabel('PT').check();
    await addRoom.getByRole('button', { name: 'Añadir sala' }).click();
    await browser.page.waitForLoadState();
    expect(await browser.page.getByRole('status').first().innerText()).to.match(/sala/i);
    expect(await browser.page.locator('#rooms input[name="name"]').first().inputValue()).to.equal(
      'Salón Plenario',
    );

    await browser.page.getByRole('button', { name: 'Publicar' }).click();
    await browser.page.waitForURL(/\/settings$/);
    expect(await browser.page.locator('.title-row .badge').innerText()).to.equal('Publicado');

    await browser.page.getByRole('link', { name: 'página pública' }).click();
    await browser.page.waitForURL(/\/events\/cuenca-2008$/);
    expect(await browser.page.locator('h1').innerText()).to.equal(
      'Foro Iberoamericano sobre Migración y Desarrollo',
    );
    expect(await browser.page.getByText('Salón Plenario').isVisible()).to.equal(true);
    expect(await browser.page.getByText('Países participantes (22)').isVisible()).to.equal(true);

    await browser.page.getByRole('link', { name: 'Português' }).click();
    expect(await browser.page.locator('h1').innerText()).to.equal(
      'Fórum Ibero-Americano sobre Migração e Desenvolvimento',
    );
  });
});
