import mongoose from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import type { Language } from '../../shared/i18n/index.js';
import type { EventView } from '../events/index.js';
import { versionKeyOf } from './outcome.model.js';
import { assertEventOpen, recordParagraphChange } from './outcome.service.js';
import type { OutcomeView, ParagraphView } from './outcome.views.js';
import { itemOf } from './paragraphs.service.js';
import {
  OutcomeProposal,
  OutcomeStance,
  type ProposalKind,
  type ProposalState,
  type Stance,
} from './round.model.js';
import type { ProposalInput } from './round.schemas.js';
import { isOpen, roundOf, type RoundView } from './round.service.js';

/** Who proposes: a delegation (through its link, or orally in the room), or an observer named by the team. */
export interface Proposer {
  delegation?: { id: string; country: string };
  observerName?: string;
  /** A delegation of a state that is not among the event's participants is an observer. */
  observer: boolean;
  by: 'link' | 'team';
}

export interface ProposalView {
  id: string;
  paragraphRef: string;
  delegationId: string | undefined;
  country: string | undefined;
  observerName: string | undefined;
  observer: boolean;
  oral: boolean;
  kind: ProposalKind;
  passage: string | undefined;
  text: string | undefined;
  explanation: string | undefined;
  language: Language;
  state: ProposalState;
  proposedAt: Date;
  supporters: string[];
  objectors: string[];
}

/** A delegation whose state is not among the event's participating states takes part as an observer. */
export const isObserverState = (event: EventView, country: string) =>
  event.countries.length > 0 && !event.countries.includes(country);

async function openRoundFor(event: EventView, outcome: OutcomeView, by: 'link' | 'team', now: Date) {
  assertEventOpen(event);
  // Under silence or adopted, the version is frozen whatever its round says.
  if (outcome.state === 'under-silence' || outcome.state === 'adopted')
    throw new ConflictError('OUTCOME_ROUND_CLOSED');
  const round = await roundOf(outcome);
  if (!isOpen(round, now, by)) throw new ConflictError('OUTCOME_ROUND_CLOSED');
  return round!;
}

/** The paragraph a proposal is about, in the version under amendment; anything else is a mistake in the form. */
async function paragraphFor(outcome: OutcomeView, ref: string): Promise<ParagraphView> {
  const paragraph = await itemOf(outcome, ref).catch(() => undefined);
  if (!paragraph || paragraph.kind === 'section')
    throw new ValidationError([{ field: 'paragraph', code: 'invalid_choice' }]);
  return paragraph;
}

/**
 * Records a proposal. Each is its own insert, so two made at the same instant are both kept; the
 * form's key is unique per proposer and round, so a form sent twice gives the first proposal back.
 */
