import { expect } from 'chai';
import { Types } from 'mongoose';
import { databaseEngine, planSummary } from '../../src/db/engine.js';
import { Person } from '../../src/modules/people/index.js';
import { Registration } from '../../src/modules/registrations/index.js';
import { Message } from '../../src/modules/messaging/index.js';
import { Bilateral, BilateralBooking } from '../../src/modules/bilaterals/index.js';
import { OfferedSlot, SideEventProposal } from '../../src/modules/side-events/index.js';
import { OfficialDocument } from '../../src/modules/official-documents/index.js';
import { insertBulkRegistrations } from '../factories/registrations.js';
import { useTestForo } from '../support/foro.js';

/**
 * On MongoDB, the queries behind every paged list walk an index and examine about one block of
 * documents (FerretDB has no plans to show: there a page is an equality it pushes down).
 */
describe('query plans of the paged lists (MongoDB only)', function () {
  useTestForo(import.meta.url);

  before(async function () {
    if ((await databaseEngine()) !== 'mongodb') this.skip();
  });

  it('reads one block of registrations, people, mails, side-event proposals, bilaterals and documents through an index', async () => {
    const eventId = new Types.ObjectId().toHexString();
    await insertBulkRegistrations(eventId, 600, (i) => ({ block: Math.floor(i / 256) }));
    const queries = [
      Registration.find({ eventId, block: 1 }),
      Registration.find({ eventId, block: 1, status: 'confirmed' }),
      Person.find({ block: 1 }),
      Person.find({ nameKeys: 'quis' }),
      Message.find({ block: 1 }),
      SideEventProposal.find({ eventId, block: 1 }),
      SideEventProposal.find({ eventId, block: 1, state: 'waitlisted' }),
      SideEventProposal.find({ eventId, organizationKeys: 'red migrante' }),
      Bilateral.find({ eventId, block: 1 }),
      Bilateral.find({ eventId, date: '2008-04-10', state: 'accepted' }),
      BilateralBooking.find({ eventId, date: '2008-04-10' }),
      OfferedSlot.find({ eventId, kind: 'bilateral', date: '2008-04-10' }),
      OfficialDocument.find({ eventId, block: 1, kind: 'study' }),
      OfficialDocument.find({ eventId, parentBlock: 1, relation: 'revision' }),
    ];
    for (const query of queries) {
      const { stages, examined } = planSummary(await query.explain('executionStats'));
      expect(stages, JSON.stringify(query.getFilter())).to.include('IXSCAN').and.not.include('COLLSCAN');
      expect(examined).to.be.at.most(256);
    }
  });
});
