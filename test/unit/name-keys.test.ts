import { expect } from 'chai';
import { nameKeysOf, nameSearchOf } from '../../src/modules/people/directory.js';
import { foldForSearch } from '../../src/modules/people/person.views.js';

const keysOf = (text: string) => nameKeysOf(foldForSearch(text));

describe('name keys: searches read the people who share their key', () => {
  it('keys each word’s beginnings and each pair of words, whichever comes first', () => {
    const keys = keysOf('Begoña Quispe Mamani');
    expect(keys).to.include.members([
      'be',
      'bego',
      'begona',
      'qu',
      'quispe',
      'beg+qui',
      'beg+mam',
      'mam+qui',
    ]);
    expect(keys.filter((key) => key.includes('+'))).to.have.length(3);
    // Stop words and two-letter words make no pair.
    expect(keysOf('Ana de la Cruz').filter((key) => key.includes('+'))).to.deep.equal(['ana+cru']);
  });

  it('reads two words by their pair only when every record carries pairs', () => {
    expect(nameSearchOf('Begoña Quispe', true)!.key).to.equal('beg+qui');
    expect(nameSearchOf('quispe BEGOÑA', true)!.key).to.equal('beg+qui');
    expect(nameSearchOf('Begoña Quispe', false)!.key).to.equal('begona');
    expect(nameSearchOf('Quispe', true)!.key).to.equal('quispe');
    // "Jo" has no pair key: the longer word is read alone.
    expect(nameSearchOf('Jo Quispe', true)!.key).to.equal('quispe');
    // Two words with one beginning ("Quispe Quisbert") read by the longer one.
    expect(nameSearchOf('Quispe Quisbert', true)!.key).to.equal('quisbert');
    expect(nameSearchOf('de la', true)).to.equal(undefined);
  });

  it('never misses a match: whenever a search matches someone, its key is one of theirs', () => {
    const people = [
      'María José García de la Torre',
      'José María Pérez',
      'Begoña Quispe',
      'João da Silva Comissão Econômica para a América Latina e o Caribe',
      'Ana Cruz Organização Internacional para as Migrações',
      'Li Wu',
    ];
    for (const person of people) {
      const text = foldForSearch(person);
      const keys = new Set(nameKeysOf(text));
      const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      const beginnings = words.flatMap((word) =>
        [2, 3, 4, 6].filter((n) => n <= word.length).map((n) => word.slice(0, n)),
      );
      for (const a of beginnings)
        for (const b of beginnings) {
          for (const pairs of [true, false]) {
            const search = nameSearchOf(`${a} ${b}`, pairs);
            if (search?.matches(text)) expect(keys, `${person}: "${a} ${b}"`).to.include(search.key);
          }
        }
    }
  });
});