export async function propose(
  event: EventView,
  outcome: OutcomeView,
  proposer: Proposer,
  input: ProposalInput,
  actor: Actor,
  clock: Clock,
): Promise<{ id: string; created: boolean }> {
  const round = await openRoundFor(event, outcome, proposer.by, clock.now());
  if (proposer.observer && !round.observersMayPropose) throw new ConflictError('OUTCOME_OBSERVERS_CLOSED');
  const paragraph = await paragraphFor(outcome, input.paragraph);
  if (input.passage && input.kind !== 'delete' && !paragraph.text.includes(input.passage))
    throw new ValidationError([{ field: 'passage', code: 'passage_not_found' }]);
  const who = proposer.delegation?.id ?? `observer:${proposer.observerName ?? ''}`;
  const dedupeKey = `${round.id}:${who}:${input.key}`;
  try {
    const created = await OutcomeProposal.create(
      stored(outcome, round, paragraph, proposer, input, dedupeKey, actor, clock),
    );
    await recordParagraphChange('outcome.proposed', outcome, paragraph, actor, clock, [
      { field: 'proposer', from: undefined, to: proposerName(proposer) },
    ]);
    return { id: String(created._id), created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const first = await OutcomeProposal.findOne({ dedupeKey }, { _id: 1 }).lean();
    if (!first) throw error;
    return { id: String(first._id), created: false };
  }
}

function stored(
  outcome: OutcomeView,
  round: RoundView,
  paragraph: ParagraphView,
  proposer: Proposer,
  input: ProposalInput,
  dedupeKey: string,
  actor: Actor,
  clock: Clock,
) {
  return {
    eventId: outcome.eventId,
    documentId: outcome.id,
    versionKey: versionKeyOf(outcome.id, outcome.currentVersion),
    roundId: round.id,
    paragraphRef: paragraph.ref,
    delegationId: proposer.delegation?.id,
    country: proposer.delegation?.country,
    observerName: proposer.observerName,
    observer: proposer.observer,
    oral: proposer.by === 'team',
    kind: input.kind,
    passage: input.kind === 'delete' ? undefined : input.passage || undefined,
    text: input.kind === 'delete' ? undefined : input.text,
    explanation: input.explanation || undefined,
    language: input.language,
    state: 'open' as const,
    dedupeKey,
    proposedAt: clock.now(),
    proposedBy: actor.label,
  };
}

const proposerName = (p: Proposer) => p.delegation?.country ?? p.observerName ?? '';

/** A delegation's own open proposal of the version under amendment; any other is not found. */
export async function ownProposal(outcome: OutcomeView, delegationId: string, proposalId: string) {
  if (!mongoose.isValidObjectId(proposalId)) throw new NotFoundError();
  const found = await OutcomeProposal.findById(proposalId).lean();
  if (!found || found.versionKey !== versionKeyOf(outcome.id, outcome.currentVersion))
    throw new NotFoundError();
  if (found.delegationId !== delegationId) throw new NotFoundError();
  return found;
}

/** A delegation takes back its own proposal, until the deadline. */
export async function withdrawProposal(
  event: EventView,
  outcome: OutcomeView,
  delegation: { id: string; country: string },
  proposalId: string,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  const found = await ownProposal(outcome, delegation.id, proposalId);
  await openRoundFor(event, outcome, 'link', clock.now());
  if (found.state !== 'open') return;
  await OutcomeProposal.updateOne({ _id: found._id }, { $set: { state: 'withdrawn' } });
  const paragraph = await itemOf(outcome, found.paragraphRef);
  await recordParagraphChange('outcome.withdrawn', outcome, paragraph, actor, clock, [
    { field: 'proposer', from: undefined, to: delegation.country },
  ]);
}

/**
 * A delegation supports or objects to another delegation's proposal, or takes its stance back.
 * One stance per delegation and proposal, kept by its `_id`.
 */
export async function takeStance(
  event: EventView,
  outcome: OutcomeView,
  delegation: { id: string; country: string },
  proposalId: string,
  stance: Stance | 'none',
  actor: Actor,
  clock: Clock,
): Promise<void> {
  if (!mongoose.isValidObjectId(proposalId)) throw new NotFoundError();
  const versionKey = versionKeyOf(outcome.id, outcome.currentVersion);
  const found = await OutcomeProposal.findById(proposalId).lean();
  if (!found || found.versionKey !== versionKey || found.state !== 'open') throw new NotFoundError();
  if (found.delegationId === delegation.id) throw new ConflictError('OUTCOME_OWN_PROPOSAL');
  await openRoundFor(event, outcome, 'link', clock.now());
  const _id = `${proposalId}:${delegation.id}`;
  if (stance === 'none') await OutcomeStance.deleteOne({ _id });
  else {
    const row = {
      _id,
      eventId: event.id,
      versionKey,
      proposalId,
      delegationId: delegation.id,
      country: delegation.country,
      stance,
      at: clock.now(),
    };
    try {
      await OutcomeStance.create(row);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await OutcomeStance.updateOne({ _id }, { $set: { stance, at: row.at } });
    }
  }
  const paragraph = await itemOf(outcome, found.paragraphRef);
  const action =
    stance === 'none'
      ? 'outcome.stance-removed'
      : stance === 'support'
        ? 'outcome.supported'
        : 'outcome.objected';
  await recordParagraphChange(action, outcome, paragraph, actor, clock, [
    { field: 'proposer', from: undefined, to: found.country ?? found.observerName ?? '' },
  ]);
}

/** Every proposal on one version with its supporters and objectors (a few hundred at most, read by equality). */
export async function proposalsOf(
  outcome: OutcomeView,
  version = outcome.currentVersion,
): Promise<ProposalView[]> {
  const versionKey = versionKeyOf(outcome.id, version);
  const [proposals, stances] = await Promise.all([
    OutcomeProposal.find({ versionKey }).lean(),
    OutcomeStance.find({ versionKey }).lean(),
  ]);
  return proposals
    .map((p) => {
      const mine = stances.filter((s) => s.proposalId === String(p._id));
      return {
        id: String(p._id),
        paragraphRef: p.paragraphRef,
        delegationId: p.delegationId ?? undefined,
        country: p.country ?? undefined,
        observerName: p.observerName ?? undefined,
        observer: p.observer,
        oral: p.oral,
        kind: p.kind as ProposalKind,
        passage: p.passage ?? undefined,
        text: p.text ?? undefined,
        explanation: p.explanation ?? undefined,
        language: p.language as Language,
        state: p.state as ProposalState,
        proposedAt: p.proposedAt,
        supporters: mine.filter((s) => s.stance === 'support').map((s) => s.country),
        objectors: mine.filter((s) => s.stance === 'object').map((s) => s.country),
      };
    })
    .sort((a, b) => a.proposedAt.getTime() - b.proposedAt.getTime() || a.id.localeCompare(b.id));
}
