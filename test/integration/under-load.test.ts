import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { createPublishedEvent } from '../factories/events.js';
import { createTestRegistration } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { signedInAs } from '../support/http.js';
import { databaseUri } from '../support/process.js';

/**
 * Another client loads the same database server with large sorted queries while Foro serves
 * ordinary pages: every answer must be the right one (as a direct read says), none another
 * request's, no one signed out, during the load and after it.
 */
describe('db: answers stay right while another client loads the database', function () {
  this.timeout(180_000);
  const foro = useTestForo(import.meta.url);

  it('serves each page its own data through three waves of a hundred simultaneous requests under load', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ slug: 'cuenca-under-load' }, organizer.actor);
    const names: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const { person } = await createTestRegistration(
        event.id,
        { givenName: `Participante${i}`, familyName: 'Carga' },
        { category: 'civil_society' },
      );
      names.push(person.givenName);
    }

    const load = await mongoose.createConnection(databaseUri('t_load_other_client')).asPromise();
    const big = load.db!.collection('big');
    for (let batch = 0; batch < 5; batch += 1) {
      await big.insertMany(
        Array.from({ length: 1000 }, (_, i) => ({
          eventId: 'x',
          seq: batch * 1000 + i,
          pad: 'p'.repeat(300),
        })),
      );
    }
    let loading = true;
    let loadQueries = 0;
    const loaders = Array.from({ length: 6 }, async () => {
      while (loading) {
        await big.find({ eventId: 'x' }).sort({ seq: -1 }).limit(50).toArray();
        loadQueries += 1;
      }
    });

    const wrong: string[] = [];
    const check = async (i: number) => {
      if (i % 3 === 0) {
        const page = await request(foro.url).get('/events/cuenca-under-load/participants?lang=es');
        const shown = names.filter((name) => page.text.includes(name)).length;
        if (page.status !== 200 || shown !== 30) wrong.push(`participants ${page.status} ${shown}`);
      } else if (i % 3 === 1) {
        const page = await organizer.agent.get(`/admin/events/${event.id}`);
        if (page.status !== 200 || !page.text.includes('cuenca-under-load'))
          wrong.push(`admin ${page.status}`);
      } else {
        const page = await request(foro.url).get('/events/cuenca-under-load?lang=en');
        if (page.status !== 200 || !page.text.includes(event.title.en!)) wrong.push(`event ${page.status}`);
      }
    };
    try {
      for (let round = 0; round < 3; round += 1) {
        await Promise.all(Array.from({ length: 100 }, (_, i) => check(round * 100 + i)));
      }
    } finally {
      loading = false;
      await Promise.all(loaders);
      await load.dropDatabase();
      await load.close();
    }
    for (let i = 0; i < 30; i += 1) await check(i);
    expect(loadQueries, 'the other client kept the server busy').to.be.above(10);
    expect(wrong).to.deep.equal([]);
  });

  it('keeps every answer right after writes that ask for no reply (connect-mongo’s interval sweep sent one every ten minutes)', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({ slug: 'cuenca-no-reply' }, organizer.actor);
    const sessions = mongoose.connection.db!.collection('sessions');
    const wrong: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      // FerretDB answers these anyway; a connection that kept the answer would hand it to the next read.
      await sessions.deleteMany({ expires: { $lt: new Date(0) } }, { writeConcern: { w: 0 } });
      await Promise.all(
        Array.from({ length: 10 }, async (_, i) => {
          const page =
            i % 2 === 0
              ? await organizer.agent.get(`/admin/events/${event.id}`)
              : await request(foro.url).get('/events/cuenca-no-reply?lang=en');
          const expected = i % 2 === 0 ? 'cuenca-no-reply' : event.title.en!;
          if (page.status !== 200 || !page.text.includes(expected))
            wrong.push(`${round}.${i}: ${page.status}`);
        }),
      );
    }
    expect(wrong, 'every page right, no one signed out').to.deep.equal([]);
  });
});
