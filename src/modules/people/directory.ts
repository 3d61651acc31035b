import mongoose from 'mongoose';
import { blocksOf, readPage } from '../../db/blocks.js';
import { namePairsKeyed } from './name-pairs.js';
import { Person, PEOPLE_LIST } from './person.model.js';
import type { PersonSearch } from './person.schemas.js';
import { foldForSearch, toPersonView, type PersonView } from './person.views.js';

export const PAGE_SIZE = 50;

/** Words too common to find anyone by; a search still requires them, it does not look them up. */
const STOP_WORDS = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'el',
  'da',
  'das',
  'do',
  'dos',
  'of',
  'the',
  'and',
]);
const KEY_LENGTH = { min: 2, max: 8 };
/** Letters of each word in a key for a pair of words. */
const PAIR_PREFIX = 3;

const wordsOf = (folded: string) => folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The key of two words' beginnings, whichever comes first ("beg+qui" for Quispe Begoña too). */
const pairKey = (a: string, b: string) => (a < b ? `${a}+${b}` : `${b}+${a}`);

/** The distinct beginnings of the words that key pairs: three letters or more, not a stop word. */
const pairPrefixesOf = (words: string[]) => [
  ...new Set(
    words
      .filter((word) => word.length >= PAIR_PREFIX && !STOP_WORDS.has(word))
      .map((word) => word.slice(0, PAIR_PREFIX)),
  ),
];

/**
 * The keys a person is found by: the first 2 to 8 letters of each word of their names and
 * organization, folded, and the first 3 letters of each pair of those words. Why: a search then
 * reads the people who share its key (an equality FerretDB pushes down), not every person with
 * a regular expression; and a search of two common words ("María García") reads those who bear
 * both, not everyone who bears one.
 */
export function nameKeysOf(searchText: string): string[] {
  const keys = new Set<string>();
  const words = wordsOf(searchText);
  for (const word of words) {
    if (word.length < KEY_LENGTH.min || STOP_WORDS.has(word)) continue;
    for (let n = KEY_LENGTH.min; n <= Math.min(KEY_LENGTH.max, word.length); n += 1)
      keys.add(word.slice(0, n));
  }
  // Every pair, or a search of two words could miss someone: the fields' length limits bound them.
  const prefixes = pairPrefixesOf(words);
  for (let i = 0; i < prefixes.length; i += 1)
    for (let j = i + 1; j < prefixes.length; j += 1) keys.add(pairKey(prefixes[i]!, prefixes[j]!));
  return [...keys];
}

/** A search by name: the key to read candidates by, and the test each candidate must pass. */
export interface NameSearch {
  key: string;
  /** True when every word searched begins a word of these (folded) names. */
  matches(searchText: string): boolean;
}

/**
 * The search for these words, or undefined when none has two letters (nothing to look up). With
 * `pairs` (every stored record carries pair keys: `name-pairs.ts`), two words of three letters
 * or more are looked up by their pair; otherwise by the longest word.
 */
export function nameSearchOf(q: string, pairs = false): NameSearch | undefined {
  const words = wordsOf(foldForSearch(q)).slice(0, 5);
  const keyed = words
    .filter((word) => word.length >= KEY_LENGTH.min && !STOP_WORDS.has(word))
    .sort((a, b) => b.length - a.length);
  const prefixes = pairPrefixesOf(keyed);
  const key =
    pairs && prefixes.length >= 2 ? pairKey(prefixes[0]!, prefixes[1]!) : keyed[0]?.slice(0, KEY_LENGTH.max);
  if (!key) return undefined;
  return {
    key,
    matches: (searchText) => {
      const own = wordsOf(searchText);
      return words.every((word) => own.some((mine) => mine.startsWith(word)));
    },
  };
}

export type DirectoryFilter = Pick<PersonSearch, 'q' | 'country' | 'sector'> & {
  /** Only these people (those in a role). */
  ids?: string[] | undefined;
};

/** Up to this many blocks the directory counts its people on each read. */
const COUNTED_UP_TO_BLOCKS = 8;

export interface DirectoryPage {
  people: PersonView[];
  /** Given while the directory is small enough to count on each read. */
  total?: number;
  next?: string;
  previous?: string;
  /** The search has no word of two letters: nothing was looked up. */
  tooShort?: boolean;
}

/**
 * One page of the directory in the order people were added, after or before a cursor, filtered
 * by country, sector, role and name: names and organizations whose words begin with every word
 * searched (case and accents ignored). A page reads about a block; a search reads the people
 * who share its key when its matches are too sparse to fill a page from a few blocks.
 */
export async function directoryPage(
  filter: DirectoryFilter,
  at: { after?: string | undefined; before?: string | undefined } = {},
  size = PAGE_SIZE,
): Promise<DirectoryPage> {
  const search = filter.q ? nameSearchOf(filter.q, await namePairsKeyed()) : undefined;
  if (filter.q && !search) return { people: [], tooShort: true };
  const query = {
    ...(filter.country && { country: filter.country }),
    ...(filter.sector && { sector: filter.sector }),
    ...(search && { nameKeys: search.key }),
  };
  const only = filter.ids ? new Set(filter.ids) : undefined;
  const kept = <T extends { _id: unknown; searchText: string }>(docs: T[]) =>
    docs.filter((d) => (!only || only.has(String(d._id))) && (!search || search.matches(d.searchText)));
  const readAll = async () => {
    if (!only) return kept(await Person.find(query).lean());
    // Those in a role are read by id: FerretDB reads every person for an `$in`.
    const ids = [...only].filter((id) => mongoose.isValidObjectId(id));
    const docs = await Promise.all(ids.map((id) => Person.findOne({ _id: id, ...query }).lean()));
    return kept(docs.filter((doc) => doc !== null));
  };
  const page = await readPage({
    list: PEOPLE_LIST,
    size,
    readBlock: async (block) => kept(await Person.find({ ...query, block }).lean()),
    readAll,
    placeOf: (doc) => ({ block: doc.block ?? 0, key: String(doc._id) }),
    ...at,
  });
  const small = (await blocksOf(PEOPLE_LIST)).length <= COUNTED_UP_TO_BLOCKS;
  return {
    people: page.rows.map(toPersonView),
    ...(small && { total: (await readAll()).length }),
    ...(page.next && { next: page.next }),
    ...(page.previous && { previous: page.previous }),
  };
}
