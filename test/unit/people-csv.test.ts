import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import { csvDocument } from '../../src/shared/csv.js';
import { neutralizeCell, peopleToCsv, readPeopleCsv } from '../../src/modules/people/person.csv.js';
import type { PersonView } from '../../src/modules/people/index.js';

describe('people: CSV', () => {
  it('neutralizes cells a spreadsheet would run as formulas, but not numbers or phones', () => {
    expect(neutralizeCell('=HYPERLINK("http://x","y")')).to.equal('\'=HYPERLINK("http://x","y")');
    expect(neutralizeCell('+cmd|')).to.equal("'+cmd|");
    expect(neutralizeCell('-2+3+cmd')).to.equal("'-2+3+cmd");
    expect(neutralizeCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(neutralizeCell('\tTab')).to.equal("'\tTab");
    expect(neutralizeCell('\rCR')).to.equal("'\rCR");
    expect(neutralizeCell('+593 7 284 1234')).to.equal('+593 7 284 1234');
    expect(neutralizeCell('-12.5')).to.equal('-12.5');
    expect(neutralizeCell('CEPAL')).to.equal('CEPAL');
  });

  it('quotes what must be quoted, so an independent parser reads every cell back', () => {
    const cells = ['Ana, María', 'Dice "sí"', 'línea\nnueva', 'retorno\r', 'São Tomé', '', "O'Brien", '=1+1'];
    const file = csvDocument(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], [cells, [undefined, 7]]);
    expect(file.startsWith('\uFEFFa,b,c,d,e,f,g,h\n')).to.equal(true);
    expect(file).to.contain(
      `"Ana, María","Dice ""sí""","línea\nnueva","retorno\r",São Tomé,,O'Brien,'=1+1\n`,
    );
    const read = parse(file.slice(1), { relax_column_count: true }) as string[][];
    expect(read.slice(1)).to.deep.equal([
      [...cells.slice(0, 7), "'=1+1"],
      ['', '7'],
    ]);
  });

  it('exports without contact details for those who may not see them, and never gender', () => {
    const person: PersonView = {
      id: '1',
      honorific: 'Dra.',
      givenName: 'Ana',
      familyName: 'Pérez',
      position: undefined,
      organization: '=cmd',
      sector: 'academia',
      country: 'EC',
      email: 'ana@example.org',
      phone: '+593 99',
      language: 'es',
      timezone: 'Europe/Madrid',
      gender: 'female',
      biography: {},
      sortKey: 'perez  ana',
    };
    const full = peopleToCsv([person], { withContactDetails: true });
    expect(full.startsWith('\uFEFFhonorific,given_name,family_name')).to.equal(true);
    expect(full).to.contain("Dra.,Ana,Pérez,,'=cmd,academia,EC,ana@example.org,+593 99,es,Europe/Madrid,,");
    const limited = peopleToCsv([person], { withContactDetails: false });
    expect(limited).to.not.contain('ana@example.org');
    expect(limited).to.not.contain('female');
  });

  it('reads a speaker’s own time zone, and refuses one that does not exist', () => {
    const [madrid, nowhere] = readPeopleCsv(
      ['given_name,family_name,time_zone', 'Ana,Pérez,Europe/Madrid', 'Luis,Gómez,Mars/Olympus'].join('\n'),
    );
    expect(madrid?.input?.timezone).to.equal('Europe/Madrid');
    expect(nowhere?.errors).to.deep.equal([{ field: 'timezone', code: 'invalid_timezone' }]);
  });

  it('reads rows with their line numbers and reports each problem', () => {
    const rows = readPeopleCsv(
      [
        'Given Name;Family Name;Country;Email;Sector;Gender',
        'José;Martínez;ec;jose@example.org;academia;male',
        ';Sin Nombre;EC;;;',
        'Ana;"Pérez',
        'Soto";XX;ana@example.org;astrology;',
        'Luis;Gómez;PE;JOSE@example.org;;',
      ].join('\r\n'),
    );
    expect(
      rows.map((r) => r.line),
      'a record starts where it starts',
    ).to.deep.equal([2, 3, 4, 6]);
    expect(rows[0]?.input).to.include({
      givenName: 'José',
      familyName: 'Martínez',
      country: 'EC',
      email: 'jose@example.org',
    });
    expect(rows[1]?.errors).to.deep.equal([{ field: 'givenName', code: 'required' }]);
    expect(rows[2]?.input).to.equal(undefined);
    expect(rows[2]?.errors.map((e) => `${e.field}:${e.code}`)).to.have.members([
      'country:invalid_country',
      'sector:invalid_choice',
    ]);
    expect(rows[3]?.errors).to.deep.equal([
      { field: 'email', code: 'duplicate_in_file', params: { line: 2 } },
    ]);
  });

  it('refuses a file without the name columns, and one that is not CSV', () => {
    expect(() => readPeopleCsv('name,email\nAna,a@x.org')).to.throw(/csv_missing_columns/);
    expect(() => readPeopleCsv('given_name,family_name\n"unclosed,quote\n')).to.throw(/csv_unreadable/);
  });
});
