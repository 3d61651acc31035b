import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (test tools cannot download their own browser here), with the network quiet. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** One Chromium for a test file and a fresh page (own cookies) for each test. */
export function useBrowserPage(options: { locale?: string } = {}): { readonly page: Page } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await (await browser!.newContext({ locale: options.locale ?? 'es-EC' })).newPage();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      // What the browser showed when the test failed, for the log.
      const shot = join(tmpdir(), `foro-e2e-${Date.now()}.png`);
      await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
      const text = await page
        .locator('body')
        .innerText()
        .catch(() => '');
      console.log(`  browser at ${page.url()} (screenshot ${shot}):\n${text.slice(0, 800)}`);
    }
    await page?.context().close();
  });
  return {
    get page() {
      if (!page) throw new Error('The browser page exists only inside a test');
      return page;
    },
  };
}

/** Signs in through the login page, in English, as a person would. */
export async function signInWithBrowser(
  page: Page,
  url: string,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${url}/login?lang=en`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/admin/);
}
