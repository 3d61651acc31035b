import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { createFocalPoint } from '../factories/delegations.js';
import { createPublishedEvent } from '../factories/events.js';
import { ZERO_DRAFT } from '../factories/outcome.js';
import { createTestUser, TEST_PASSWORD } from '../factories/users.js';
import { signInWithBrowser, useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';
import { deliverOutbox, useTestSmtp } from '../support/smtp.js';

describe('browser: an outcome document from the zero draft through a round of amendments to Rev.1', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url, { env: { OUTBOX_WORKER: 'off' } });
  const browser = useBrowserPage({ locale: 'en-GB' });
  const smtp = useTestSmtp();
  const deliver = () => deliverOutbox(smtp.url, foro.clock);

  /** The nomination link mailed to a focal point, opened in a browser of their own language. */
  async function focalPointBrowser(chromium: Browser, email: string, locale: string): Promise<Page> {
    const mail = smtp.mails.find((m) => m.to.includes(email));
    expect(mail, `the nomination mail to ${email}`).to.not.equal(undefined);
    const link = new URL(/https?:\/\/\S+\/nominations\/\S+/.exec(mail!.parsed.text ?? '')![0]);
    const page = await (await chromium.newContext({ locale })).newPage();
    await page.goto(`${foro.url}${link.pathname}`);
    return page;
  }

  /** The paragraph of a page's text that begins with the label. */
  const paragraph = (page: Page, label: string) =>
    page
      .locator('.outcome-text p.paragraph')
      .filter({ has: page.locator('strong', { hasText: new RegExp(`^${label}$`) }) });

  it('the organizer imports five paragraphs and opens a round; Ecuador proposes in Spanish and Brazil in Portuguese; the compilation attributes both; the organizer accepts one, issues Rev.1 and compares it', async () => {
    const organizer = await createTestUser({ role: 'organizer', name: 'Equipo CELADE' });
    const actor = { userId: organizer.id, label: organizer.email, via: 'ui' as const };
    const event = await createPublishedEvent({ countries: ['EC', 'BR', 'MX'] }, actor);
    const ecuador = await createFocalPoint('EC', 'es', {
      name: 'Luis Vega',
      email: 'luis@cancilleria.ec.example',
    });
    const brazil = await createFocalPoint('BR', 'pt', {
      name: 'Ana Souza',
      email: 'ana@itamaraty.br.example',
    });
    const page = browser.page;
    await signInWithBrowser(page, foro.url, organizer.email, TEST_PASSWORD);
    const menu = page.getByRole('navigation', { name: /^Menu of the event/ });

    // The document, from the event's menu.
    await page.goto(`${foro.url}/admin/events/${event.id}`);
    await menu.getByRole('link', { name: 'Outcome document' }).click();
    await page.getByRole('link', { name: 'New outcome document' }).click();
    await page.locator('#title_es').fill('Programa de Acción de Cuenca');
    await page.locator('#title_pt').fill('Programa de Ação de Cuenca');
    await page.locator('#title_en').fill('Cuenca Programme of Action');
    await page.getByLabel('Working language').selectOption({ label: 'Español' });
    await page.getByRole('button', { name: 'Create the document' }).click();
    await page.waitForURL(/\/outcome\/[0-9a-f]{24}$/);
    const documentUrl = page.url();
    expect(await page.getByRole('status').innerText()).to.equal(
      'Document created. Now write or import its text.',
    );

    // The zero draft: previewed, nothing saved yet, then saved.
    await page.getByRole('link', { name: 'Import a draft (plain text or Markdown)' }).click();
    await page.getByLabel('Text of the draft').fill(ZERO_DRAFT);
    await page.getByRole('button', { name: 'Show how it will look' }).click();
    const preview = page.locator('#preview');
    expect(await preview.locator('h2').innerText()).to.equal('Preview: 7 blocks');
    expect(await preview.locator('p.paragraph strong').allInnerTexts()).to.deep.equal([
      'PP1',
      'PP2',
      'OP1',
      'OP2',
      'OP3',
    ]);
    expect(await preview.locator('h3').allInnerTexts()).to.deep.equal([
      'Programa de Acción de Cuenca',
      'Acciones',
    ]);
    const elsewhere = await page.context().newPage();
    await elsewhere.goto(documentUrl);
    expect(await elsewhere.locator('#outcome-text').innerText()).to.contain(
      'The text has no paragraphs yet.',
    );
    await elsewhere.close();
    await page.getByRole('button', { name: 'Save the 7 blocks' }).click();
    await page.waitForURL(documentUrl);
    expect(await page.getByRole('status').innerText()).to.equal('7 blocks imported.');
    expect(await paragraph(page, 'OP1').innerText()).to.contain(
      'Acuerdan promover una migración ordenada, regular y segura,',
    );

    // The round, until 5 April at 18:00 in Cuenca.
    await page.getByLabel('Deadline date').fill('2008-04-05');
    await page.locator('#deadlineTime').fill('18:00');
    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.waitForURL(documentUrl);
    expect(await page.getByRole('status').innerText()).to.equal('Round of amendments opened.');
    expect(await page.locator('dl.facts').innerText()).to.contain('Open until 5 Apr 2008, 18:00 (GMT-5)');

    // Two delegations invited; their focal points get their links by mail.
    await menu.getByRole('link', { name: 'Delegations' }).click();
    for (const [country, name] of [
      ['Ecuador', 'Luis Vega'],
      ['Brazil', 'Ana Souza'],
    ] as const) {
      await page.locator('#country').selectOption({ label: country });
      await page.locator('#contactId').selectOption({ label: `${name} (Focal point)` });
      await page.getByLabel('Quota').fill('3');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page.waitForURL(/\?done=invited/);
      await menu.getByRole('link', { name: 'Delegations' }).click();
    }
    await deliver();
    const chromium = page.context().browser()!;

    // Ecuador, in Spanish: replaces a passage of OP1.
    const ec = await focalPointBrowser(chromium, ecuador.email, 'es-EC');
    await ec.getByRole('link', { name: 'Documento final: proponer enmiendas' }).click();
    await ec.getByRole('link', { name: 'Programa de Acción de Cuenca' }).click();
    expect(await ec.locator('dl.facts').innerText()).to.contain('5 abr 2008');
    await ec.getByLabel('Párrafo', { exact: true }).selectOption({ label: 'OP1' });
    await ec.getByLabel('Tipo de propuesta').selectOption({ label: 'Sustituir un pasaje' });
    await ec.getByLabel('Pasaje del párrafo').fill('segura');
    await ec.getByLabel('Texto propuesto').fill('humana y solidaria');
    await ec.getByLabel('Explicación').fill('Pone a las personas en el centro.');
    await ec.getByLabel('Idioma de la propuesta').selectOption({ label: 'Español' });
    await ec.getByRole('button', { name: 'Presentar la propuesta' }).click();
    await ec.waitForURL(/#proposal-[0-9a-f]{24}$/);
    expect(await ec.getByRole('status').innerText()).to.equal('Propuesta registrada.');
    const ecOnOp1 = ec.getByRole('list', { name: 'Propuestas sobre OP1' });
    expect(await ecOnOp1.innerText())
      .to.contain('Ecuador · Sustituir un pasaje · ES')
      .and.contain('Pasaje: segura')
      .and.contain('Texto propuesto: humana y solidaria');

    // Brazil, in Portuguese: inserts words in OP2 and supports Ecuador's proposal.
    const br = await focalPointBrowser(chromium, brazil.email, 'pt-BR');
    await br.getByRole('link', { name: 'Documento final: propor emendas' }).click();
    await br.getByRole('link', { name: 'Programa de Ação de Cuenca' }).click();
    await br.getByLabel('Parágrafo', { exact: true }).selectOption({ label: 'OP2' });
    await br.getByLabel('Tipo de proposta').selectOption({ label: 'Inserir texto' });
    await br.getByLabel('Trecho do parágrafo').fill('información');
    await br.getByLabel('Texto proposto').fill('e boas práticas');
    await br.getByLabel('Idioma da proposta').selectOption({ label: 'Português' });
    await br.getByRole('button', { name: 'Apresentar a proposta' }).click();
    await br.waitForURL(/#proposal-[0-9a-f]{24}$/);
    expect(await br.getByRole('status').innerText()).to.equal('Proposta registrada.');
    expect(await br.getByRole('list', { name: 'Propostas sobre OP2' }).innerText())
      .to.contain('Brasil · Inserir texto · PT')
      .and.contain('Texto proposto: e boas práticas');
    await br
      .getByRole('list', { name: 'Propostas sobre OP1' })
      .getByRole('button', { name: 'Apoiar', exact: true })
      .click();
    expect(await br.getByRole('status').innerText()).to.equal('Apoio registrado.');
    expect(await br.getByRole('list', { name: 'Propostas sobre OP1' }).innerText()).to.contain(
      'Apoiam: Brasil',
    );

    // The compilation: each proposal in brackets where it applies, with its state and supporters.
    await page.goto(documentUrl);
    await page.getByRole('link', { name: 'Compilation text' }).click();
    expect(await page.locator('h1').innerText()).to.equal('Compilation text');
    const op1 = paragraph(page, 'OP1');
    expect(await op1.innerText()).to.contain(
      'Acuerdan promover una migración ordenada, regular y [segura humana y solidaria (Ecuador; supported by: Brazil)],',
    );
    expect(await op1.locator('del').innerText()).to.equal('segura');
    expect(await op1.locator('ins').innerText()).to.equal('humana y solidaria');
    const op2 = paragraph(page, 'OP2');
    expect(await op2.innerText()).to.contain('información [e boas práticas (Brazil)]');
    expect(await op2.locator('ins').innerText()).to.equal('e boas práticas');
    await page.getByLabel('Delegation').selectOption({ label: 'Brazil' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/delegation=BR/);
    expect(await page.locator('.outcome-text p.paragraph strong').allInnerTexts()).to.deep.equal(['OP2']);

    // The facilitator accepts Ecuador's proposal from OP1's page.
    await page.goto(documentUrl);
    await paragraph(page, 'OP1').getByRole('link', { name: /OP1$/ }).click();
    await page
      .locator('ul.proposals > li')
      .filter({ hasText: 'Ecuador' })
      .getByRole('button', { name: 'Accept this proposal' })
      .click();
    expect(await page.getByRole('status').innerText()).to.equal('Proposal accepted: OP1 changed.');
    await page.goto(documentUrl);
    expect(await paragraph(page, 'OP1').innerText()).to.contain(
      'Acuerdan promover una migración ordenada, regular y humana y solidaria,',
    );

    // Rev.1, asked and confirmed.
    await page.locator('#revision').getByRole('button', { name: 'Issue Rev.1' }).click();
    expect(await page.locator('h1').innerText()).to.equal('Issue Rev.1?');
    await page.getByRole('button', { name: 'Yes, issue it' }).click();
    await page.waitForURL(documentUrl);
    expect(await page.getByRole('status').innerText()).to.equal('Rev.1 issued.');
    expect(await page.locator('dl.facts').innerText()).to.contain('Rev.1');

    // The comparison: OP1's change word by word, the other paragraphs unchanged.
    await page.getByRole('link', { name: 'Compare with the previous version' }).click();
    expect(await page.locator('h1').innerText()).to.equal('Rev.1 compared with the zero draft');
    const changed = paragraph(page, 'OP1');
    expect(await changed.locator('del').allInnerTexts()).to.deep.equal(['segura']);
    expect(await changed.locator('ins').allInnerTexts()).to.deep.equal(['humana y solidaria']);
    expect(await page.locator('.outcome-text ins, .outcome-text del').count()).to.equal(2);
    expect(await paragraph(page, 'OP2').innerText()).to.contain(
      'Invitan a los Estados a intercambiar información sobre sus políticas migratorias,',
    );
    await ec.context().close();
    await br.context().close();
  });
});
