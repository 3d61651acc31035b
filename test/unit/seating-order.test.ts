import { expect } from 'chai';
import { seatingOrder } from '../../src/modules/plenary/seating/seating.order.js';
import { IBERO_AMERICAN_STATES, countryName } from '../../src/shared/countries.js';

describe('plenary: seating in protocol order', () => {
  it('seats the 22 member states in Spanish order of their short names from the state drawn by lot', () => {
    const order = seatingOrder(IBERO_AMERICAN_STATES, 'MX').map((h) =>
      h.kind === 'state' ? countryName(h.country, 'es') : '',
    );
    expect(order).to.deep.equal([
      'México',
      'Nicaragua',
      'Panamá',
      'Paraguay',
      'Perú',
      'Portugal',
      'República Dominicana',
      'Uruguay',
      'Venezuela',
      'Andorra',
      'Argentina',
      'Bolivia',
      'Brasil',
      'Chile',
      'Colombia',
      'Costa Rica',
      'Cuba',
      'Ecuador',
      'El Salvador',
      'España',
      'Guatemala',
      'Honduras',
    ]);
  });

  it('starts at the first state when none is drawn yet, and seats organizations and then others after the states', () => {
    const order = seatingOrder(
      ['PE', 'EC', 'AD'],
      undefined,
      ['SEGIB', 'CEPAL', 'OIM'],
      ['Universidad de Cuenca', 'Cáritas'],
    );
    expect(order).to.deep.equal([
      { kind: 'state', country: 'AD' },
      { kind: 'state', country: 'EC' },
      { kind: 'state', country: 'PE' },
      { kind: 'organization', name: 'CEPAL' },
      { kind: 'organization', name: 'OIM' },
      { kind: 'organization', name: 'SEGIB' },
      { kind: 'other', name: 'Cáritas' },
      { kind: 'other', name: 'Universidad de Cuenca' },
    ]);
  });
});
