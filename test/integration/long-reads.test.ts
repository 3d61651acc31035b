import { expect } from 'chai';
import mongoose from 'mongoose';
import { useTestForo } from '../support/foro.js';

describe('db: many simultaneous reads of long lists', function () {
  this.timeout(120_000);
  useTestForo(import.meta.url);

  it('all finish: no read leaves a cursor open on the server (FerretDB on SQLite would stop answering)', async () => {
    const things = mongoose.connection.db!.collection('long_lists');
    await things.insertMany(Array.from({ length: 400 }, (_, i) => ({ list: 'waiting', position: i })));
    const Thing = mongoose.model(
      'LongList',
      new mongoose.Schema({ list: String, position: Number }),
      'long_lists',
    );
    const reads = await Promise.all(
      Array.from({ length: 250 }, (_, i) =>
        i % 2 === 0
          ? Thing.find({ list: 'waiting' }).lean()
          : Thing.aggregate([{ $match: { list: 'waiting' } }, { $project: { position: 1 } }]),
      ),
    );
    expect(reads.every((documents) => documents.length === 400)).to.equal(true);
  });
});
