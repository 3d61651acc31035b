/**
 * Fills a letter's text so that a field the person or the event lacks leaves no empty
 * punctuation behind: "({{organization}}, {{country}})" reads "(Brasil)" without an organization
 * and disappears without both; a clause between commas that holds only missing fields goes with
 * its comma ("Ana, de nacionalidad {{nationality}}, nacida el…" → "Ana, nacida el…"); a missing
 * field anywhere else goes with the space beside it.
 *
 * The phrases are read in the template before any value is put in, so the commas inside a value
 * ("Cuenca, Ecuador") never decide what goes. Each value is put in once and never read again as a
 * placeholder, as in mail templates.
 */

const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*\}\}/g;
/** Marks in the template while phrases are read (private-use characters, removed from the text first). */
const MISSING = '\uE000';
const PRESENT_START = '\uE001';
const PRESENT_END = '\uE002';
const MARKS = /[\uE000-\uE002]/g;
const PRESENT = new RegExp(`${PRESENT_START}(\\d+)${PRESENT_END}`, 'g');
/** Where a phrase ends: commas, brackets, semicolons, colons, line breaks, and a full stop before a space. */
const SEPARATOR = /(,|\(|\)|;|:|\n|\.(?=\s|$))/;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function fillLetter(template: string, fields: Record<string, string>): string {
  const values: string[] = [];
  const marked = template
    .replace(/\r\n?/g, '\n')
    .replace(MARKS, '')
    .replace(PLACEHOLDER, (_match, name: string) => {
      const value = Object.hasOwn(fields, name) ? (fields[name] ?? '').replace(CONTROL, '').trim() : '';
      if (value === '') return MISSING;
      values.push(value);
      return `${PRESENT_START}${values.length - 1}${PRESENT_END}`;
    });
  const text = dropEmptyPhrases(marked)
    // Brackets left with nothing inside go, with the space before them.
    .replace(new RegExp(`[ \\t]*\\([\\s${MISSING}]*\\)`, 'g'), '')
    // A missing field elsewhere: one space stays between words, none at a line's edge or before punctuation.
    .replace(new RegExp(`([ \\t]*)${MISSING}([ \\t]*)`, 'g'), (_m, before: string, after: string) =>
      before && after ? ' ' : '',
    );
  return text.replace(PRESENT, (_m, index: string) => values[Number(index)] ?? '');
}

/** Removes each phrase that holds missing fields and nothing else to say, with the comma that joined it. */
function dropEmptyPhrases(marked: string): string {
  // Even indexes are phrases, odd ones the separators between them.
  const parts = marked.split(SEPARATOR);
  const neighbour = (from: number, step: 1 | -1) => {
    for (let i = from + step; i >= 0 && i < parts.length; i += step) if (parts[i] !== '') return i;
    return -1;
  };
  for (let i = 0; i < parts.length; i += 2) {
    const phrase = parts[i]!;
    if (!phrase.includes(MISSING) || phrase.includes(PRESENT_START)) continue;
    const before = neighbour(i, -1);
    const after = neighbour(i, 1);
    if (before >= 0 && parts[before] === ',') {
      parts[before] = '';
      parts[i] = '';
    } else if (after >= 0 && parts[after] === ',') {
      parts[i] = '';
      parts[after] = '';
      const next = neighbour(after, 1);
      if (next >= 0 && next % 2 === 0) parts[next] = parts[next]!.replace(/^[ \t]+/, '');
    } else if (before >= 0 && after >= 0 && parts[before] === '(' && parts[after] === ')') {
      parts[i] = '';
    }
  }
  return parts.join('');
}
