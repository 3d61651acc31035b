import mongoose from 'mongoose';
import { numberIntoBlocks } from '../../db/blocks.js';
import type { DataMigration } from '../../db/migrations.js';
import { documentList, OfficialDocument } from './document.model.js';
import { refreshCurrentFiles } from './document.service.js';

const missing = (field: string) => ({ [field]: mongoose.trusted({ $exists: false }) });

/**
 * Documents registered before their lists were paged get a block, event by event, in the order
 * they were registered; revisions, corrigenda and addenda their parent's block; and every
 * document the copy of its current files.
 */
export const numberOlderDocuments: DataMigration = {
  name: 'official-document-lists',
  async run() {
    const older = await OfficialDocument.find(missing('block'), { eventId: 1 }).lean();
    const byEvent = new Map<string, unknown[]>();
    for (const doc of older.sort((a, b) => String(a._id).localeCompare(String(b._id))))
      byEvent.set(doc.eventId, [...(byEvent.get(doc.eventId) ?? []), doc._id]);
    for (const [eventId, ids] of byEvent)
      await numberIntoBlocks(OfficialDocument, documentList(eventId), ids);

    const related = await OfficialDocument.find(
      { ...missing('parentBlock'), parentId: mongoose.trusted({ $exists: true }) },
      { parentId: 1 },
    ).lean();
    for (const doc of related) {
      const parent = await OfficialDocument.findById(doc.parentId, { block: 1 }).lean();
      if (parent?.block != null)
        await OfficialDocument.updateOne({ _id: doc._id }, { $set: { parentBlock: parent.block } });
    }

    for (const doc of await OfficialDocument.find(missing('current'), { _id: 1 }).lean())
      await refreshCurrentFiles(String(doc._id));
  },
};
