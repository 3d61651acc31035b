import { expect } from 'chai';
import mongoose, { Schema } from 'mongoose';
import {
  ConflictError,
  CsrfError,
  MalformedJsonError,
  NotFoundError,
  PayloadTooLargeError,
  ValidationError,
} from '../../src/shared/errors.js';
import { toAppError } from '../../src/web/errors.js';

describe('web: toAppError maps library errors onto the AppError family', () => {
  const Thing = mongoose.model(
    'MappingThing',
    new Schema({
      name: { type: String, required: true, maxlength: 5 },
      kind: { type: String, enum: ['a', 'b'] },
    }),
  );

  it('turns a mongoose validation error into 422 with field codes', () => {
    const error = new Thing({ kind: 'z' }).validateSync();
    const mapped = toAppError(error);
    expect(mapped).to.be.instanceOf(ValidationError);
    expect((mapped as ValidationError).fieldErrors).to.deep.include.members([
      { field: 'name', code: 'required' },
      { field: 'kind', code: 'invalid_choice' },
    ]);
    const tooLong = toAppError(new Thing({ name: 'abcdefg' }).validateSync()) as ValidationError;
    expect(tooLong.fieldErrors).to.deep.equal([{ field: 'name', code: 'too_long' }]);
  });

  it('turns a bad id (CastError) into 404', () => {
    const cast = new mongoose.Error.CastError('ObjectId', 'nope', '_id');
    expect(toAppError(cast)).to.be.instanceOf(NotFoundError);
  });

  it('turns a duplicate key into 409, naming the field when the server does', () => {
    const withField = new mongoose.mongo.MongoServerError({ message: 'E11000', code: 11000 });
    withField.keyValue = { slug: 'cuenca-2008' };
    const mapped = toAppError(withField) as ConflictError;
    expect(mapped).to.be.instanceOf(ConflictError);
    expect(mapped.code).to.equal('DUPLICATE');
    expect(mapped.params).to.deep.equal({ field: 'slug' });
    const bare = toAppError(new mongoose.mongo.MongoServerError({ message: 'E11000', code: 11000 }));
    expect((bare as ConflictError).code).to.equal('CONFLICT');
  });

  it('maps body-parser and CSRF errors, and leaves unknown errors unmapped (500)', () => {
    expect(toAppError({ type: 'entity.parse.failed', status: 400 })).to.be.instanceOf(MalformedJsonError);
    expect(toAppError({ type: 'entity.too.large', status: 413 })).to.be.instanceOf(PayloadTooLargeError);
    expect(toAppError({ code: 'EBADCSRFTOKEN', status: 403 })).to.be.instanceOf(CsrfError);
    expect(toAppError(new Error('boom'))).to.equal(undefined);
    expect(toAppError('a string')).to.equal(undefined);
  });
});
