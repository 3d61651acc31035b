import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';

describe('browser: home page and language switch', function () {
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
    const context = await browser.newContext({ locale: 'es-EC' });
    page = await context.newPage();
  });
  afterEach(async () => {
    await page.context().close();
  });

  it('opens in Spanish and switches to English and Portuguese, remembering the choice', async () => {
    await page.goto(foro.url);
    expect(await page.locator('h1').innerText()).to.equal('Logística de foros intergubernamentales');
    expect(await page.getAttribute('html', 'lang')).to.equal('es');

    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/lang=en/);
    expect(await page.locator('h1').innerText()).to.equal('Logistics for intergovernmental forums');
    expect(await page.getByRole('link', { name: 'English' }).getAttribute('aria-current')).to.equal('true');

    await page.goto(foro.url);
    expect(await page.locator('h1').innerText(), 'the choice is remembered').to.equal(
      'Logistics for intergovernmental forums',
    );

    await page.getByRole('link', { name: 'Português' }).click();
    await page.waitForURL(/lang=pt/);
    expect(await page.locator('h1').innerText()).to.equal('Logística de fóruns intergovernamentais');
  });

  it('lays the page out on a phone without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(foro.url);
    // Evaluated in the page (a string: the project compiles without DOM types).
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).to.be.at.most(0);
    expect(await page.getByRole('link', { name: 'Português' }).isVisible()).to.equal(true);
  });
});
