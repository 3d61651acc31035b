import mongoose from 'mongoose';
import { numberIntoBlocks } from '../../db/blocks.js';
import type { DataMigration } from '../../db/migrations.js';
import { Message, OUTBOX_LIST } from './message.model.js';

/** Mails written before the outbox had blocks get theirs, oldest first. */
export const numberOlderMessages: DataMigration = {
  name: 'outbox-blocks',
  async run() {
    const older = await Message.find({ block: mongoose.trusted({ $exists: false }) }, { _id: 1 })
      .sort({ _id: 1 })
      .lean();
    await numberIntoBlocks(
      Message,
      OUTBOX_LIST,
      older.map((doc) => doc._id),
    );
  },
};
