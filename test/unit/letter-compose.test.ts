import { expect } from 'chai';
import { fillLetter } from '../../src/modules/documents/letters/compose.js';
import { DEFAULT_LETTERS } from '../../src/modules/documents/letters/letter-defaults.js';
import { signatureImageFormat } from '../../src/modules/documents/letters/signature-image.js';

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

describe('letters: signature images by their content', () => {
  const png = (width: number, height: number) => {
    const bytes = Buffer.alloc(40);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
    bytes.writeUInt32BE(13, 8);
    bytes.write('IHDR', 12, 'latin1');
    bytes.writeUInt32BE(width, 16);
    bytes.writeUInt32BE(height, 20);
    return bytes;
  };
  const jpeg = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x4a, 0x46, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x78, 0x01, 0x68,
  ]);

  it('knows a PNG and a JPEG and their size, and nothing else', () => {
    expect(signatureImageFormat(png(360, 120))).to.deep.equal({
      contentType: 'image/png',
      width: 360,
      height: 120,
    });
    expect(signatureImageFormat(jpeg)).to.deep.equal({ contentType: 'image/jpeg', width: 360, height: 120 });
    expect(signatureImageFormat(Buffer.from('%PDF-1.4 …'))).to.equal(undefined);
    expect(signatureImageFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).to.equal(
      undefined,
    );
    expect(signatureImageFormat(jpeg.subarray(0, 10)), 'cut before its size').to.equal(undefined);
    expect(signatureImageFormat(png(50_000, 50_000)), 'too many pixels to unpack').to.equal(undefined);
  });
});
