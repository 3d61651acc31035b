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
  afterEach(async () => {
    await page?.context().close();
  });
  return {
    get page() {
      if (!page) throw new Error('The browser page exists only inside a test');
      return page;
    },
  };
}
