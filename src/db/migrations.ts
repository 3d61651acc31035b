import mongoose from 'mongoose';
import { insertUnlessTaken } from './duplicate-key.js';

const migrationSchema = new mongoose.Schema({ _id: String, doneAt: { type: Date, required: true } });
export const Migration = mongoose.model('Migration', migrationSchema, 'migrations');

export interface DataMigration {
  name: string;
  /**
   * Brings older records up to date; safe to run twice (two processes may start at once).
   * `'later'`: too much to do at start; not recorded, so it is asked again at the next start
   * (a task on the timer does it meanwhile).
   */
  run(): Promise<unknown>;
}

/** Runs each migration a database has not had yet, and records it as done. */
export async function migrate(migrations: DataMigration[]): Promise<void> {
  for (const migration of migrations) {
    if (await Migration.exists({ _id: migration.name })) continue;
    if ((await migration.run()) === 'later') continue;
    await insertUnlessTaken(Migration, { _id: migration.name, doneAt: new Date() });
  }
}
