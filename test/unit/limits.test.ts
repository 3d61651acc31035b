import { expect } from 'chai';
import { z } from 'zod';
import { ValidationError } from '../../src/shared/errors.js';
import { email, LIMITS, requiredText, text, trilingual } from '../../src/shared/limits.js';
import { parse } from '../../src/shared/validate.js';

function fieldCodes(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors.map((e) => `${e.field}:${e.code}`);
    throw error;
  }
  throw new Error('expected a ValidationError');
}

describe('limits: text fields', () => {
  const schema = z.strictObject({ name: requiredText('name'), bio: text('description').optional() });

  it('normalizes to NFC, turns CRLF into LF and trims', () => {
    const decomposed = 'Jose\u0301 Mari\u0301a';
    const out = parse(schema, { name: `  ${decomposed} `, bio: 'línea 1\r\nlínea 2\rfin' });
    expect(out.name).to.equal('José María');
    expect(out.name).to.equal(out.name.normalize('NFC'));
    expect(out.bio).to.equal('línea 1\nlínea 2\nfin');
  });

  it('refuses strings over the limit of their kind, counted after normalization', () => {
    expect(parse(schema, { name: 'a'.repeat(LIMITS.name) }).name).to.have.length(LIMITS.name);
    expect(fieldCodes(() => parse(schema, { name: 'a'.repeat(LIMITS.name + 1) }))).to.deep.equal([
      'name:too_long',
    ]);
    expect(fieldCodes(() => parse(schema, { name: 'x', bio: 'b'.repeat(5001) }))).to.deep.equal([
      'bio:too_long',
    ]);
  });

  it('refuses lone surrogates and control characters other than newline', () => {
    expect(fieldCodes(() => parse(schema, { name: 'abc\ud800' }))).to.deep.equal(['name:invalid_characters']);
    expect(fieldCodes(() => parse(schema, { name: 'a\u0000b' }))).to.deep.equal(['name:control_characters']);
    expect(fieldCodes(() => parse(schema, { name: 'a\tb' }))).to.deep.equal(['name:control_characters']);
    expect(fieldCodes(() => parse(schema, { name: 'a\u200b\u0085' }))).to.deep.equal([
      'name:control_characters',
    ]);
    expect(parse(schema, { name: 'ok', bio: 'a\nb' }).bio).to.equal('a\nb');
  });

  it('reports required, unknown and wrongly typed fields by name', () => {
    expect(fieldCodes(() => parse(schema, {}))).to.deep.equal(['name:required']);
    expect(fieldCodes(() => parse(schema, { name: '   ' }))).to.deep.equal(['name:required']);
    expect(fieldCodes(() => parse(schema, { name: 'x', role: 'admin' }))).to.deep.equal([
      'role:unknown_field',
    ]);
    expect(fieldCodes(() => parse(schema, { name: { $gt: '' } }))).to.deep.equal(['name:invalid_type']);
  });

  it('checks and lower-cases email addresses', () => {
    const emails = z.strictObject({ email: email() });
    expect(parse(emails, { email: ' Ana.Perez@Cancilleria.GOB.EC ' }).email).to.equal(
      'ana.perez@cancilleria.gob.ec',
    );
    expect(fieldCodes(() => parse(emails, { email: 'not-an-email' }))).to.deep.equal(['email:invalid_email']);
    expect(fieldCodes(() => parse(emails, { email: `${'a'.repeat(250)}@x.org` }))).to.deep.equal([
      'email:too_long',
    ]);
  });

  it('wants trilingual content in at least one language', () => {
    const titled = z.strictObject({ title: trilingual('title') });
    expect(parse(titled, { title: { pt: 'Migração' } }).title).to.deep.equal({ pt: 'Migração' });
    expect(fieldCodes(() => parse(titled, { title: {} }))).to.deep.equal(['title:one_language_required']);
    expect(fieldCodes(() => parse(titled, { title: { fr: 'Migration' } }))).to.include(
      'title.fr:unknown_field',
    );
  });
});
