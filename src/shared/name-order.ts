/**
 * People in the order their language sorts names: accents and case do not split the order
 * ("Bárcena" before "Beltrand") and, in Spanish, "ñ" is a letter after "n" ("Ñandú" after
 * "Nyberg"). Byte order does neither.
 */

interface Named {
  familyName: string;
  givenName: string;
}

/** After every "n…" and before "o", in byte order: what "ñ" becomes in a sort key. */
const N_TILDE = 'n~';

const foldForOrder = (text: string) =>
  text
    .toLowerCase()
    .replace(/ñ/g, '\uE000')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\uE000/g, N_TILDE)
    .replace(/[^\p{L}\p{N}~]+/gu, ' ')
    .trim();

/**
 * A key whose byte order is the Spanish order of family name, then given name: stored on the
 * record when it is written, because FerretDB has no collation to sort by. Two spaces part the
 * names so that "Paz" comes before "Paz Sosa" whatever the given names.
 */
export function nameSortKey(person: Named): string {
  return `${foldForOrder(person.familyName)}  ${foldForOrder(person.givenName)}`;
}

/** Compares people by family name, then given name, as `language` sorts them (a bounded set in memory). */
export function byName(language: string): (a: Named, b: Named) => number {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return (a, b) => collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName);
}

/** Compares two stored sort keys (`nameSortKey`): plain byte order, which the key makes the Spanish one. */
export const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares people by their stored sort key. */
export const bySortKey = (a: { sortKey: string }, b: { sortKey: string }): number =>
  compareKeys(a.sortKey, b.sortKey);
