import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import type { EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { tellAboutOutcome } from './notices.js';
import { canDecide } from './decisions.service.js';
import { renumbered, slotKey } from './numbering.js';
import { OutcomeDocument, OutcomeParagraph, OutcomeVersion, versionKeyOf } from './outcome.model.js';
import { assertEventOpen, getOutcome, titleOf } from './outcome.service.js';
import type { OutcomeView } from './outcome.views.js';
import { itemsOf } from './paragraphs.service.js';
import { OutcomeRound } from './round.model.js';
import { roundOf } from './round.service.js';

/**
 * Issues the next revision: the version worked on is frozen as it stands, and Rev.N starts from
 * its text renumbered, each paragraph keeping its stable id and status. Its round, if still open,
 * closes; the next round opens on the new revision. With `mail`, the focal points and the team
 * are told (once each).
 */
export async function issueRevision(
  event: EventView,
  outcomeId: string,
  actor: Actor,
  clock: Clock,
  mail?: MailDeps,
): Promise<number> {
  assertEventOpen(event);
  const outcome = await getOutcome(event.id, outcomeId);
  if (!canDecide(outcome)) throw new ConflictError('OUTCOME_NOT_NEGOTIATED');
  const items = await itemsOf(outcome);
  if (!items.some((item) => item.kind !== 'section')) throw new ConflictError('OUTCOME_EMPTY');
  const version = outcome.currentVersion + 1;
  await claimVersion(outcome, version, actor, clock);
  const versionKey = versionKeyOf(outcome.id, version);
  await OutcomeParagraph.insertMany(
    renumbered(items).map((item) => ({
      eventId: outcome.eventId,
      documentId: outcome.id,
      versionKey,
      ref: item.ref,
      kind: item.kind,
      number: item.number,
      suffix: item.suffix,
      slot: slotKey(item, item.ref),
      position: item.position,
      text: item.text,
      status: item.status,
    })),
  );
  const round = await roundOf(outcome);
  if (round && !round.closedAt)
    await OutcomeRound.updateOne({ _id: round.id }, { $set: { closedAt: clock.now() } });
  await OutcomeDocument.updateOne(
    { _id: outcome.id },
    { $set: { currentVersion: version, state: 'drafting' } },
  );
  await recordChange(
    {
      action: 'outcome.revision-issued',
      subjectType: 'outcome',
      subjectId: outcome.id,
      actor,
      changes: [
        { field: 'name', from: titleOf(outcome), to: titleOf(outcome) },
        { field: 'version', from: outcome.currentVersion, to: version },
      ],
    },
    clock,
  );
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
      _id: `${outcome.id}:${version}`,
      eventId: outcome.eventId,
      documentId: outcome.id,
      version,
      issuedAt: clock.now(),
      issuedBy: actor.label,
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('OUTCOME_REVISION_ISSUED');
    throw error;
  }
}
