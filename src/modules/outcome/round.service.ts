import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, ValidationError } from '../../shared/errors.js';
import { localToInstant } from '../../shared/zoned-time.js';
import type { EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { tellAboutOutcome } from './notices.js';
import { OutcomeDocument } from './outcome.model.js';
import { addedFields, assertEventOpen, getOutcome, recordOutcomeChange } from './outcome.service.js';
import type { OutcomeView } from './outcome.views.js';
import { keepCirculatedText } from './circulated.js';
import { itemsOf } from './paragraphs.service.js';
import { OutcomeRound } from './round.model.js';
import type { RoundInput } from './round.schemas.js';

export interface RoundView {
  id: string;
  version: number;
  openedAt: Date;
  deadline: Date;
  observersMayPropose: boolean;
  closedAt: Date | undefined;
}

const roundId = (outcome: Pick<OutcomeView, 'id' | 'currentVersion'>) =>
  `${outcome.id}:${outcome.currentVersion}`;

/** The round on the version being worked on, if one was opened. */
export async function roundOf(outcome: OutcomeView): Promise<RoundView | undefined> {
  const found = await OutcomeRound.findById(roundId(outcome)).lean();
  if (!found) return undefined;
  return {
    id: found._id,
    version: found.version,
    openedAt: found.openedAt,
    deadline: found.deadline,
    observersMayPropose: found.observersMayPropose,
    closedAt: found.closedAt ?? undefined,
  };
}

/** Focal points propose until the deadline; the team, for what is said in the room, until it closes the round. */
export function isOpen(round: RoundView | undefined, now: Date, by: 'link' | 'team' = 'link'): boolean {
  if (!round || round.closedAt) return false;
  return by === 'team' || now < round.deadline;
}

/**
 * Opens the round of amendments on the version being drafted. The round's id is the version's,
 * so of two organizers opening it at once one opens it and the other is told. With `mail`, the
 * focal points and the team are told (once each).
 */
export async function openRound(
  event: EventView,
  outcomeId: string,
  input: RoundInput,
  actor: Actor,
  clock: Clock,
  mail?: MailDeps,
): Promise<RoundView> {
  assertEventOpen(event);
  const outcome = await getOutcome(event.id, outcomeId);
  // Under silence or adopted, the version is frozen: no round opens on it.
  if (outcome.state === 'under-silence' || outcome.state === 'adopted')
    throw new ConflictError('OUTCOME_NOT_NEGOTIATED');
  if (outcome.state !== 'drafting') throw new ConflictError('OUTCOME_ROUND_EXISTS');
  const deadline = localToInstant(input.deadlineDate, input.deadlineTime, event.timezone);
  if (!deadline) throw new ValidationError([{ field: 'deadlineTime', code: 'invalid_time' }]);
  if (deadline <= clock.now()) throw new ValidationError([{ field: 'deadlineDate', code: 'deadline_past' }]);
  const items = await itemsOf(outcome);
  if (!items.some((item) => item.kind !== 'section')) throw new ConflictError('OUTCOME_EMPTY');
  try {
    await OutcomeRound.create({
      _id: roundId(outcome),
      eventId: event.id,
      documentId: outcome.id,
      version: outcome.currentVersion,
      openedAt: clock.now(),
      openedBy: actor.label,
      deadline,
      observersMayPropose: input.observersMayPropose === 'yes',
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new ConflictError('OUTCOME_ROUND_EXISTS');
    throw error;
  }
  await keepCirculatedText(outcome, items);
  await OutcomeDocument.updateOne({ _id: outcome.id }, { $set: { state: 'round-open' } });
  await roundChange('outcome.round-opened', outcome, actor, clock, { deadline });
  if (mail) {
    const notice = { key: 'outcome.roundOpened' as const, version: outcome.currentVersion, deadline };
    await tellAboutOutcome(
      event,
      outcome,
      { ...notice, occurrence: `round:${outcome.currentVersion}` },
      mail,
    );
  }
  return (await roundOf(outcome))!;
}

/** Ends the round now: nobody proposes, supports or withdraws any more. */
export async function closeRound(
  event: EventView,
  outcomeId: string,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  assertEventOpen(event);
  const outcome = await getOutcome(event.id, outcomeId);
  const round = await roundOf(outcome);
  if (!round || round.closedAt) throw new ConflictError('OUTCOME_ROUND_CLOSED');
  await OutcomeRound.updateOne({ _id: round.id }, { $set: { closedAt: clock.now() } });
  await roundChange('outcome.round-closed', outcome, actor, clock, {});
}

async function roundChange(
  action: string,
  outcome: OutcomeView,
  actor: Actor,
  clock: Clock,
  extra: Record<string, unknown>,
) {
  await recordOutcomeChange(action, outcome, actor, clock, addedFields(extra));
}
