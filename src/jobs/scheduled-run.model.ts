import mongoose, { Schema } from 'mongoose';

/**
 * The claim on one period of a scheduled task (`name:period`): the process whose insert wins
 * runs it, the others skip it, so the work runs once per period whatever the number of processes.
 */
const scheduledRunSchema = new Schema(
  {
    _id: { type: String, required: true },
    task: { type: String, required: true },
    period: { type: Number, required: true },
    claimedAt: { type: Date, required: true },
    claimedBy: { type: String, required: true },
  },
  { versionKey: false },
);

export const ScheduledRun = mongoose.model('ScheduledRun', scheduledRunSchema, 'scheduled_runs');
