import type { Page, Response } from 'playwright-core';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';

const require = createRequire(import.meta.url);
/** axe-core's script, run inside the page (the page's own CSP does not apply to the test's evaluate). */
const AXE_SOURCE: string = (require('axe-core') as { source: string }).source;

/**
 * HTML conformance as html-validate's recommended rules say, read two ways of our own: checkboxes
 * that share a name are one field with several values (workshops, languages), as HTML means them;
 * and a title may pass 70 characters, because it names the page and the event (a search-engine
 * rule, while the event's full title is what a reader of tabs and history needs).
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
    'long-title': 'off',
    // The agenda grid and the coverage bars place each block by its time or share: data, not style.
    'no-inline-style': 'off',
    // Indentation left by template tags that print nothing; browsers ignore it.
    'no-trailing-whitespace': 'off',
  },
});

interface AxeResult {
  violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
}

/**
 * What a person with a screen reader, a phone or a validator would find wrong with the page the
 * browser shows now: axe-core's violations, html-validate's errors on the HTML the server sent, and
 * a page wider than the screen. An empty list when all is well.
 */
export async function problemsOf(page: Page, response: Response | null, label: string): Promise<string[]> {
  const problems: string[] = [];
  if (!response) return [`${label}: no response`];
  if (response.status() >= 500) problems.push(`${label}: status ${response.status()}`);
  await page.evaluate(AXE_SOURCE);
  const axe = await page.evaluate<AxeResult>('window.axe.run()');
  for (const v of axe.violations) {
    problems.push(
      `${label}: axe ${v.id} (${v.impact}) at ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
    );
  }
  const report = await validator.validateString(await response.text());
  for (const m of report.results.flatMap((r) => r.messages)) {
    problems.push(`${label}: html ${m.ruleId} line ${m.line}: ${m.message}`);
  }
  const { width, scroll } = await page.evaluate<{ width: number; scroll: number }>(
    '({ width: window.innerWidth, scroll: document.documentElement.scrollWidth })',
  );
  if (scroll > width) problems.push(`${label}: ${scroll} px wide on a ${width} px screen`);
  return problems;
}

/** Sends the page's main form as it is, past the browser's own checks, to see the server's error page. */
export async function submitWithMistakes(
  page: Page,
  selector = 'main form[method="post"]',
): Promise<Response | null> {
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.evaluate(
      `(() => { const form = document.querySelector(${JSON.stringify(selector)}); form.noValidate = true; form.requestSubmit(); })()`,
    ),
  ]);
  return response;
}
