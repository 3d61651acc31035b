import { expect } from 'chai';
import {
  COUNTRY_CODES,
  IBERO_AMERICAN_STATES,
  countriesByName,
  sortByCountryName,
} from '../../src/shared/countries.js';
import { translatorFor } from '../../src/shared/i18n/index.js';

describe('countries: names in the reader’s language, sorted as that language sorts', () => {
  it('names and sorts the 22 member states in Spanish, Portuguese and English', () => {
    const names = (language: 'es' | 'pt' | 'en') =>
      countriesByName(language, IBERO_AMERICAN_STATES).map((c) => c.name);
    expect(names('es')).to.deep.equal([
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
      'México',
      'Nicaragua',
      'Panamá',
      'Paraguay',
      'Perú',
      'Portugal',
      'República Dominicana',
      'Uruguay',
      'Venezuela',
    ]);
    expect(names('pt')).to.deep.equal([
      'Andorra',
      'Argentina',
      'Bolívia',
      'Brasil',
      'Chile',
      'Colômbia',
      'Costa Rica',
      'Cuba',
      'El Salvador',
      'Equador',
      'Espanha',
      'Guatemala',
      'Honduras',
      'México',
      'Nicarágua',
      'Panamá',
      'Paraguai',
      'Peru',
      'Portugal',
      'República Dominicana',
      'Uruguai',
      'Venezuela',
    ]);
    expect(names('en')).to.deep.equal([
      'Andorra',
      'Argentina',
      'Bolivia',
      'Brazil',
      'Chile',
      'Colombia',
      'Costa Rica',
      'Cuba',
      'Dominican Republic',
      'Ecuador',
      'El Salvador',
      'Guatemala',
      'Honduras',
      'Mexico',
      'Nicaragua',
      'Panama',
      'Paraguay',
      'Peru',
      'Portugal',
      'Spain',
      'Uruguay',
      'Venezuela',
    ]);
  });

  it('keeps each code with its name, and lists every country when no codes are given', () => {
    const es = countriesByName('es');
    expect(es).to.have.length(COUNTRY_CODES.length);
    expect(es.find((c) => c.code === 'DO')?.name).to.equal('República Dominicana');
    // An accented letter sorts with its letter: bytes would put "Irán" after "Irlanda".
    const names = es.map((c) => c.name);
    expect(names.indexOf('Irán')).to.be.lessThan(names.indexOf('Irlanda'));
  });

  it('sorts any records by their country’s name, not by its code', () => {
    const rows = [{ country: 'DO' }, { country: 'CU' }, { country: 'ES' }, { country: 'EC' }];
    expect(sortByCountryName(rows, (r) => r.country, 'es').map((r) => r.country)).to.deep.equal([
      'CU',
      'EC',
      'ES',
      'DO',
    ]);
    expect(sortByCountryName(rows, (r) => r.country, 'en').map((r) => r.country)).to.deep.equal([
      'CU',
      'DO',
      'EC',
      'ES',
    ]);
  });

  it('joins "de" with each member state’s article in Portuguese ("do Brasil", "da Argentina", "de Portugal")', () => {
    const title = (code: string, language: 'es' | 'pt') =>
      translatorFor(language)('delegations.focalTitle', {
        country: countriesByName(language, [code])[0]!.name,
      });
    const portuguese = IBERO_AMERICAN_STATES.map((code) => title(code, 'pt').replace('Delegação ', ''));
    expect(portuguese).to.deep.equal([
      'de Andorra',
      'da Argentina',
      'da Bolívia',
      'do Brasil',
      'do Chile',
      'da Colômbia',
      'da Costa Rica',
      'de Cuba',
      'da República Dominicana',
      'do Equador',
      'de El Salvador',
      'da Guatemala',
      'de Honduras',
      'do México',
      'da Nicarágua',
      'do Panamá',
      'do Paraguai',
      'do Peru',
      'de Portugal',
      'da Espanha',
      'do Uruguai',
      'da Venezuela',
    ]);
    expect(title('BR', 'es')).to.equal('Delegación de Brasil');
  });
});
