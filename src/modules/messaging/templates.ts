/**
 * Mail templates that organizers edit: plain text with logic-less `{{placeholder}}` fields from a
 * whitelist. Each value is substituted once (a value that looks like a placeholder stays text) and
 * escaped for its output: HTML-escaped in the HTML part, without line breaks in the subject.
 * The view engine, which can run code, never sees organizer text.
 */
export interface MailTemplate {
  subject: string;
  body: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;
const PLACEHOLDER_AND_SPACE = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}( ?)/g;

/** Placeholders a template uses that are not in the whitelist (to refuse the template when saved). */
export function unknownPlaceholders(template: MailTemplate, allowed: readonly string[]): string[] {
  const used = [...`${template.subject}\n${template.body}`.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  return [...new Set(used.filter((name) => !allowed.includes(name)))];
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** One pass over the template: each placeholder is replaced by its (escaped) value, never re-read. */
function substitute(
  template: string,
  fields: Record<string, string>,
  escape: (value: string) => string,
): string {
  // An empty field takes the space after it along, so "Dear {{honorific}} {{name}}" reads well without one.
  return template.replace(PLACEHOLDER_AND_SPACE, (_match, name: string, space: string) => {
    const value = Object.hasOwn(fields, name) ? (fields[name] ?? '') : '';
    return value === '' ? '' : escape(value) + space;
  });
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;

/** The HTML part: the text, escaped, in paragraphs, with web addresses as links. */
function textToHtml(text: string): string {
  const paragraphs = text.split(/\n{2,}/).map((paragraph) => {
    const escaped = escapeHtml(paragraph).replace(URL_IN_TEXT, (url) => `<a href="${url}">${url}</a>`);
    return `<p>${escaped.replace(/\n/g, '<br>\n')}</p>`;
  });
  return `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5">\n${paragraphs.join('\n')}\n</body></html>`;
}

const hasValue = (fields: Record<string, string>, name: string) =>
  Object.hasOwn(fields, name) && (fields[name] ?? '') !== '';

/**
 * Leaves out a line whose fields are all empty, so an optional detail goes with its label
 * ("Panel: {{panel}}" when nobody else is on the panel, "Mensaje: {{message}}" without one)
 * instead of leaving "Panel: " behind; lines without fields stay as written.
 */
function withoutEmptyLines(body: string, fields: Record<string, string>): string {
  const kept = body.split('\n').filter((line) => {
    const names = [...line.matchAll(PLACEHOLDER)].map((m) => m[1]!);
    return names.length === 0 || names.some((name) => hasValue(fields, name));
  });
  return kept.join('\n').replace(/\n{3,}/g, '\n\n');
}

export function renderMail(template: MailTemplate, fields: Record<string, string>): RenderedMail {
  const clean = (value: string) => value.replace(CONTROL, '');
  const subject = substitute(template.subject, fields, (v) => clean(v).replace(/[\r\n\u2028\u2029]+/g, ' '))
    .replace(/[\r\n]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  const text = substitute(withoutEmptyLines(template.body.replace(/\r\n?/g, '\n'), fields), fields, (v) =>
    clean(v).replace(/\r\n?/g, '\n'),
  );
  return { subject, text, html: textToHtml(text) };
}
