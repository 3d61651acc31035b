import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { publishProgramme } from '../../src/modules/published-programme/index.js';
import { createPanel } from '../factories/invitations.js';
import { pdfBytes } from '../factories/documents.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';

describe('browser: an organizer registers an official document and the public downloads it', function () {
  this.timeout(90_000);
  const foro = useTestForo(import.meta.url);
  const browser = useBrowserPage();

  it('registers a document with two language versions on a session; the Portuguese page lists it and the file downloads as uploaded', async () => {
    const organizer = await createTestUser({ role: 'organizer', name: 'Equipo CELADE' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const { event, session } = await createPanel(actor);
    const page = browser.page;
    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);

    await page.goto(`${foro.url}/admin/events/${event.id}`);
    const menu = page.getByRole('navigation', { name: /^Menu of the event/ });
    await menu.getByRole('link', { name: 'Official documents' }).click();
    await page.getByRole('link', { name: 'Register a document' }).click();
    await page.getByLabel('Symbol').fill('UN/POP/MIG-6CM/2007/20');
    await page.locator('#title_es').fill('Migración internacional en las Américas');
    await page.locator('#title_pt').fill('Migração internacional nas Américas');
    await page.getByLabel('Kind').selectOption('study');
    await page.getByLabel('Date').fill('2008-03-20');
    await page.getByLabel('Status').selectOption('final');
    await page.locator('input[name="sessionIds"]').first().check();
    await page.getByRole('button', { name: 'Register the document' }).click();
    await page.waitForURL(/\/documents\/[0-9a-f]{24}$/);
    expect(await page.getByRole('status').first().innerText()).to.include('UN/POP/MIG-6CM/2007/20');

    const spanish = pdfBytes('Migracion internacional');
    const portuguese = pdfBytes('Migracao internacional');
    for (const [language, bytes] of [
      ['es', spanish],
      ['pt', portuguese],
    ] as const) {
      await page.locator('#language').selectOption(language);
      await page
        .getByLabel('File')
        .setInputFiles({ name: `study-${language}.pdf`, mimeType: 'application/pdf', buffer: bytes });
      await page.getByRole('button', { name: 'Upload the file' }).click();
      await page.waitForLoadState();
      expect(await page.getByRole('status').first().innerText()).to.match(/version saved/);
    }

    await page.goto(`${foro.url}/events/${event.slug}/documents?lang=pt`);
    expect(await page.locator('h1').innerText()).to.equal('Documentos da reunião');
    const row = page.locator('tr', { hasText: 'UN/POP/MIG-6CM/2007/20' });
    expect(await row.innerText()).to.include('Migração internacional nas Américas');
    expect(await row.innerText()).to.include('Estudo');
    expect(await row.innerText()).to.include('EN: não disponível');
    await page.getByLabel('Sessão').selectOption(session.id);
    await page.getByRole('button', { name: /Buscar|Pesquisar/ }).click();
    expect(await page.locator('tr', { hasText: 'UN/POP/MIG-6CM/2007/20' }).count()).to.equal(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('tr', { hasText: 'UN/POP/MIG-6CM/2007/20' }).getByRole('link', { name: 'PT' }).click(),
    ]);
    expect(download.suggestedFilename()).to.equal('UN_POP_MIG-6CM_2007_20-pt.pdf');
    const saved = await readFile((await download.path())!);
    expect(Buffer.compare(saved, portuguese)).to.equal(0);

    await publishProgramme(event, actor, foro.clock);
    await page.goto(`${foro.url}/events/${event.slug}/programme?lang=pt`);
    const listed = page.locator(`#session-${session.id} .session-documents`);
    expect(await listed.innerText()).to.equal('Documentos da sessão: UN/POP/MIG-6CM/2007/20');
  });
});
