import { expect } from 'chai';
import { inListOrder, participantGroups } from '../../src/modules/documents/participants/participants.js';
import { translatorFor } from '../../src/shared/i18n/index.js';
import type { Participant } from '../../src/modules/registrations/index.js';

const participant = (familyName: string, country: string, head = false): Participant =>
  ({
    registration: {
      id: familyName,
      personId: familyName,
      category: country ? 'government_delegation' : 'academia',
      countryRepresented: country || undefined,
      ...(head && { delegationRole: 'head' }),
    },
    person: { givenName: 'Ana', familyName, country: 'EC' },
  }) as unknown as Participant;

const everyone = [
  participant('Brito', 'BR'),
  participant('Zúñiga', 'AR'),
  participant('Álvarez', 'AR'),
  participant('Moura', 'BR', true),
  participant('Costa', 'BR'),
  participant('Núñez', ''),
  participant('Alves', 'BR'),
  participant('Peña', 'AR'),
];
const t = translatorFor('es');
const names = (part: Participant[]) =>
  participantGroups(part, 'es', t, 'public').map(
    (g) => `${g.heading}: ${g.entries.map((e) => e.name).join(', ')}`,
  );

describe('participant lists in parts', () => {
  it('orders states first, head of delegation first, then by name; a part cut inside a group keeps its heading', () => {
    const ordered = inListOrder(everyone, 'es');
    expect(ordered.map((p) => p.person.familyName)).to.deep.equal([
      ...['Álvarez', 'Peña', 'Zúñiga'],
      ...['Moura', 'Alves', 'Brito', 'Costa'],
      'Núñez',
    ]);
    expect(names(ordered.slice(0, 5))).to.deep.equal([
      'Argentina: Ana Álvarez, Ana Peña, Ana Zúñiga',
      'Brasil: Ana Moura, Ana Alves',
    ]);
    expect(names(ordered.slice(5))).to.deep.equal(['Brasil: Ana Brito, Ana Costa', 'Academia: Ana Núñez']);
    expect(names([])).to.deep.equal([]);
  });
});
