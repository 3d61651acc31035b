import { expect } from 'chai';
import { useBrowserPage } from '../support/browser.js';
import { useTestForo } from '../support/foro.js';

describe('browser: home page and language switch', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url);
  const browser = useBrowserPage();

  it('opens in Spanish and switches to English and Portuguese, remembering the choice', async () => {
    await browser.page.goto(foro.url);
    expect(await browser.page.locator('h1').innerText()).to.equal('Logística de foros intergubernamentales');
    expect(await browser.page.getAttribute('html', 'lang')).to.equal('es');

    await browser.page.getByRole('link', { name: 'English' }).click();
    await browser.page.waitForURL(/lang=en/);
    expect(await browser.page.locator('h1').innerText()).to.equal('Logistics for intergovernmental forums');
    expect(await browser.page.getByRole('link', { name: 'English' }).getAttribute('aria-current')).to.equal(
      'true',
    );

    await browser.page.goto(foro.url);
    expect(await browser.page.locator('h1').innerText(), 'the choice is remembered').to.equal(
      'Logistics for intergovernmental forums',
    );

    await browser.page.getByRole('link', { name: 'Português' }).click();
    await browser.page.waitForURL(/lang=pt/);
    expect(await browser.page.locator('h1').innerText()).to.equal('Logística de fóruns intergovernamentais');
  });

  it('lays the page out on a phone without horizontal scrolling', async () => {
    await browser.page.setViewportSize({ width: 360, height: 740 });
    await browser.page.goto(foro.url);
    // Evaluated in the page (a string: the project compiles without DOM types).
    const overflow = await browser.page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).to.be.at.most(0);
    expect(await browser.page.getByRole('link', { name: 'Português' }).isVisible()).to.equal(true);
  });
});
