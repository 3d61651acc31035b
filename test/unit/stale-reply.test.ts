import { expect } from 'chai';
import express from 'express';
import mongoose from 'mongoose';
import request from 'supertest';
import { checkRepliesMatchRequests, type Mismatch } from '../../src/db/reply-check.js';
import { createLogger } from '../../src/shared/logger.js';
import { errorHandler } from '../../src/web/errors.js';
import { startFakeMongo, type FakeMongo } from '../support/fake-mongo.js';

const { Long } = mongoose.mongo.BSON;

/** A `find` reply with these documents, as MongoDB sends it. */
const found = (documents: object[]) => ({
  cursor: { id: Long.fromNumber(0), ns: 'fake.things', firstBatch: documents },
  ok: 1,
});

describe('db: a reply that does not answer its request', () => {
  let fake: FakeMongo;
  let connection: mongoose.Connection;
  let mismatches: Mismatch[];
  let wrongReplies: object[];

  beforeEach(async () => {
    mismatches = [];
    checkRepliesMatchRequests((mismatch) => mismatches.push(mismatch));
  });
  afterEach(async () => {
    await connection?.close();
    await fake?.stop();
  });

  /** An app whose one page lists the things; its errors go through Foro's error handler. */
  async function appOn(answerWrongly: object[]) {
    wrongReplies = [...answerWrongly];
    fake = await startFakeMongo((req) => {
      if (Object.keys(req.command)[0] !== 'find') return { reply: { ok: 1 }, responseTo: req.requestId };
      // The slip: a reply meant for some earlier request, sent as the answer to this one.
      const wrong = wrongReplies.shift();
      if (wrong) return { reply: wrong, responseTo: req.requestId - 1 };
      return { reply: found([{ _id: 1, name: 'the right answer' }]), responseTo: req.requestId };
    });
    connection = await mongoose.createConnection(fake.uri, { serverSelectionTimeoutMS: 3000 }).asPromise();
    const app = express();
    app.get('/things', async (_req, res) => {
      res.json(await connection.db!.collection('things').find({}).toArray());
    });
    app.use(errorHandler(createLogger('silent')));
    return app;
  }

  it('never shows another query’s data: the connection is closed, the request answers 503, the next one is right', async () => {
    const app = await appOn([found([{ _id: 99, name: 'another person’s record' }])]);
    const first = await request(app).get('/things').set('Accept', 'application/json');
    expect(first.status).to.equal(503);
    expect(first.headers['retry-after']).to.equal('5');
    expect(first.text).to.not.contain('another person');
    expect(mismatches).to.have.length(1);
    expect(mismatches[0]!.command).to.equal('find');
    expect(mismatches[0]!.responseTo).to.equal(mismatches[0]!.requestId - 1);

    const second = await request(app).get('/things').set('Accept', 'application/json');
    expect(second.status).to.equal(200);
    expect(second.body).to.deep.equal([{ _id: 1, name: 'the right answer' }]);
    expect(fake.closed, 'the connection that held the stray reply was closed').to.be.at.least(1);
  });

  it('treats an insert’s reply given to a find the same way', async () => {
    const app = await appOn([{ n: 1, ok: 1 }]);
    expect((await request(app).get('/things').set('Accept', 'application/json')).status).to.equal(503);
    expect(mismatches.map((m) => m.command)).to.deep.equal(['find']);
    const next = await request(app).get('/things').set('Accept', 'application/json');
    expect(next.status).to.equal(200);
    expect(next.body[0].name).to.equal('the right answer');
  });

  it('closes the connection of a request that asks for no reply, so the server’s answer to it is never read as another’s', async () => {
    // FerretDB answers even a w:0 write (connect-mongo's interval sweep of sessions was one).
    fake = await startFakeMongo((req) => {
      const name = Object.keys(req.command)[0];
      if (name === 'delete') return { reply: { n: 3, ok: 1 }, responseTo: req.requestId };
      return { reply: found([{ _id: 1, name: 'the right answer' }]), responseTo: req.requestId };
    });
    connection = await mongoose
      .createConnection(fake.uri, { serverSelectionTimeoutMS: 3000, maxPoolSize: 1 })
      .asPromise();
    const things = connection.db!.collection('things');
    for (let round = 0; round < 3; round += 1) {
      await things.deleteMany({ expires: { $lt: new Date() } }, { writeConcern: { w: 0 } });
      expect(await things.find({}).toArray()).to.deep.equal([{ _id: 1, name: 'the right answer' }]);
    }
    expect(mismatches, 'no find read the delete’s answer').to.deep.equal([]);
    expect(fake.closed).to.be.at.least(3);
  });
});
