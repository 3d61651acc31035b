import { expect } from 'chai';
import { Types } from 'mongoose';
import { Migration } from '../../src/db/migrations.js';
import {
  directoryPage,
  forgetNamePairsKeyed,
  namePairsKeyed,
  NAME_PAIRS,
  Person,
  rekeyRecords,
  searchFieldsOf,
} from '../../src/modules/people/index.js';
import { blocksForBulk } from '../../src/db/blocks.js';
import { registrationList } from '../../src/modules/registrations/registration.model.js';
import { keyNamePairs, keyNamePairsOfSmallDatabase } from '../../src/modules/registrations/index.js';
import { copyOfPerson, registrationsByName } from '../../src/modules/registrations/lists/listing.js';
import { insertBulkRegistrations } from '../factories/registrations.js';
import { createTestPerson } from '../factories/people.js';
import { useTestForo } from '../support/foro.js';

/** What an earlier version stored: the keys of single words only. */
const withoutPairs = (keys: string[]) => keys.filter((key) => !key.includes('+'));

describe('searches of two names read by the pair, once older records are keyed again', function () {
  useTestForo(import.meta.url);
  afterEach(forgetNamePairsKeyed);

  async function olderRecords() {
    const eventId = new Types.ObjectId().toHexString();
    const begona = await createTestPerson({ givenName: 'Begoña', familyName: 'Quispe' });
    const other = await createTestPerson({ givenName: 'Begoña', familyName: 'Mamani' });
    const third = await createTestPerson({ givenName: 'Rosa', familyName: 'Quispe' });
    const people = [begona, other, third];
    for (const person of people) {
      const keys = (await Person.findById(person.id).lean())!.nameKeys!;
      await Person.updateOne({ _id: person.id }, { $set: { nameKeys: withoutPairs(keys) } });
    }
    const blockOf = await blocksForBulk(registrationList(eventId), 3);
    await insertBulkRegistrations(eventId, 3, (i) => {
      const copy = copyOfPerson(people[i]!);
      return { personId: people[i]!.id, ...copy, nameKeys: withoutPairs(copy.nameKeys), block: blockOf(i) };
    });
    await Migration.deleteOne({ _id: NAME_PAIRS });
    forgetNamePairsKeyed();
    return { eventId, begona };
  }

  const found = async (eventId: string, q: string) => ({
    people: (await directoryPage({ q })).people.map((p) => `${p.givenName} ${p.familyName}`),
    registrations: (await registrationsByName(eventId, q, 'confirmed', 20)).found.map(
      (r) => `${r.listing.givenName} ${r.listing.familyName}`,
    ),
  });

  it('finds the same people before and after, and reads by the pair only after', async () => {
    const { eventId, begona } = await olderRecords();
    expect(await namePairsKeyed()).to.equal(false);
    const expected = { people: ['Begoña Quispe'], registrations: ['Begoña Quispe'] };
    expect(await found(eventId, 'Begoña Quispe')).to.deep.equal(expected);

    await keyNamePairs();
    expect(await namePairsKeyed()).to.equal(true);
    expect((await Person.findById(begona.id).lean())!.nameKeys).to.include('beg+qui');
    expect(await found(eventId, 'quispe begoña')).to.deep.equal(expected);
    expect(await found(eventId, 'Rosa Quispe')).to.deep.equal({
      people: ['Rosa Quispe'],
      registrations: ['Rosa Quispe'],
    });
    // Keyed records are not written again.
    await Migration.deleteOne({ _id: NAME_PAIRS });
    forgetNamePairsKeyed();
    const before = await Person.find().lean();
    await keyNamePairs();
    expect(await Person.find().lean()).to.deep.equal(before);
  });

  it('keys a small database at start, and leaves a large one to the timer', async () => {
    await olderRecords();
    expect(await keyNamePairsOfSmallDatabase.run()).to.equal('done');
    expect((await Person.findOne({ familyName: 'Mamani' }).lean())!.nameKeys).to.include('beg+mam');

    await Person.insertMany(
      Array.from({ length: 1001 }, (_, i) => ({
        givenName: `Nombre${i}`,
        familyName: 'Apellido',
        searchText: `nombre${i} apellido`,
      })),
    );
    expect(await keyNamePairsOfSmallDatabase.run()).to.equal('later');
  });

  it('keeps the keys of a person renamed while the keys were being computed', async () => {
    await olderRecords();
    const read = (await Person.findOne({ givenName: 'Rosa' }).lean())!;
    // Renamed after the pass read them: the pass's write, guarded by what it read, changes nothing.
    const renamed = { givenName: 'Rosario', familyName: 'Quispe', organization: 'FLACSO' };
    await Person.updateOne({ _id: read._id }, { $set: { ...renamed, ...searchFieldsOf(renamed) } });
    await rekeyRecords(Person, [read], (person) => ({
      keys: searchFieldsOf({ givenName: person.givenName, familyName: person.familyName }).nameKeys,
      guard: { searchText: person.searchText },
    }));
    const now = (await Person.findById(read._id).lean())!;
    expect(now.nameKeys).to.deep.equal(searchFieldsOf(renamed).nameKeys).and.include('qui+ros');
  });
});
