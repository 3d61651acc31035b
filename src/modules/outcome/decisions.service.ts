import mongoose from 'mongoose';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import type { EventView } from '../events/index.js';
import { insertUnlessTaken } from '../../db/duplicate-key.js';
import { OutcomeDecision, OutcomeParagraph, versionKeyOf, type ParagraphStatus } from './outcome.model.js';
import { assertEventOpen, getOutcome, recordParagraphChange } from './outcome.service.js';
import type { OutcomeView, ParagraphView } from './outcome.views.js';
import { insertAfter, itemOf } from './paragraphs.service.js';
import { OutcomeProposal, type ProposalKind } from './round.model.js';

/** The facilitator decides on the version being worked on, until it goes under silence. */
export const canDecide = (outcome: OutcomeView) =>
  outcome.state === 'drafting' || outcome.state === 'round-open';

async function workedOn(event: EventView, outcomeId: string): Promise<OutcomeView> {
  assertEventOpen(event);
  const outcome = await getOutcome(event.id, outcomeId);
  if (!canDecide(outcome)) throw new ConflictError('OUTCOME_NOT_NEGOTIATED');
  return outcome;
}

async function paragraphOf(outcome: OutcomeView, ref: string): Promise<ParagraphView> {
  const item = await itemOf(outcome, ref);
  if (item.kind === 'section') throw new NotFoundError();
  return item;
}

/** Sets a paragraph's status: pending, agreed ad referendum, agreed. */
export async function setParagraphStatus(
  event: EventView,
  outcomeId: string,
  ref: string,
  status: ParagraphStatus,
  actor: Actor,
  clock: Clock,
): Promise<ParagraphView> {
  const outcome = await workedOn(event, outcomeId);
  const item = await paragraphOf(outcome, ref);
  if (item.status === status) return item;
  await OutcomeParagraph.updateOne({ _id: item.id }, { $set: { status } });
  await recordParagraphChange('outcome.status-set', outcome, item, actor, clock, [
    { field: 'status', from: item.status, to: status },
  ]);
  return { ...item, status };
}

interface Amendment {
  kind: ProposalKind;
  passage?: string | undefined;
  text?: string | undefined;
}

/**
 * The paragraph's text once an amendment is made: a replacement of the passage's first
 * occurrence, or an insertion after it (at the end without one). Undefined when the passage is
 * no longer in the text, as the text changed since the proposal was made.
 */
export function amendedText(text: string, p: Amendment): string | undefined {
  const added = (p.text ?? '').trim();
  if (p.kind === 'insert' && !p.passage) return `${text.trimEnd()} ${added}`;
  const at = p.passage ? text.indexOf(p.passage) : -1;
  if (at < 0) return undefined;
  const end = at + p.passage!.length;
  if (p.kind === 'replace') return text.slice(0, at) + added + text.slice(end);
  return `${text.slice(0, end)} ${added}${text.slice(end)}`;
}

/** An open proposal on the version being worked on; any other is not found. */
async function openProposal(outcome: OutcomeView, proposalId: string) {
  if (!mongoose.isValidObjectId(proposalId)) throw new NotFoundError();
  const found = await OutcomeProposal.findById(proposalId).lean();
  if (!found || found.documentId !== outcome.id) throw new NotFoundError();
  // A proposal on an earlier version, from a page drawn before a revision was issued.
  if (found.versionKey !== versionKeyOf(outcome.id, outcome.currentVersion))
    throw new ConflictError('OUTCOME_VERSION_FROZEN');
  if (found.state !== 'open') throw new ConflictError('OUTCOME_PROPOSAL_DECIDED');
  return found;
}

/**
 * Accepts a proposal: the text becomes what it makes of it (a deleted paragraph leaves the
 * version, a new one is added after it). The other proposals on the paragraph stay open.
 */
export async function acceptProposal(
  event: EventView,
  outcomeId: string,
  ref: string,
  proposalId: string,
  actor: Actor,
  clock: Clock,
): Promise<ParagraphView> {
  const outcome = await workedOn(event, outcomeId);
  const item = await paragraphOf(outcome, ref);
  const proposal = await openProposal(outcome, proposalId);
  if (proposal.paragraphRef !== item.ref) throw new NotFoundError();
  await claimDecision([proposalId], clock);
  const change = await applied(outcome, item, {
    kind: proposal.kind,
    passage: proposal.passage ?? undefined,
    text: proposal.text ?? undefined,
  }).catch(async (error: unknown) => {
    // Not applied (its passage is gone): the proposal stays open for a compromise.
    await OutcomeDecision.deleteOne({ _id: proposalId });
    throw error;
  });
  await OutcomeProposal.updateOne({ _id: proposal._id }, { $set: { state: 'accepted' } });
  await recordParagraphChange('outcome.accepted', outcome, item, actor, clock, [
    { field: 'proposer', from: undefined, to: proposal.country ?? proposal.observerName ?? '' },
    { field: 'text', from: change.from, to: change.to },
  ]);
  return item;
}

async function applied(outcome: OutcomeView, item: ParagraphView, proposal: Amendment) {
  if (proposal.kind === 'delete') {
    await OutcomeParagraph.deleteOne({ _id: item.id });
    return { from: item.text, to: undefined };
  }
  if (proposal.kind === 'add-after') {
    const added = await insertAfter(outcome, item.kind, item, proposal.text ?? '');
    return { from: undefined, to: added.text };
  }
  const text = amendedText(item.text, proposal);
  if (text === undefined) throw new ConflictError('OUTCOME_PASSAGE_GONE');
  await OutcomeParagraph.updateOne({ _id: item.id }, { $set: { text } });
  return { from: item.text, to: text };
}

/** A compromise text replaces the paragraph's; the proposals it merges are marked merged. */
export async function writeCompromise(
  event: EventView,
  outcomeId: string,
  ref: string,
  input: { text: string; merges: string[] },
  actor: Actor,
  clock: Clock,
): Promise<ParagraphView> {
  const outcome = await workedOn(event, outcomeId);
  const item = await paragraphOf(outcome, ref);
  const merged = await Promise.all(input.merges.map((id) => openProposal(outcome, id)));
  if (merged.some((p) => p.paragraphRef !== item.ref))
    throw new ValidationError([{ field: 'merges', code: 'invalid_choice' }]);
  await claimDecision(
    merged.map((p) => String(p._id)),
    clock,
  );
  await OutcomeParagraph.updateOne({ _id: item.id }, { $set: { text: input.text } });
  for (const p of merged) await OutcomeProposal.updateOne({ _id: p._id }, { $set: { state: 'merged' } });
  const states = merged.map((p) => p.country ?? p.observerName ?? '').join(', ');
  await recordParagraphChange('outcome.compromise', outcome, item, actor, clock, [
    { field: 'proposer', from: undefined, to: states },
    { field: 'text', from: item.text, to: input.text },
  ]);
  return { ...item, text: input.text };
}

/**
 * Claims the decision on each proposal with an insert against its id; if another organizer
 * decided one of them first, the claims taken here are given back and the decision refused.
 */
async function claimDecision(proposalIds: string[], clock: Clock): Promise<void> {
  const taken: string[] = [];
  for (const id of proposalIds) {
    if (await insertUnlessTaken(OutcomeDecision, { _id: id, decidedAt: clock.now() })) {
      taken.push(id);
      continue;
    }
    for (const own of taken) await OutcomeDecision.deleteOne({ _id: own });
    throw new ConflictError('OUTCOME_PROPOSAL_DECIDED');
  }
}
