import { expect } from 'chai';
import { fillLetter } from '../../src/modules/documents/letters/compose.js';
import { DEFAULT_LETTERS } from '../../src/modules/documents/letters/letter-defaults.js';

describe('letters: phrases from the fields present', () => {
  const sentence =
    '{{organizers}} certifica que {{name}} ({{organization}}, {{country}}) asistió al {{event}}.';
  const fields = {
    organizers: 'CEPAL',
    name: 'Ana Pereira',
    event: 'Foro',
    organization: 'IBGE',
    country: 'Brasil',
  };

  it('fills every field that is present', () => {
    expect(fillLetter(sentence, fields)).to.equal(
      'CEPAL certifica que Ana Pereira (IBGE, Brasil) asistió al Foro.',
    );
  });

  it('leaves out what is missing with its comma, and brackets left empty with the space before them', () => {
    expect(fillLetter(sentence, { ...fields, organization: '' })).to.equal(
      'CEPAL certifica que Ana Pereira (Brasil) asistió al Foro.',
    );
    expect(fillLetter(sentence, { ...fields, country: ' ' })).to.equal(
      'CEPAL certifica que Ana Pereira (IBGE) asistió al Foro.',
    );
    expect(fillLetter(sentence, { ...fields, organization: '', country: '' })).to.equal(
      'CEPAL certifica que Ana Pereira asistió al Foro.',
    );
    expect(fillLetter(sentence, { ...fields, organizers: '' })).to.equal(
      'certifica que Ana Pereira (IBGE, Brasil) asistió al Foro.',
    );
  });

  it('drops a clause between commas that holds only missing fields', () => {
    const visa =
      'que {{name}}, de nacionalidad {{nationality}}, nacido/a el {{dateOfBirth}}, titular del pasaporte n.º {{passportNumber}}, ha sido invitado/a';
    const all = { name: 'Ana', nationality: 'Brasil', dateOfBirth: '1970-05-01', passportNumber: 'FB1' };
    expect(fillLetter(visa, { ...all, dateOfBirth: '' })).to.equal(
      'que Ana, de nacionalidad Brasil, titular del pasaporte n.º FB1, ha sido invitado/a',
    );
    expect(fillLetter(visa, { name: 'Ana' })).to.equal('que Ana, ha sido invitado/a');
    expect(fillLetter('{{a}}, {{b}}, {{c}}.', { b: 'B' })).to.equal('B.');
  });

  it('reads phrases in the template, not in the values, and never reads a value as a placeholder', () => {
    expect(fillLetter('en {{venue}}, del {{dates}}.', { venue: 'Cuenca, Ecuador', dates: '' })).to.equal(
      'en Cuenca, Ecuador.',
    );
    expect(
      fillLetter('{{name}} ({{organization}})', { name: '{{organization}} \uE000', organization: '' }),
    ).to.equal('{{organization}} \uE000');
  });

  it('prints the default texts without empty punctuation for a person with nothing but a name', () => {
    for (const [kind, texts] of Object.entries(DEFAULT_LETTERS)) {
      for (const text of Object.values(texts)) {
        const filled = fillLetter(text, { name: 'Ana Pereira', event: 'Foro', dates: '10–11 de abril' });
        expect(filled, kind).not.to.match(/\(\s*[,)]|,\s*[,.)]|\s[,.]|\{\{/);
        expect(filled, kind).to.contain('Ana Pereira');
      }
    }
  });
});
