import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError } from '../../shared/errors.js';
import type { EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { tellAboutOutcome } from './notices.js';
import { canDecide } from './decisions.service.js';
import { OutcomeVersion } from './outcome.model.js';
import { assertEventOpen, getOutcome, recordOutcomeChange } from './outcome.service.js';
import type { OutcomeView } from './outcome.views.js';
import { itemsOf } from './paragraphs.service.js';
import { finishIssuedRevision, versionIdOf } from './revision.finish.js';

/**
 * Issues the next revision: the version worked on is frozen as it stands, and Rev.N starts from
 * its text renumbered, each paragraph keeping its stable id and status. Its round, if still open,
 * closes; the next round opens on the new revision. `expected` is the revision the organizer
 * asked for (the form's): a second request for it, a double click or a retry after a failure,
 * never issues one more. The claim of the number is the decision; the rest can be finished by
 * anyone who reads the document afterwards (finishIssuedRevision). With `mail`, the focal points
 * and the team are told (once each).
 */
export async function issueRevision(
  event: EventView,
  outcomeId: string,
  actor: Actor,
  clock: Clock,
  options: { expected?: number; mail?: MailDeps } = {},
): Promise<number> {
  assertEventOpen(event);
  const outcome = await getOutcome(event.id, outcomeId);
  const version = outcome.currentVersion + 1;
  const { expected, mail } = options;
  if (expected !== undefined && expected !== version) throw new ConflictError('OUTCOME_REVISION_ISSUED');
  if (!canDecide(outcome)) throw new ConflictError('OUTCOME_NOT_NEGOTIATED');
  const items = await itemsOf(outcome);
  if (!items.some((item) => item.kind !== 'section')) throw new ConflictError('OUTCOME_EMPTY');
  await claimVersion(outcome, version, actor, clock);
  await recordOutcomeChange('outcome.revision-issued', outcome, actor, clock, [
    { field: 'version', from: outcome.currentVersion, to: version },
  ]);
  await finishIssuedRevision(outcome);
  if (mail)
    await tellAboutOutcome(
      event,
      outcome,
      { key: 'outcome.revisionIssued', occurrence: `revision:${version}`, version },
      mail,
    );
  return version;
}

/** The exclusive step: the insert of the version's number. */
async function claimVersion(outcome: OutcomeView, version: number, actor: Actor, clock: Clock) {
  try {
    await OutcomeVersion.create({
      _id: versionIdOf(outcome.id, version),
      eventId: outcome.eventId,
      documentId: outcome.id,
      version,
      issuedAt: clock.now(),
      issuedBy: actor.label,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    // Issued by someone else a moment ago: their revision is finished here if it is not yet.
    await finishIssuedRevision(outcome);
    throw new ConflictError('OUTCOME_REVISION_ISSUED');
  }
}
