import { expect } from 'chai';
import { byName, nameSortKey } from '../../src/shared/name-order.js';

const people = (...familyNames: string[]) =>
  familyNames.map((familyName) => ({ familyName, givenName: 'Ana' }));
const families = (list: { familyName: string }[]) => list.map((p) => p.familyName);

describe('name order: names as the language sorts them, not as bytes', () => {
  const mixed = people('Nyberg', 'Beltrand', 'Ñandú', 'bárcena', 'Nuñez', 'Oña', 'Álvarez', 'Zapata');
  const spanish = ['Álvarez', 'bárcena', 'Beltrand', 'Nuñez', 'Nyberg', 'Ñandú', 'Oña', 'Zapata'];

  it('byte order puts "Bárcena" after "Beltrand" (what the stored key avoids)', () => {
    expect(['Bárcena', 'Beltrand'].sort()).to.deep.equal(['Beltrand', 'Bárcena']);
  });

  it('sorts by the stored key in Spanish order: accents and case do not split, ñ after n', () => {
    const sorted = [...mixed].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(families(sorted)).to.deep.equal(spanish);
  });

  it('sorts a bounded set with the language’s collator', () => {
    expect(families([...mixed].sort(byName('es')))).to.deep.equal(spanish);
  });

  it('orders a family name before a longer one that begins with it, then by given name', () => {
    const list = [
      { familyName: 'Paz Sosa', givenName: 'Ana' },
      { familyName: 'Paz', givenName: 'Zoila' },
      { familyName: 'Paz', givenName: 'Beto' },
    ];
    const byKey = [...list].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(byKey.map((p) => `${p.familyName}, ${p.givenName}`)).to.deep.equal([
      'Paz, Beto',
      'Paz, Zoila',
      'Paz Sosa, Ana',
    ]);
    expect([...list].sort(byName('es'))).to.deep.equal(byKey);
  });
});
