import mongoose from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import type { Actor } from '../../shared/actor.js';
import type { Clock } from '../../shared/clock.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../shared/errors.js';
import { recordChange } from '../audit/index.js';
import type { EventView } from '../events/index.js';
import type { MailDeps } from '../invitations/index.js';
import { openCall, type CallView } from './call.service.js';
import { SideEventProposal, type ProposalState } from './proposal.model.js';
import { toProposalView, type ProposalView } from './proposal.views.js';
import { checkRules, type RuleCheck } from './rules.js';
import type { ProposalInput } from './side-events.schemas.js';
import { mailProposers, proposalLink } from './side-events.mail.js';

/** States in which a proposal still counts (against an organization's limit, for a slot). */
export const LIVE_STATES: readonly ProposalState[] = ['submitted', 'under_review', 'accepted', 'waitlisted'];
/** States in which the proposer may still change the proposal while the call is open. */
const EDITABLE: readonly ProposalState[] = ['submitted', 'under_review', 'waitlisted'];

/** Who acts through a proposal's private link, as the history names them. */
export const proposerActor = (proposal: Pick<ProposalView, 'contact'>): Actor => ({
  label: `${proposal.contact.name} (side-event link)`,
  via: 'link',
});

export async function getProposal(eventId: string, proposalId: string): Promise<ProposalView> {
  const found = await SideEventProposal.findById(proposalId).lean();
  if (!found || found.eventId !== eventId) throw new NotFoundError();
  return toProposalView(found);
}

export async function proposalById(proposalId: string): Promise<ProposalView> {
  const found = await SideEventProposal.findById(proposalId).lean();
  if (!found) throw new NotFoundError();
  return toProposalView(found);
}

/**
 * An event's proposals, newest number last. A call draws tens to a few hundred proposals, so
 * one equality read of the event's proposals (or of one state) serves every page of the list.
 */
export async function proposalsOf(eventId: string, state?: ProposalState): Promise<ProposalView[]> {
  const found = await SideEventProposal.find(state ? { eventId, state } : { eventId }).lean();
  return found.map(toProposalView).sort((a, b) => a.number - b.number);
}

/** The rule checks of one proposal against the others still in the call. */
export async function checksOf(
  event: EventView,
  call: CallView | undefined,
  proposal: ProposalView,
  all?: ProposalView[],
): Promise<RuleCheck[]> {
  if (!call) return [];
  const others = (all ?? (await proposalsOf(event.id))).filter((p) => LIVE_STATES.includes(p.state));
  return checkRules(proposal, call.rules, event, others);
}

function assertSlotsOffered(call: CallView, input: ProposalInput): void {
  const offered = new Set(call.slots.map((s) => s.id));
  const errors: FieldError[] = input.preferredSlots
    .map((id, i) => ({ id, i }))
    .filter(({ id }) => !offered.has(id))
    .map(({ i }) => ({ field: `preferredSlots.${i}`, code: 'unknown_reference' }));
  if (errors.length > 0) throw new ValidationError(errors);
}

const storedFields = (input: ProposalInput) => ({
  title: input.title,
  description: input.description ?? {},
  organizers: input.organizers,
  contact: input.contact,
  expectedAttendance: input.expectedAttendance,
  preferredSlots: input.preferredSlots,
  interpretation: input.interpretation,
  ...(input.accessibility && { accessibility: input.accessibility }),
});

/**
 * A proposal sent through the public form while the call is open. It gets the event's next
 * number (the unique index decides between simultaneous submissions), and its contact a mail
 * with the private link to follow and change it. Returns the proposal and a link for the page
 * after the form.
 */
export async function submitProposal(
  event: EventView,
  input: ProposalInput,
  deps: MailDeps,
): Promise<{ proposal: ProposalView; token: string }> {
  const call = await openCall(event, deps.clock);
  assertSlotsOffered(call, input);
  const now = deps.clock.now();
  let created;
  for (let attempt = 0; !created; attempt += 1) {
    const last = await SideEventProposal.find({ eventId: event.id }, { number: 1 }).lean();
    const number = Math.max(0, ...last.map((p) => p.number)) + 1 + attempt;
    try {
      created = await SideEventProposal.create({
        _id: new mongoose.Types.ObjectId(),
        eventId: event.id,
        number,
        ...storedFields(input),
        otherContacts: [],
        mergedFrom: [],
        state: 'submitted',
        stateAt: now,
        submittedAt: now,
        revision: 1,
      });
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= 20) throw error;
    }
  }
  const proposal = toProposalView(created.toObject());
  await recordChange(
    {
      action: 'side-event.submitted',
      subjectType: 'side-event',
      subjectId: proposal.id,
      actor: {
        label: `${input.contact.givenName} ${input.contact.familyName} (side-event form)`,
        via: 'link',
      },
    },
    deps.clock,
  );
  await mailProposers(
    { event, proposal, key: 'sideEvent.received', occasion: 'received', closesAt: call.closesAt },
    deps,
  );
  return { proposal, token: await proposalLink(event, proposal.id, deps) };
}

/** The proposer changes the proposal: only while the call is open and no decision is final. */
export async function updateOwnProposal(
  event: EventView,
  proposal: ProposalView,
  input: ProposalInput,
  clock: Clock,
): Promise<ProposalView> {
  const call = await openCall(event, clock);
  if (!EDITABLE.includes(proposal.state)) throw new ConflictError('PROPOSAL_DECIDED');
  assertSlotsOffered(call, input);
  await SideEventProposal.updateOne(
    { _id: proposal.id },
    { $set: { ...storedFields(input), revision: proposal.revision + 1 } },
  );
  await recordChange(
    {
      action: 'side-event.updated',
      subjectType: 'side-event',
      subjectId: proposal.id,
      actor: proposerActor(proposal),
    },
    clock,
  );
  return getProposal(event.id, proposal.id);
}
