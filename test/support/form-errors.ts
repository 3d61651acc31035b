import { expect } from 'chai';

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();

/** The opening tag of the element with this id, or undefined. */
export function tagWithId(html: string, id: string): string | undefined {
  return new RegExp(`<[a-z]+\\b[^>]*\\sid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`).exec(
    html,
  )?.[0];
}

/**
 * Checks a form sent back with mistakes the way GOV.UK's pattern asks: a summary at the top
 * (role="alert", focusable, a heading) lists every problem as a link to an element that exists;
 * each field so linked carries aria-invalid and aria-describedby naming its message, which says
 * the same as the summary. Returns the messages by field.
 */
export function expectProblems(html: string, heading: string): Record<string, string> {
  const summary = /<div class="error-summary" role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  expect(summary, 'an error summary').to.not.equal(null);
  expect(summary![0]).to.match(/tabindex="-1"/);
  expect(summary![1]).to.include(`>${heading}</h2>`);
  const links = [...summary![1]!.matchAll(/<li><a href="#([^"]+)">([^<]+)<\/a><\/li>/g)];
  const items = [...summary![1]!.matchAll(/<li>/g)];
  expect(links.length, 'every problem is a link').to.equal(items.length);
  const messages: Record<string, string> = {};
  for (const [, id, text] of links) {
    const message = decode(text!);
    const target = tagWithId(html, id!);
    expect(target, `the summary links to #${id}, which exists`).to.not.equal(undefined);
    expect(target, `#${id} names its message`).to.match(
      new RegExp(`aria-describedby="[^"]*\\b${id}-error\\b`),
    );
    if (/^<(input|select|textarea)\b/.test(target!))
      expect(target, `#${id} is invalid`).to.include('aria-invalid="true"');
    const own = new RegExp(
      `<p class="field-error" id="${id}-error"><span class="visually-hidden">[^<]*</span>([^<]*)</p>`,
    ).exec(html);
    expect(own, `#${id} has its message by the field`).to.not.equal(null);
    expect(decode(own![1]!)).to.equal(message);
    messages[id!] = message;
  }
  return messages;
}
