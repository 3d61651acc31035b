import { insertUnlessTaken } from '../../db/duplicate-key.js';
import { systemActor, type Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, ValidationError } from '../../shared/errors.js';
import { localToInstant } from '../../shared/zoned-time.js';
import { getEvent, type EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import type { DelegationView } from '../registrations/index.js';
import { publishAdopted, type OutcomeDeps } from './adoption.js';
import { canDecide } from './decisions.service.js';
import { tellAboutOutcome } from './notices.js';
import { OutcomeDocument } from './outcome.model.js';
import { addedFields, assertEventOpen, getOutcome, recordOutcomeChange } from './outcome.service.js';
import { toOutcomeView, type OutcomeView } from './outcome.views.js';
import { itemsOf } from './paragraphs.service.js';
import { OutcomeRound } from './round.model.js';
import { roundOf } from './round.service.js';
import { OutcomeSilence, OutcomeSilenceEnd, type SilenceEnd } from './silence.model.js';
import type { SilenceInput } from './silence.schemas.js';

export interface SilenceView {
  id: string;
  version: number;
  startedAt: Date;
  startedBy: string;
  deadline: Date;
  /** How it ended, once it has: broken by a delegation (with its reason) or adopted. */
  end:
    | { end: SilenceEnd; at: Date; by: string; country?: string | undefined; reason?: string | undefined }
    | undefined;
}

type StoredSilence = { _id: string; version: number; startedAt: Date; startedBy: string; deadline: Date };

async function viewOf(found: StoredSilence): Promise<SilenceView> {
  const end = await OutcomeSilenceEnd.findById(found._id).lean();
  return {
    id: found._id,
    version: found.version,
    startedAt: found.startedAt,
    startedBy: found.startedBy,
    deadline: found.deadline,
    end: end
      ? {
          end: end.end as SilenceEnd,
          at: end.at,
          by: end.by,
          country: end.country ?? undefined,
          reason: end.reason ?? undefined,
        }
      : undefined,
  };
}

/** The text's latest silence procedure, under way or ended; none if it never had one. */
export async function silenceOf(outcome: Pick<OutcomeView, 'silenceId'>): Promise<SilenceView | undefined> {
  if (!outcome.silenceId) return undefined;
  const found = await OutcomeSilence.findById(outcome.silenceId).lean();
  return found ? viewOf(found) : undefined;
}

/** Every silence procedure of a text, the latest first (a handful). */
export async function silencesOf(outcome: Pick<OutcomeView, 'id'>): Promise<SilenceView[]> {
  const found = await OutcomeSilence.find({ documentId: outcome.id }).lean();
  const views = await Promise.all(found.map(viewOf));
  return views.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
}

/** Under silence: the version is frozen and no round is open; a focal point may still break it. */
export const isUnderSilence = (outcome: OutcomeView, silence: SilenceView | undefined, now: Date) =>
  outcome.state === 'under-silence' && Boolean(silence) && !silence!.end && now < silence!.deadline;

/**
 * Puts the version being worked on under silence until a deadline in the event's time zone. The
 * open round, if any, closes; the text is frozen until someone breaks the silence or it is
 * adopted. Two organizers starting one at once start one.
 */
export async function startSilence(
  event: EventView,
  outcomeId: string,
  input: SilenceInput,
  actor: Actor,
  deps: MailDeps,
): Promise<SilenceView> {
  assertEventOpen(event);
  const outcome = await getOutcome(event.id, outcomeId);
  if (!canDecide(outcome)) throw new ConflictError('OUTCOME_NOT_NEGOTIATED');
  const deadline = localToInstant(input.silenceDate, input.silenceTime, event.timezone);
  if (!deadline) throw new ValidationError([{ field: 'silenceTime', code: 'invalid_time' }]);
  const now = deps.clock.now();
  if (deadline <= now) throw new ValidationError([{ field: 'silenceDate', code: 'deadline_past' }]);
  if (!(await itemsOf(outcome)).some((item) => item.kind !== 'section'))
    throw new ConflictError('OUTCOME_EMPTY');
  // Numbered from the text's latest silence as read with its state: two organizers who both found
  // the text free to start one compute the same id, and the unique _id lets one of them in.
  const previous = outcome.silenceId ? Number(outcome.silenceId.split(':').pop()) : 0;
  const silence = {
    _id: `${outcome.id}:${outcome.currentVersion}:${previous + 1}`,
    eventId: event.id,
    documentId: outcome.id,
    version: outcome.currentVersion,
    startedAt: now,
    startedBy: actor.label,
    deadline,
  };
  if (!(await insertUnlessTaken(OutcomeSilence, silence))) throw new ConflictError('OUTCOME_SILENCE_EXISTS');
  const round = await roundOf(outcome);
  if (round && !round.closedAt) await OutcomeRound.updateOne({ _id: round.id }, { $set: { closedAt: now } });
  await OutcomeDocument.updateOne(
    { _id: outcome.id },
    { $set: { state: 'under-silence', silenceId: silence._id, settling: true } },
  );
  await silenceChange('outcome.silence-started', outcome, actor, deps.clock, { deadline });
  await tellAboutOutcome(
    event,
    outcome,
    {
      key: 'outcome.silenceStarted',
      occurrence: `silence:${silence._id}:started`,
      version: outcome.currentVersion,
      deadline,
    },
    deps,
  );
  return (await silenceOf({ silenceId: silence._id }))!;
}

/**
 * A focal point breaks the silence, once, with a reason: the procedure stops and the text goes
 * back to the team. The break is an insert under the silence's id, the same the adoption makes
 * when the deadline passes: whichever comes first is the silence's one outcome, and the other is
 * refused. A break at or after the deadline is refused (and the text adopted if it was not yet).
 */
export async function breakSilence(
  event: EventView,
  outcomeId: string,
  delegation: Pick<DelegationView, 'id' | 'country'>,
  reason: string,
  actor: Actor,
  deps: OutcomeDeps,
): Promise<SilenceView> {
  assertEventOpen(event);
  const outcome = await getOutcome(event.id, outcomeId);
  const silence = await silenceOf(outcome);
  if (!silence) throw new ConflictError('OUTCOME_NOT_UNDER_SILENCE');
  if (silence.end) throw endedError(silence.end.end);
  const now = deps.clock.now();
  if (now >= silence.deadline) {
    // Adopted now if no look did it yet; a publication that fails is the scheduled look's to
    // finish, the focal point is told the silence is over all the same.
    await adoptIfDue(event, outcome, deps).catch(() => undefined);
    throw endedError('adopted');
  }
  const won = await insertUnlessTaken(OutcomeSilenceEnd, {
    _id: silence.id,
    eventId: event.id,
    documentId: outcome.id,
    end: 'broken',
    at: now,
    by: actor.label,
    delegationId: delegation.id,
    country: delegation.country,
    reason,
  });
  if (!won) {
    const ended = (await silenceOf(outcome))?.end;
    throw endedError(ended?.end ?? 'broken');
  }
  await silenceChange('outcome.silence-broken', outcome, actor, deps.clock, {
    proposer: delegation.country,
    reason,
  });
  const ended = (await silenceOf(outcome))!;
  await followEnd(event, outcome, ended, deps);
  return ended;
}

const endedError = (end: SilenceEnd) =>
  new ConflictError(end === 'broken' ? 'OUTCOME_SILENCE_BROKEN' : 'OUTCOME_SILENCE_OVER');

/**
 * Adopts the text if its silence ran to the deadline unbroken, and finishes what an ended
 * silence left undone (the state, the notices, the publication), so a process that stopped
 * half-way is made good by the next look. The adoption is an insert under the silence's id:
 * it happens once, whichever process or page gets there first. Returns the text as it stands.
 */
export async function adoptIfDue(
  event: EventView,
  outcome: OutcomeView,
  deps: OutcomeDeps,
): Promise<OutcomeView> {
  const silence = await silenceOf(outcome);
  if (!silence) return outcome;
  if (!silence.end) {
    if (outcome.state !== 'under-silence' || deps.clock.now() < silence.deadline) return outcome;
    const won = await insertUnlessTaken(OutcomeSilenceEnd, {
      _id: silence.id,
      eventId: event.id,
      documentId: outcome.id,
      end: 'adopted',
      // Adopted at the deadline, whenever the look that records it comes.
      at: silence.deadline,
      by: adopter.label,
    });
    if (won)
      await silenceChange('outcome.adopted', outcome, adopter, deps.clock, { version: silence.version });
  }
  const ended = (await silenceOf(outcome))!;
  await followEnd(event, outcome, ended, deps);
  return getOutcome(event.id, outcome.id);
}

const adopter = systemActor('Foro (silence procedure ended)');

/**
 * A text as a page shows it: a silence whose deadline passed is adopted now rather than at the
 * scheduled look. A failure half-way (the PDF renderer busy) is left to that look, which tries
 * again and logs it; the page is drawn as the text then stands.
 */
export async function settled(
  event: EventView,
  outcome: OutcomeView,
  deps: OutcomeDeps,
): Promise<OutcomeView> {
  if (outcome.state !== 'under-silence') return outcome;
  return adoptIfDue(event, outcome, deps).catch(() => getOutcome(event.id, outcome.id));
}

/**
 * What follows the end of a silence, each step safe to repeat: a break tells everyone and gives
 * the text back to the team (its state last, so a stop half-way is found again); an adoption
 * freezes the text, tells everyone and publishes it.
 */
async function followEnd(event: EventView, outcome: OutcomeView, silence: SilenceView, deps: OutcomeDeps) {
  const end = silence.end!;
  const notice = {
    occurrence: `silence:${silence.id}:${end.end}`,
    version: silence.version,
    country: end.country,
    reason: end.reason,
  };
  if (end.end === 'broken') {
    await tellAboutOutcome(event, outcome, { ...notice, key: 'outcome.silenceBroken' }, deps);
    await OutcomeDocument.updateOne(
      { _id: outcome.id, silenceId: silence.id, state: 'under-silence' },
      { $set: { state: 'drafting' }, $unset: { settling: 1 } },
    );
    return;
  }
  await OutcomeDocument.updateOne({ _id: outcome.id, silenceId: silence.id }, { $set: { state: 'adopted' } });
  await tellAboutOutcome(event, outcome, { ...notice, key: 'outcome.adopted' }, deps);
  const symbol = await publishAdopted(event, { ...outcome, state: 'adopted' }, end.at, deps);
  if (symbol) await silenceChange('outcome.published', outcome, adopter, deps.clock, { symbol });
}

/**
 * The scheduled look at every text under silence or adopted and not yet published (`settling`):
 * adopts those whose deadline passed and finishes any ended silence's steps. One text's failure does not stop
 * the others; it is tried again at the next look.
 */
export async function settleSilences(deps: OutcomeDeps): Promise<void> {
  const pending = (await OutcomeDocument.find({ settling: true }).lean()).map(toOutcomeView);
  const failures: unknown[] = [];
  for (const outcome of pending) {
    try {
      const event = await getEvent(outcome.eventId);
      if (event.status === 'archived') continue;
      await adoptIfDue(event, outcome, deps);
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'settling silence procedures failed');
}

async function silenceChange(
  action: string,
  outcome: OutcomeView,
  actor: Actor,
  clock: Clock,
  extra: Record<string, unknown>,
) {
  await recordOutcomeChange(action, outcome, actor, clock, addedFields(extra));
}
