import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Actor } from '../../shared/actor.js';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.js';
import { instantToLocal } from '../../shared/zoned-time.js';
import { assignPerson, createSession, getSession, updateSession } from '../agenda/index.js';
import { recordChange } from '../audit/index.js';
import type { EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { findOrCreatePersonByEmail, type Sector } from '../people/index.js';
import { getCall } from './call.service.js';
import {
  ProposalComment,
  SideEventProposal,
  SideEventSlotHold,
  type ProposalState,
} from './proposal.model.js';
import { organizationKeysOf, proposalsInState } from './proposal.list.js';
import { getProposal } from './proposal.service.js';
import type { ProposalView } from './proposal.views.js';
import { mailProposers } from './side-events.mail.js';
import { nextFreeSlots, slotOf, slotsOf, type Slot } from './slots.js';

/** The moves a reviewer may make from each state (accepting has its own use case). */
const MOVES: Record<ProposalState, readonly ProposalState[]> = {
  submitted: ['under_review', 'waitlisted', 'rejected', 'withdrawn'],
  under_review: ['waitlisted', 'rejected', 'withdrawn'],
  waitlisted: ['under_review', 'rejected', 'withdrawn'],
  accepted: ['rejected', 'withdrawn'],
  rejected: ['under_review'],
  withdrawn: [],
  merged: [],
};
const ACCEPTABLE: readonly ProposalState[] = ['submitted', 'under_review', 'waitlisted'];

export const canMove = (from: ProposalState, to: ProposalState) => MOVES[from].includes(to);
export const canAccept = (state: ProposalState) => ACCEPTABLE.includes(state);

/** The slots of the call that no side event holds. */
export async function freeSlots(eventId: string): Promise<{ all: Slot[]; taken: Set<string> }> {
  const all = await slotsOf(eventId, 'side-event');
  const holds = await SideEventSlotHold.find({ eventId }, { slotId: 1 }).lean();
  return { all, taken: new Set(holds.map((h) => h.slotId)) };
}

/** The free slots from the one asked for on (or from the start), to offer after a refusal. */
export async function nextFreeSideEventSlots(eventId: string, wanted?: string): Promise<Slot[]> {
  const { all, taken } = await freeSlots(eventId);
  const from = all.find((s) => s.id === wanted)?.startsAt;
  return nextFreeSlots(all, taken, from);
}

const stateChange = (
  proposal: ProposalView,
  to: ProposalState,
  actor: Actor,
  clock: MailDeps['clock'],
  extra: { field: string; from: unknown; to: unknown }[] = [],
) =>
  recordChange(
    {
      action: `side-event.${to}`,
      subjectType: 'side-event',
      subjectId: proposal.id,
      actor,
      changes: [{ field: 'state', from: proposal.state, to }, ...extra],
    },
    clock,
  );

/**
 * Accepts a proposal into a slot. The slot is held by an insert against unique indexes, so of two
 * accepts into one slot at the same moment exactly one wins; the other is told the slot is taken
 * (409). The accepted proposal becomes a scheduled side-event session of the agenda, with its
 * proposers in it, and every proposer is mailed in their language.
 */
export async function acceptProposal(
  event: EventView,
  proposalId: string,
  slotId: string,
  actor: Actor,
  deps: MailDeps,
): Promise<ProposalView> {
  const proposal = await getProposal(event.id, proposalId);
  if (!canAccept(proposal.state)) throw new ConflictError('PROPOSAL_DECIDED');
  const slot = await slotOf(event.id, 'side-event', slotId);
  if (!slot) throw new ValidationError([{ field: 'slotId', code: 'unknown_reference' }]);
  try {
    await SideEventSlotHold.create({
      _id: proposal.id,
      eventId: event.id,
      slotId,
      proposalId: proposal.id,
      heldAt: deps.clock.now(),
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    if (await SideEventSlotHold.exists({ _id: proposal.id })) throw new ConflictError('PROPOSAL_DECIDED');
    throw new ConflictError('SLOT_TAKEN');
  }
  const sessionId = await sessionOfProposal(event, proposal, slot, actor, deps);
  await SideEventProposal.updateOne(
    { _id: proposal.id },
    {
      $set: { state: 'accepted', stateAt: deps.clock.now(), slotId, sessionId },
      $unset: { offeredSlotId: 1 },
    },
  );
  await stateChange(proposal, 'accepted', actor, deps.clock, [{ field: 'slot', from: null, to: slotId }]);
  const accepted = await getProposal(event.id, proposal.id);
  await mailProposers(
    { event, proposal: accepted, key: 'sideEvent.accepted', occasion: `accepted:${slotId}`, slot },
    deps,
  );
  return accepted;
}

/** The side-event session of an accepted proposal, with its proposers in it as chairs. */
async function sessionOfProposal(
  event: EventView,
  proposal: ProposalView,
  slot: Slot,
  actor: Actor,
  deps: MailDeps,
): Promise<string> {
  const from = instantToLocal(slot.startsAt, event.timezone);
  const to = instantToLocal(slot.endsAt, event.timezone);
  const session = await createSession(
    event,
    {
      type: 'side_event',
      title: proposal.title,
      ...(Object.keys(proposal.description).length > 0 && { description: proposal.description }),
      roomId: slot.roomId,
      date: from.date,
      start: from.time,
      end: to.time,
      interpretation: proposal.interpretation,
      ...(proposal.expectedAttendance !== undefined && { expectedAttendance: proposal.expectedAttendance }),
      status: 'scheduled',
    },
    actor,
    deps.clock,
  );
  const lead = proposal.organizers[0];
  for (const contact of [proposal.contact, ...proposal.otherContacts]) {
    const person = await findOrCreatePersonByEmail(
      {
        givenName: contact.givenName,
        familyName: contact.familyName,
        email: contact.email,
        language: contact.language,
        ...(lead && { organization: lead.organization, sector: lead.sector as Sector }),
        ...(lead?.country && { country: lead.country }),
      },
      actor,
      deps.clock,
    );
    await assignPerson(
      session,
      { personId: person.id, role: 'chair', status: 'confirmed' },
      actor,
      deps.clock,
    ).catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error;
    });
  }
  return session.id;
}

/**
 * A reviewer's decision other than accepting: under review, waitlisted, rejected, withdrawn.
 * Leaving `accepted` frees the slot (its session is cancelled) and offers it to the first
 * proposal on the waiting list.
 */
export async function decideProposal(
  event: EventView,
  proposalId: string,
  to: ProposalState,
  input: { reason?: string | undefined },
  actor: Actor,
  deps: MailDeps,
): Promise<ProposalView> {
  const proposal = await getProposal(event.id, proposalId);
  if (!canMove(proposal.state, to)) throw new ConflictError('PROPOSAL_DECIDED');
  const now = deps.clock.now();
  await SideEventProposal.updateOne(
    { _id: proposal.id },
    {
      $set: { state: to, stateAt: now },
      $unset: { slotId: 1, offeredSlotId: 1, ...(proposal.state === 'accepted' && { sessionId: 1 }) },
    },
  );
  await stateChange(
    proposal,
    to,
    actor,
    deps.clock,
    input.reason ? [{ field: 'reason', from: null, to: input.reason }] : [],
  );
  const decided = await getProposal(event.id, proposal.id);
  const occasion = `${to}:${now.getTime()}`;
  if (to === 'waitlisted')
    await mailProposers({ event, proposal: decided, key: 'sideEvent.waitlisted', occasion }, deps);
  if (to === 'rejected')
    await mailProposers(
      { event, proposal: decided, key: 'sideEvent.rejected', occasion, reason: input.reason },
      deps,
    );
  if (proposal.state === 'accepted') await releaseSlot(event, proposal, actor, deps);
  return decided;
}

/** Frees an accepted proposal's slot, cancels its session and offers the slot to the waiting list. */
export async function releaseSlot(
  event: EventView,
  proposal: ProposalView,
  actor: Actor,
  deps: MailDeps,
): Promise<void> {
  await SideEventSlotHold.deleteOne({ _id: proposal.id });
  if (proposal.sessionId) {
    const session = await getSession(event.id, proposal.sessionId).catch(() => undefined);
    if (session && session.status !== 'cancelled')
      await updateSession(event, session.id, { status: 'cancelled' }, actor, deps.clock);
  }
  if (proposal.slotId) await offerFreedSlot(event, proposal.slotId, deps);
}

/**
 * Offers a freed slot to the proposal that has waited longest on the waiting list and has no
 * offer yet (one that asked for that slot first). The proposer takes it on their page.
 */
async function offerFreedSlot(event: EventView, slotId: string, deps: MailDeps): Promise<void> {
  const slot = await slotOf(event.id, 'side-event', slotId);
  if (!slot) return;
  const waiting = (await proposalsInState(event.id, 'waitlisted'))
    .filter((p) => !p.offeredSlotId)
    .sort((a, b) => Number(b.preferredSlots.includes(slotId)) - Number(a.preferredSlots.includes(slotId)));
  const first = waiting[0];
  if (!first) return;
  await SideEventProposal.updateOne({ _id: first.id }, { $set: { offeredSlotId: slotId } });
  await recordChange(
    {
      action: 'side-event.slot-offered',
      subjectType: 'side-event',
      subjectId: first.id,
      actor: { label: 'Foro (waiting list)', via: 'system' },
      changes: [{ field: 'offeredSlot', from: null, to: slotId }],
    },
    deps.clock,
  );
  await mailProposers(
    { event, proposal: first, key: 'sideEvent.slotOffered', occasion: `offered:${slotId}`, slot },
    deps,
  );
}

/** The proposer takes the slot offered to their waitlisted proposal (409 if it went meanwhile). */
export async function takeOfferedSlot(
  event: EventView,
  proposal: ProposalView,
  actor: Actor,
  deps: MailDeps,
): Promise<ProposalView> {
  if (proposal.state !== 'waitlisted' || !proposal.offeredSlotId) throw new NotFoundError();
  return acceptProposal(event, proposal.id, proposal.offeredSlotId, actor, deps);
}

/** The proposer withdraws their proposal; an accepted one frees its slot. */
export async function withdrawOwnProposal(
  event: EventView,
  proposal: ProposalView,
  actor: Actor,
  deps: MailDeps,
): Promise<ProposalView> {
  return decideProposal(event, proposal.id, 'withdrawn', {}, actor, deps);
}

export async function commentOnProposal(
  event: EventView,
  proposalId: string,
  text: string,
  actor: Actor,
  clock: MailDeps['clock'],
): Promise<void> {
  const proposal = await getProposal(event.id, proposalId);
  await ProposalComment.create({
    eventId: event.id,
    proposalId: proposal.id,
    text,
    by: actor.label,
    at: clock.now(),
  });
  await recordChange(
    {
      action: 'side-event.commented',
      subjectType: 'side-event',
      subjectId: proposal.id,
      actor,
      changes: [{ field: 'comment', from: null, to: text.slice(0, 200) }],
    },
    clock,
  );
}

export async function commentsOf(proposalId: string) {
  const found = await ProposalComment.find({ proposalId }).lean();
  return found
    .map((c) => ({ id: String(c._id), text: c.text, by: c.by, at: c.at }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Merges `otherId` into `targetId`: one joint proposal with the organizers, preferred slots and
 * proposers of both; the other is marked merged into it. Every proposer of both is told.
 */
export async function mergeProposals(
  event: EventView,
  targetId: string,
  otherId: string,
  actor: Actor,
  deps: MailDeps,
): Promise<ProposalView> {
  if (targetId === otherId) throw new ValidationError([{ field: 'otherId', code: 'same_proposal' }]);
  const target = await getProposal(event.id, targetId);
  const other = await getProposal(event.id, otherId).catch(() => {
    throw new ValidationError([{ field: 'otherId', code: 'unknown_reference' }]);
  });
  if (!canAccept(target.state) || !canAccept(other.state)) throw new ConflictError('PROPOSAL_DECIDED');
  const known = new Set(target.organizers.map((o) => o.organization.toLowerCase()));
  const organizers = [
    ...target.organizers,
    ...other.organizers.filter((o) => !known.has(o.organization.toLowerCase())),
  ];
  const emails = new Set([target.contact.email, ...target.otherContacts.map((c) => c.email)]);
  const contacts = [
    ...target.otherContacts,
    ...[other.contact, ...other.otherContacts].filter((c) => !emails.has(c.email)),
  ];
  const now = deps.clock.now();
  await SideEventProposal.updateOne(
    { _id: target.id },
    {
      $set: {
        organizers: organizers.map(({ organization, country, sector }) => ({
          organization,
          sector,
          ...(country && { country }),
        })),
        organizationKeys: organizationKeysOf(organizers),
        otherContacts: contacts.map(({ name: _name, phone, ...c }) => ({ ...c, ...(phone && { phone }) })),
        preferredSlots: [...new Set([...target.preferredSlots, ...other.preferredSlots])],
        mergedFrom: [...target.mergedFrom, other.id],
        revision: target.revision + 1,
      },
    },
  );
  await SideEventProposal.updateOne(
    { _id: other.id },
    { $set: { state: 'merged', stateAt: now, mergedInto: target.id }, $unset: { offeredSlotId: 1 } },
  );
  await stateChange(other, 'merged', actor, deps.clock, [
    { field: 'mergedInto', from: null, to: `#${target.number}` },
  ]);
  await recordChange(
    {
      action: 'side-event.joined',
      subjectType: 'side-event',
      subjectId: target.id,
      actor,
      changes: [{ field: 'mergedFrom', from: null, to: `#${other.number}` }],
    },
    deps.clock,
  );
  const joint = await getProposal(event.id, target.id);
  await mailProposers(
    { event, proposal: joint, key: 'sideEvent.merged', occasion: `merged:${other.id}` },
    deps,
  );
  return joint;
}

/** Accepted proposals and the slots they hold, for the call's page. */
export async function heldSlots(eventId: string): Promise<Map<string, string>> {
  const holds = await SideEventSlotHold.find({ eventId }).lean();
  return new Map(holds.map((h) => [h.slotId, h.proposalId]));
}

export { getCall };
