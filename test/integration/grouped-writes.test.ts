import { expect } from 'chai';
import mongoose from 'mongoose';
import request from 'supertest';
import { insertUnlessTaken } from '../../src/db/duplicate-key.js';
import { deleteGrouped, readTogether } from '../../src/db/grouped.js';
import { insertPlain } from '../../src/db/plain-insert.js';
import { historyOf } from '../../src/modules/audit/index.js';
import { Person } from '../../src/modules/people/index.js';
import { documentSeats, Registration, saveRegistrationRules } from '../../src/modules/registrations/index.js';
import { FullScope, Seat } from '../../src/modules/registrations/places/seat.model.js';
import { createPublishedEvent } from '../factories/events.js';
import { registrationForm } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';
import { signedInAs } from '../support/http.js';

const Claim = mongoose.model(
  'GroupedClaim',
  new mongoose.Schema({ _id: String, by: String }, { versionKey: false }),
  'grouped_claims',
);

describe('database: writes grouped under load stay exact', function () {
  this.timeout(60_000);
  const foro = useTestForo(import.meta.url);

  it('tells each of 200 simultaneous claims on 20 names whether it won: exactly one per name', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        insertUnlessTaken(Claim, { _id: `name-${i % 20}`, by: `claimer ${i}` }),
      ),
    );
    expect(outcomes.filter(Boolean)).to.have.length(20);
    const stored = await Claim.find().lean();
    expect(stored).to.have.length(20);
    // Each winner is the claimer whose document is stored under that name.
    const winners = new Set(outcomes.flatMap((won, i) => (won ? [`claimer ${i}`] : [])));
    expect(new Set(stored.map((doc) => doc.by))).to.deep.equal(winners);
  });

  it('fails only the refused document of a group, with the refusal, and writes the others', async () => {
    await insertPlain(Claim, { _id: 'taken', by: 'first' });
    const results = await Promise.allSettled([
      insertPlain(Claim, { _id: 'free-1', by: 'a' }),
      insertPlain(Claim, { _id: 'taken', by: 'b' }),
      insertPlain(Claim, { _id: 'free-2', by: 'c' }),
    ]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).to.have.property('code', 11000);
    expect((await Claim.find().sort({ _id: 1 }).lean()).map((d) => `${d._id}:${d.by}`)).to.deep.equal([
      'free-1:a',
      'free-2:c',
      'taken:first',
    ]);
  });

  it('marks a full scope, answers from the mark, and frees it with the first release', async () => {
    const seats = documentSeats(foro.clock);
    const scope = 'workshop:grouped';
    for (const holder of ['a', 'b', 'c']) expect(await seats.take(scope, 3, holder)).to.equal('taken');
    expect(await seats.take(scope, 3, 'd')).to.equal('full');
    expect(await FullScope.exists({ _id: scope }), 'marked full').to.not.equal(null);
    expect(await seats.take(scope, 3, 'e')).to.equal('full');
    expect(await seats.take(scope, 3, 'a'), 'a holder still holds').to.equal('held');
    expect(await seats.count(scope), 'the mark is not a seat').to.equal(3);

    expect(await seats.release(scope, 3, 'b')).to.equal(true);
    expect(await FullScope.exists({ _id: scope }), 'the release took the mark away').to.equal(null);
    expect(await seats.take(scope, 3, 'd')).to.equal('taken');
    expect(await seats.take(scope, 3, 'e')).to.equal('full');

    // Raising the capacity forgets the mark: the next taker gets a new place.
    await seats.settle(scope, 4);
    expect(await seats.take(scope, 4, 'e')).to.equal('taken');
  });

  it('never leaves a full mark on a scope with a free place, when releases and takers race', async () => {
    const seats = documentSeats(foro.clock);
    const scope = 'workshop:race';
    for (let round = 0; round < 5; round += 1) {
      await Seat.deleteMany({});
      await FullScope.deleteMany({});
      for (const holder of ['a', 'b', 'c', 'd']) expect(await seats.take(scope, 4, holder)).to.equal('taken');
      // One place frees while ten newcomers find the scope full.
      const [released, ...taken] = await Promise.all([
        seats.release(scope, 4, 'b'),
        ...Array.from({ length: 10 }, (_, i) => seats.take(scope, 4, `new-${round}-${i}`)),
      ]);
      expect(released).to.equal(true);
      const seated = taken.filter((t) => t === 'taken').length;
      expect(seated, 'at most the one freed place').to.be.at.most(1);
      if (seated === 0) {
        // Nobody got it: then the scope must not say full.
        expect(await seats.take(scope, 4, `late-${round}`), `round ${round}`).to.equal('taken');
      }
      expect(await seats.count(scope)).to.equal(4);
    }
  });

  it('deletes by _id together: each asked-for document goes, the others stay', async () => {
    await Claim.insertMany(['a', 'b', 'c', 'd'].map((name) => ({ _id: `del-${name}`, by: name })));
    await Promise.all(['a', 'c', 'c', 'x'].map((name) => deleteGrouped(Claim, `del-${name}`)));
    expect((await Claim.find({}).sort({ _id: 1 }).lean()).map((d) => d._id)).to.deep.equal([
      'del-b',
      'del-d',
    ]);
  });

  it('shares a read among simultaneous askers; an ask after a change reads it afresh', async () => {
    let reads = 0;
    const load = () => {
      reads += 1;
      return Claim.findById('shared').lean();
    };
    await Claim.create({ _id: 'shared', by: 'first' });
    const together = await Promise.all(Array.from({ length: 5 }, () => readTogether('claim:shared', load)));
    expect(reads, 'one read for five askers').to.equal(1);
    expect(together.map((d) => d?.by)).to.deep.equal(Array(5).fill('first'));
    // An ask after a change gets a read of its own, which sees the change.
    const early = readTogether('claim:shared', load);
    await early;
    await Claim.updateOne({ _id: 'shared' }, { $set: { by: 'second' } });
    expect((await readTogether('claim:shared', load))?.by).to.equal('second');
    expect(reads).to.equal(3);
  });

  it('records the person, the registration and its placement of one form together in the audit trail', async () => {
    const organizer = await signedInAs(foro.url, 'organizer');
    const event = await createPublishedEvent({}, organizer.actor);
    await saveRegistrationRules(event.id, { capacity: 10, categories: [] }, foro.clock);
    const res = await request(foro.url)
      .post(`/events/${event.slug}/register`)
      .set('Accept', 'application/json')
      .send(registrationForm({ email: 'ana.pereira@example.org' }));
    expect(res.status, res.text).to.equal(303);
    const registration = await Registration.findOne({ eventId: event.id }).lean();
    expect(registration?.status).to.equal('confirmed');
    const trail = await historyOf('registration', String(registration!._id));
    expect(trail.map((entry) => entry.action).sort()).to.deep.equal([
      'registration.confirmed',
      'registration.submitted',
    ]);
    expect(trail.find((e) => e.action === 'registration.confirmed')?.changes).to.deep.equal([
      { field: 'status', from: 'pending', to: 'confirmed' },
    ]);
    const person = await Person.findOne({ emailKey: 'ana.pereira@example.org' }).lean();
    expect((await historyOf('person', String(person!._id))).map((e) => e.action)).to.deep.equal([
      'person.created',
    ]);
  });
});
