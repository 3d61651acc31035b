import type { Clock } from '../../shared/clock.js';
import type { DataMigration } from '../../db/migrations.js';
import { getEvent } from '../events/index.js';
import { absentIfNotFound } from '../../shared/errors.js';
import { Registration, SubmissionInProgress } from './registration.model.js';
import type { RegistrationDeps } from './registration.service.js';
import { abandonSubmission, completeRegistration, INCOMPLETE_GRACE_MS } from './submission.js';
import { toRegistrationView } from './registration.views.js';

/**
 * A mark with no registration is given back only after this long: a request that slow has long
 * been cut off, so none can still be writing its registration.
 */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Completes the submissions a crash cut short: placed and mailed once, as if nothing happened;
 * one whose registration was never written gives its places back. Runs at start and on the
 * schedule (once across processes); reads only the marks of submissions in progress.
 */
export async function completeUnfinishedRegistrations(
  deps: RegistrationDeps & { clock: Clock },
): Promise<number> {
  const now = deps.clock.now().getTime();
  let completed = 0;
  for (const mark of await SubmissionInProgress.find().lean()) {
    const age = now - mark.startedAt.getTime();
    if (age < INCOMPLETE_GRACE_MS) continue;
    const event = await getEvent(mark.eventId).catch(absentIfNotFound);
    if (!event) {
      await SubmissionInProgress.deleteOne({ _id: mark._id });
      continue;
    }
    const stored = await Registration.findById(mark._id).lean();
    if (stored) await completeRegistration(event, toRegistrationView(stored), deps);
    else if (age >= ABANDONED_AFTER_MS)
      await abandonSubmission(event, { ...mark, _id: String(mark._id) }, deps);
    else continue;
    completed += 1;
  }
  return completed;
}

/** Submissions that earlier versions flagged on the registration get a mark (a migration). */
export const markUnfinishedSubmissions: DataMigration = {
  name: 'registration-submission-marks',
  async run() {
    const flagged = await Registration.find({ incomplete: true }).lean();
    for (const doc of flagged) {
      await SubmissionInProgress.updateOne(
        { _id: String(doc._id) },
        {
          $setOnInsert: {
            eventId: doc.eventId,
            category: doc.category,
            workshops: (doc.workshops ?? []).map((w) => w.sessionId),
            startedAt: doc.statusAt,
          },
        },
        { upsert: true },
      );
    }
  },
};
