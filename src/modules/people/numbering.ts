import mongoose from 'mongoose';
import { numberIntoBlocks } from '../../db/blocks.js';
import type { DataMigration } from '../../db/migrations.js';
import { Person, PEOPLE_LIST } from './person.model.js';
import { nameSortKey } from '../../shared/name-order.js';
import { searchFieldsOf } from './person.service.js';

/** People added before the directory was paged get a block, in the order they were added, and their name keys. */
export const numberOlderPeople: DataMigration = {
  name: 'people-directory',
  async run() {
    const unnumbered = await Person.find({ block: mongoose.trusted({ $exists: false }) }, { _id: 1 }).lean();
    await numberIntoBlocks(
      Person,
      PEOPLE_LIST,
      unnumbered.map((doc) => doc._id).sort((a, b) => String(a).localeCompare(String(b))),
    );
    const unkeyed = await Person.find({ nameKeys: mongoose.trusted({ $exists: false }) }).lean();
    for (const person of unkeyed) {
      const fields = {
        givenName: person.givenName,
        familyName: person.familyName,
        organization: person.organization ?? undefined,
      };
      await Person.updateOne({ _id: person._id }, { $set: searchFieldsOf(fields) });
    }
  },
};

/** People written before lists sorted by name get their sort key (`shared/name-order.ts`). */
export const keyOlderPeopleByName: DataMigration = {
  name: 'people-sort-keys',
  async run() {
    const unkeyed = await Person.find(
      { sortKey: mongoose.trusted({ $exists: false }) },
      { givenName: 1, familyName: 1 },
    ).lean();
    for (const person of unkeyed)
      await Person.updateOne({ _id: person._id }, { $set: { sortKey: nameSortKey(person) } });
  },
};
